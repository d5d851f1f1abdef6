import type { Random } from "./random.ts";

/** A calendar day without time zone: forms carry days, and UTC Date maths would shift them. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** How a date is written on paper; the spec lists each of these. */
export type DateStyle = "wareki" | "wareki-short" | "seireki" | "slash" | "era-circle";

export interface WrittenDate {
  printed: string;
  iso: string;
  /** Words circled by hand (the era on old forms that print a row of era names). */
  circled?: string[];
}

interface Era {
  name: string;
  letter: string;
  firstDay: CalendarDate;
}

// Newest first, so the first era that started on or before a date is that date's era.
const ERAS: readonly Era[] = [
  { name: "令和", letter: "R", firstDay: { year: 2019, month: 5, day: 1 } },
  { name: "平成", letter: "H", firstDay: { year: 1989, month: 1, day: 8 } },
  { name: "昭和", letter: "S", firstDay: { year: 1926, month: 12, day: 25 } },
  { name: "大正", letter: "T", firstDay: { year: 1912, month: 7, day: 30 } },
];

const ERA_ROWS: readonly (readonly string[])[] = [
  ["大正", "昭和", "平成"],
  ["昭和", "平成", "令和"],
];

function dayNumber(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / 86_400_000;
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(a) - dayNumber(b);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date((dayNumber(date) + days) * 86_400_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

export function ageOn(birth: CalendarDate, on: CalendarDate): number {
  const hadBirthday = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (hadBirthday ? 0 : 1);
}

export function toIsoDate(date: CalendarDate): string {
  const pad = (value: number, width: number) => String(value).padStart(width, "0");
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

function eraOf(date: CalendarDate): { era: Era; year: number } {
  const era = ERAS.find((candidate) => compareDates(date, candidate.firstDay) >= 0);
  if (!era) throw new Error(`No era for ${toIsoDate(date)}: dates before 大正 are not generated`);
  return { era, year: date.year - era.firstDay.year + 1 };
}

/** Full-width digits (０-９), as typed with the Japanese IME's default conversion. */
export function toFullWidthDigits(text: string): string {
  return text.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
}

export interface DateWritingOptions {
  style: DateStyle;
  fullWidthDigits?: boolean;
  /** Write year 1 of an era as 元年, as most clerks do. */
  gannen?: boolean;
}

export function writeDate(date: CalendarDate, options: DateWritingOptions): WrittenDate {
  const { era, year } = eraOf(date);
  const { month, day } = date;
  const eraYear = year === 1 && options.gannen ? "元" : String(year);
  let printed: string;
  let circled: string[] | undefined;
  switch (options.style) {
    case "wareki":
      printed = `${era.name}${eraYear}年${month}月${day}日`;
      break;
    case "wareki-short":
      printed = `${era.letter}${year}.${month}.${day}`;
      break;
    case "seireki":
      printed = `${date.year}年${month}月${day}日`;
      break;
    case "slash":
      printed = `${date.year}/${month}/${day}`;
      break;
    case "era-circle": {
      const row = ERA_ROWS.find((eras) => eras.includes(era.name));
      if (!row) throw new Error(`No printed era row holds ${era.name}`);
      printed = `${row.join("・")}\u3000${eraYear}年${month}月${day}日`;
      circled = [era.name];
      break;
    }
  }
  return {
    printed: options.fullWidthDigits ? toFullWidthDigits(printed) : printed,
    iso: toIsoDate(date),
    ...(circled ? { circled } : {}),
  };
}

/** A style for a recent date (a form's own date): mostly 令和, as municipal offices write. */
export function pickRecentDateStyle(random: Random): DateStyle {
  return random.pick<DateStyle>(["wareki", "wareki", "wareki", "wareki-short", "seireki", "slash"]);
}

/** A style for a birth date, which old printed forms ask for as a circled era plus numbers. */
export function pickBirthDateStyle(random: Random): DateStyle {
  return random.pick<DateStyle>(["wareki", "wareki", "wareki", "era-circle", "seireki", "slash"]);
}
