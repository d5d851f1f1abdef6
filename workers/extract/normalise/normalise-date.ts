import { daysInMonth, isoDate, weekday } from "./calendar.ts";
import { replaceDashes } from "./dashes.ts";
import { type Era, type EraName, eraNames, findEra, gregorianYear } from "./japanese-eras.ts";
import { accept, type Normalised, reject } from "./normalise-result.ts";
import { removeRulings, stripEdgeNoise } from "./ocr-noise.ts";

const ERA_WORD = eraNames.join("|");
// R.5.4.12 appears on some forms: the dot after the initial belongs to the era, not the date.
const ERA_TOKEN = `${ERA_WORD}|[明大昭平令]|[MTSHR]\\.?`;
const WEEKDAYS = "日月火水木金土";
// 令和5年4月12日（水）, 12日水曜日, and 生 / 生まれ after a birth date.
const TAIL = `(?:\\((?<weekday>[${WEEKDAYS}])(?:曜日?)?\\)|(?<weekdayWord>[${WEEKDAYS}])曜日?)?(?:生まれ|生)?`;

const WITH_OWN_ERA = datePatterns(
  `(?:(?<era>${ERA_TOKEN})(?<eraYear>元|\\d{1,2})|(?<year>\\d{4}))`,
);
const IN_GIVEN_ERA = datePatterns("(?<eraYear>元|\\d{1,2})");
/** The printed row 大正・昭和・平成 of older forms, with what OCR makes of the hand-drawn circle. */
const ERA_ROW = new RegExp(`^(?:[○◯()]*(?:${ERA_WORD})[○◯()]*[・,、/]?)+`, "u");
const ERA_WORDS = new RegExp(ERA_WORD, "gu");

interface WrittenDate {
  era: Era | null;
  /** The era year as written, or the Gregorian year when `era` is null. */
  year: number;
  month: number;
  day: number;
  weekday: string | undefined;
}

/**
 * Reads a date written in any of the spec's forms — 令和5年4月12日, R5.4.12, 平31.4.30, ㍻31年…,
 * 2023年4月12日, 2023/4/12, 2023-04-12 — into ISO `YYYY-MM-DD`. A date that does not exist
 * (平成32年, 2月30日, 昭和64年1月8日, 令和元年4月30日) is rejected, not moved to the nearest real one.
 */
export function normaliseDate(raw: string): Normalised<string> {
  const text = clean(raw);
  if (text === "") return reject("日付が記入されていません");
  const eraRow = text.match(ERA_ROW)?.[0] ?? "";
  if ((eraRow.match(ERA_WORDS) ?? []).length > 1)
    return reject("元号が選ばれていません（丸で囲まれた元号を確認してください）");
  return readRepairing(text, (date) => parse(date, WITH_OWN_ERA, null));
}

/** Characters OCR reads for the 日 that closes a date (10昌, 14晶, 25B, 18ロ). */
const DAY_LOOKALIKE = /(?<=月\d{1,2})[昌晶目曰白旦Bロ口]/u;
/**
 * A date written in kanji that stops after the day's number (令和5年3月6, on seeds 26 and 27):
 * OCR lost its closing 日, or the day's last digit with it, which only the reviewer can tell.
 */
const DAY_UNCLOSED = /(?<=年\d{1,2}月\d{1,2})$/u;

/**
 * The date as written, or else with a look-alike of its closing 日 read as 日, or with a stray
 * tail after 日 left out: each repair named in a warning, for review.
 */
function readRepairing(
  text: string,
  parseDate: (date: string) => WrittenDate | null,
): Normalised<string> {
  const written = parseDate(text);
  if (written) return validate(written);
  if (DAY_UNCLOSED.test(text)) {
    const closed = readRepairing(`${text}日`, parseDate);
    return closed.ok
      ? accept(closed.value, [...(closed.warnings ?? []), "日付の「日」が読めません"])
      : closed;
  }
  const misread = text.match(DAY_LOOKALIKE)?.[0];
  if (!misread) return withSeparatorRead(text, parseDate) ?? withStrayTail(text, parseDate);
  const result = readRepairing(text.replace(DAY_LOOKALIKE, "日"), parseDate);
  return result.ok
    ? accept(result.value, [...(result.warnings ?? []), `「${misread}」を「日」と読みました`])
    : result;
}

