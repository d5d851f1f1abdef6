/** Japan has no daylight saving time: always UTC+9. */
const JAPAN_OFFSET_MS = 9 * 3600_000;

/** Today's date in Japan as `YYYY-MM-DD`, the day dates on the forms are checked against. */
export function todayInJapan(): string {
  return new Date(Date.now() + JAPAN_OFFSET_MS).toISOString().slice(0, 10);
}

/** A moment as `YYYY-MM-DD HH:MM` in Japan, as offices write it and spreadsheets read it. */
export function japanDateTime(time: Date): string {
  return new Date(time.getTime() + JAPAN_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}
