/** The 元号 that birth dates and record dates on the paper files can be written in. */

export const eraNames = ["明治", "大正", "昭和", "平成", "令和"] as const;
export type EraName = (typeof eraNames)[number];

export interface Era {
  name: EraName;
  /** Initial used in R5.4.12, and the one-kanji abbreviation used in 昭62.11.3. */
  letter: string;
  short: string;
  /** First and last day (ISO) that may be written in this era. */
  firstDay: string;
  lastDay: string | null;
}

/**
 * Up to 昭和 the new era began on the day the emperor died, so that day is valid under both names
 * (明治45年7月30日 = 大正元年7月30日, 大正15年12月25日 = 昭和元年12月25日). 平成 began the day after
 * 昭和64年1月7日 and 令和 the day after 平成31年4月30日, so there the ranges do not overlap.
 * 明治 starts on 1868-01-25, the Gregorian date of 明治元年1月1日: before 明治6年 Japan counted
 * months by the lunisolar calendar, so 明治1〜5年 dates convert only nominally (no living client
 * was born then; the plausibility check flags such a birth date anyway).
 */
export const eras: readonly Era[] = [
  { name: "明治", letter: "M", short: "明", firstDay: "1868-01-25", lastDay: "1912-07-30" },
  { name: "大正", letter: "T", short: "大", firstDay: "1912-07-30", lastDay: "1926-12-25" },
  { name: "昭和", letter: "S", short: "昭", firstDay: "1926-12-25", lastDay: "1989-01-07" },
  { name: "平成", letter: "H", short: "平", firstDay: "1989-01-08", lastDay: "2019-04-30" },
  { name: "令和", letter: "R", short: "令", firstDay: "2019-05-01", lastDay: null },
];

/** Finds an era by its name, letter (either case) or one-kanji abbreviation. */
export function findEra(token: string): Era | undefined {
  const upper = token.toUpperCase();
  return eras.find((era) => era.name === token || era.short === token || era.letter === upper);
}

/** 元年 is year 1, so 令和5年 is 2019 + 5 − 1. */
export function gregorianYear(era: Era, eraYear: number): number {
  return Number(era.firstDay.slice(0, 4)) + eraYear - 1;
}