/** A numeric date (2024/2/13, R3.2.15), however its separators were read. */
const NUMERIC_DATE = /^(?:[A-Z]\.?)?\d[\d./-]*$/u;
const SEPARATOR = /[./-]/u;
const SEPARATOR_LOOKALIKE = /[17]/u;

/**
 * A numeric date with a separator read as a digit that looks like it, in its place (2024/2713)
 * or beside it (20227/6/1), or both of its separators so (20227/5726 for 2022/5/26, 202276723
 * for 2022/6/23: typed with wide letter spacing, in a progress table on held-out seed 34): read
 * with each such digit as the separator, or without it, when exactly one such reading is a date
 * that exists, trying one repair before two. Each repair is named in a warning, for review.
 */
function withSeparatorRead(
  text: string,
  parseDate: (date: string) => WrittenDate | null,
): Normalised<string> | null {
  if (!NUMERIC_DATE.test(text)) return null;
  const sep = text.match(SEPARATOR)?.[0] ?? (/^\d/u.test(text) ? "/" : ".");
  let repaired = [{ text, warnings: [] as string[] }];
  for (let repairs = 1; repairs <= MAX_SEPARATOR_REPAIRS; repairs++) {
    repaired = repaired.flatMap((reading) =>
      separatorRepairs(reading.text, sep).map((repair) => ({
        text: repair.text,
        warnings: [...reading.warnings, repair.warning],
      })),
    );
    const dates = new Map<string, string[]>();
    for (const reading of repaired) {
      const written = parseDate(reading.text);
      const result = written ? validate(written) : null;
      if (result?.ok && !dates.has(result.value))
        dates.set(result.value, [...(result.warnings ?? []), ...reading.warnings]);
    }
    if (dates.size > 1) return null;
    const [only] = dates;
    if (only) return accept(only[0], only[1]);
  }
  return null;
}

/** A date has two separators. */
const MAX_SEPARATOR_REPAIRS = 2;

/** Each way of reading one digit that looks like a separator as one, or as a stray beside one. */
function separatorRepairs(text: string, sep: string): { text: string; warning: string }[] {
  const chars = Array.from(text);
  const isDigit = (at: number) => /\d/u.test(chars[at] ?? "");
  const isSeparator = (at: number) => SEPARATOR.test(chars[at] ?? "");
  return chars.flatMap((char, at) => {
    if (!SEPARATOR_LOOKALIKE.test(char)) return [];
    const repairs: { text: string; warning: string }[] = [];
    if (isDigit(at - 1) && isDigit(at + 1))
      repairs.push({
        text: [...chars.slice(0, at), sep, ...chars.slice(at + 1)].join(""),
        warning: `「${char}」を区切りの「${sep}」と読みました`,
      });
    if (isSeparator(at - 1) || isSeparator(at + 1))
      repairs.push({
        text: [...chars.slice(0, at), ...chars.slice(at + 1)].join(""),
        warning: `区切りの「${sep}」の横の「${char}」は読み飛ばしました`,
      });
    return repairs;
  });
}

/**
 * 令和4年11月14日上: 日 closes a date, so a character or two after it are a speck or a neighbour's
 * ink OCR read into the value, not part of the date. The date is kept, for review with the
 * characters named; nothing of the date itself is changed.
 */
const STRAY_TAIL = /^(?<date>.+日)(?<tail>[^\d]{1,2})$/u;

function withStrayTail(
  text: string,
  parseDate: (date: string) => WrittenDate | null,
): Normalised<string> {
  const groups = text.match(STRAY_TAIL)?.groups;
  const written = groups?.date ? parseDate(groups.date) : null;
  if (!written) return reject("日付として読めません");
  const result = validate(written);
  if (!result.ok) return result;
  return accept(result.value, [
    ...(result.warnings ?? []),
    `日付の後の「${groups?.tail}」は読み飛ばしました`,
  ]);
}

/**
 * For the era row of older forms (大正・昭和・平成　62年11月3日): the caller has seen which era is
 * circled in ink, which the OCR text cannot tell, and passes it as `era`.
 */
