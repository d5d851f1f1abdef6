/** Japan has no daylight saving time: always UTC+9. */
const JAPAN_OFFSET_MS = 9 * 3600_000;

/** Today's date in Japan as `YYYY-MM-DD`, the day dates on the forms are checked against. */
export function todayInJapan(): string {
  return new Date(Date.now() + JAPAN_OFFSET_MS).toISOString().slice(0, 10);
}