export function normaliseDateInEra(raw: string, era: EraName): Normalised<string> {
  const text = clean(raw);
  if (text === "") return reject("日付が記入されていません");
  const eraRow = text.match(ERA_ROW)?.[0] ?? "";
  const printed: string[] = eraRow.match(ERA_WORDS) ?? [];
  const given = findEra(era) ?? null;
  const date = text.slice(eraRow.length);
  const result = readRepairing(date, (written) => parse(written, IN_GIVEN_ERA, given));
  if (!result.ok || printed.length === 0 || printed.includes(era)) return result;
  const warning = `丸で囲まれた元号（${era}）が印刷された選択肢（${printed.join("・")}）にありません`;
  return accept(result.value, [...(result.warnings ?? []), warning]);
}

/**
 * A speck before a date (.R5.3.27) or after its last digit (1977/5/15., 2020/12/2・, on seed 26):
 * no date starts or ends with a mark.
 */
const LEADING_SPECK = /^[.,・*'`]+/u;
const TRAILING_SPECK = /(?<=\d)[.,・*'`。、]+$/u;

function clean(raw: string): string {
  const text = removeRulings(stripEdgeNoise(raw.normalize("NFKC")));
  return replaceDashes(text)
    .replace(/\s+/gu, "")
    .replace(LEADING_SPECK, "")
    .replace(TRAILING_SPECK, "")
    .toUpperCase();
}

function datePatterns(year: string): RegExp[] {
  return [
    new RegExp(`^${year}年(?<month>\\d{1,2})月(?<day>\\d{1,2})日${TAIL}$`, "u"),
    new RegExp(`^${year}(?<sep>[./-])(?<month>\\d{1,2})\\k<sep>(?<day>\\d{1,2})${TAIL}$`, "u"),
  ];
}

function parse(text: string, patterns: RegExp[], givenEra: Era | null): WrittenDate | null {
  for (const pattern of patterns) {
    const groups = text.match(pattern)?.groups;
    if (!groups) continue;
    const eraYear = groups.eraYear === "元" ? 1 : Number(groups.eraYear);
    return {
      era: groups.era ? (findEra(groups.era.replace(".", "")) ?? null) : givenEra,
      year: groups.year ? Number(groups.year) : eraYear,
      month: Number(groups.month),
      day: Number(groups.day),
      weekday: groups.weekday ?? groups.weekdayWord,
    };
  }
  return null;
}

function validate(date: WrittenDate): Normalised<string> {
  const { era, month, day } = date;
  const label = writtenLabel(date);
  if (era && date.year === 0) return reject(`${label}はありません（最初の年は元年です）`);
  const year = era ? gregorianYear(era, date.year) : date.year;
  if (month < 1 || month > 12) return reject(`${month}月はありません`);
  if (day < 1 || day > daysInMonth(year, month)) return reject(`${label}はありません`);
  const iso = isoDate(year, month, day);
  if (era && iso < era.firstDay)
    return reject(`${era.name}は${eraDayLabel(era, era.firstDay)}からです`);
  if (era?.lastDay && iso > era.lastDay)
    return reject(`${era.name}は${eraDayLabel(era, era.lastDay)}までです`);
  return accept(iso, weekdayWarnings(date, year, label));
}

/** A written weekday that disagrees with the date points at a misread digit. */
function weekdayWarnings(date: WrittenDate, year: number, label: string): string[] {
  if (!date.weekday) return [];
  const actual = WEEKDAYS[weekday(year, date.month, date.day)];
  return actual === date.weekday
    ? []
    : [`書かれた曜日（${date.weekday}）が${label}の曜日（${actual}）と合いません`];
}

/** The date as the reviewer would write it: 令和元年5月1日, 2023年2月29日. */
function writtenLabel({ era, year, month, day }: WrittenDate): string {
  return `${era ? `${era.name}${eraYearLabel(year)}` : `${year}年`}${month}月${day}日`;
}

function eraDayLabel(era: Era, iso: string): string {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return `${eraYearLabel(year - gregorianYear(era, 1) + 1)}${month}月${day}日`;
}

function eraYearLabel(eraYear: number): string {
  return eraYear === 1 ? "元年" : `${eraYear}年`;
}
