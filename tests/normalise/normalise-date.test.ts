import { describe, expect, it } from "vitest";
import {
  normaliseDate,
  normaliseDateInEra,
} from "../../workers/extract/normalise/normalise-date.ts";

function isoOf(raw: string): string {
  const result = normaliseDate(raw);
  if (!result.ok) throw new Error(`${raw}: ${result.reason}`);
  return result.value;
}

describe("normaliseDate: the spec's forms", () => {
  it.each([
    ["令和5年4月12日", "2023-04-12"],
    ["令和５年４月１２日", "2023-04-12"],
    ["R5.4.12", "2023-04-12"],
    ["令和元年5月1日", "2019-05-01"],
    ["平成31年4月30日", "2019-04-30"],
    ["昭和62年11月3日", "1987-11-03"],
    ["2023年4月12日", "2023-04-12"],
    ["2023/4/12", "2023-04-12"],
  ])("%s → %s", (raw, iso) => {
    expect(normaliseDate(raw)).toEqual({ ok: true, value: iso });
  });
});

describe("normaliseDate: other ways of writing", () => {
  it.each([
    ["R5/4/12", "2023-04-12"],
    ["R5-4-12", "2023-04-12"],
    ["R05.04.12", "2023-04-12"],
    ["r5.4.12", "2023-04-12"],
    ["R 5 . 4 . 12", "2023-04-12"],
    ["Ｒ５．４．１２", "2023-04-12"],
    ["R.5.4.12", "2023-04-12"],
    ["R元.5.1", "2019-05-01"],
    ["H31.4.30", "2019-04-30"],
    ["h31/4/30", "2019-04-30"],
    ["S62.11.3", "1987-11-03"],
    ["T15.12.25", "1926-12-25"],
    ["M45.7.30", "1912-07-30"],
    ["R5年4月12日", "2023-04-12"],
    ["昭62.11.3", "1987-11-03"],
    ["平31年4月30日", "2019-04-30"],
    ["令和 5 年 4 月 12 日", "2023-04-12"],
    ["令和　５年　４月　１２日", "2023-04-12"],
    ["令和05年04月12日", "2023-04-12"],
    ["2023-04-12", "2023-04-12"],
    ["2023.4.12", "2023-04-12"],
    ["２０２３／４／１２", "2023-04-12"],
    ["2023−4−12", "2023-04-12"],
    ["2023年04月12日", "2023-04-12"],
  ])("%s → %s", (raw, iso) => {
    expect(isoOf(raw)).toBe(iso);
  });

  it.each([
    ["㋿5年4月12日", "2023-04-12"],
    ["㍻31年4月30日", "2019-04-30"],
    ["㍼62年11月3日", "1987-11-03"],
    ["㍽15年12月25日", "1926-12-25"],
    ["㍾45年7月30日", "1912-07-30"],
  ])("era ligature %s → %s", (raw, iso) => {
    expect(isoOf(raw)).toBe(iso);
  });

  it("reads month and day ligatures through NFKC", () => {
    expect(isoOf("令和5年㋃㏫")).toBe("2023-04-12");
  });

  it("ignores the label's colon, rulings, underlines and the 生 after a birth date", () => {
    expect(isoOf("：令和5年4月12日")).toBe("2023-04-12");
    expect(isoOf("_R6.4.8")).toBe("2024-04-08");
    expect(isoOf("＿令和5年4月12日＿")).toBe("2023-04-12");
    expect(isoOf("| 昭和62年11月3日 |")).toBe("1987-11-03");
    expect(isoOf("昭和62年11月3日生")).toBe("1987-11-03");
    expect(isoOf("昭和62年11月3日生まれ")).toBe("1987-11-03");
  });

  it("accepts a written weekday and warns when it disagrees with the date", () => {
    expect(normaliseDate("令和5年4月12日（水）")).toEqual({ ok: true, value: "2023-04-12" });
    expect(normaliseDate("2023年4月12日水曜日")).toEqual({ ok: true, value: "2023-04-12" });
    const wrong = normaliseDate("令和5年4月12日(木)");
    expect(wrong.ok && wrong.value).toBe("2023-04-12");
    expect(wrong.ok && wrong.warnings).toEqual([
      "書かれた曜日（木）が令和5年4月12日の曜日（水）と合いません",
    ]);
  });
});

describe("normaliseDate: era boundaries", () => {
  it.each([
    // 明治: first day accepted, the day before not.
    ["明治元年1月25日", "1868-01-25"],
    // 明治→大正 and 大正→昭和: the boundary day is valid under both names.
    ["明治45年7月30日", "1912-07-30"],
    ["大正元年7月30日", "1912-07-30"],
    ["大正15年12月25日", "1926-12-25"],
    ["昭和元年12月25日", "1926-12-25"],
    // 昭和→平成 and 平成→令和: the old era ends the day before.
    ["昭和64年1月7日", "1989-01-07"],
    ["平成元年1月8日", "1989-01-08"],
    ["平成31年4月30日", "2019-04-30"],
    ["令和元年5月1日", "2019-05-01"],
    ["令和1年5月1日", "2019-05-01"],
  ])("%s is %s", (raw, iso) => {
    expect(isoOf(raw)).toBe(iso);
  });

  it.each([
    ["明治元年1月24日", "明治は元年1月25日からです"],
    ["明治45年7月31日", "明治は45年7月30日までです"],
    ["大正元年7月29日", "大正は元年7月30日からです"],
    ["大正15年12月26日", "大正は15年12月25日までです"],
    ["昭和元年12月24日", "昭和は元年12月25日からです"],
    ["昭和64年1月8日", "昭和は64年1月7日までです"],
    ["平成元年1月7日", "平成は元年1月8日からです"],
    ["平成31年5月1日", "平成は31年4月30日までです"],
    ["平成32年1月10日", "平成は31年4月30日までです"],
    ["H32.1.10", "平成は31年4月30日までです"],
    ["令和元年4月30日", "令和は元年5月1日からです"],
    ["令和1年4月30日", "令和は元年5月1日からです"],
  ])("%s does not exist: %s", (raw, reason) => {
    expect(normaliseDate(raw)).toEqual({ ok: false, reason });
  });
});

describe("normaliseDate: dates that do not exist are not repaired", () => {
  it.each([
    ["令和5年2月30日", "令和5年2月30日はありません"],
    ["2023年2月29日", "2023年2月29日はありません"],
    ["2023/4/31", "2023年4月31日はありません"],
    ["令和5年13月1日", "13月はありません"],
    ["R5.0.1", "0月はありません"],
    ["令和5年4月0日", "令和5年4月0日はありません"],
    ["令和0年5月1日", "令和0年5月1日はありません（最初の年は元年です）"],
  ])("%s: %s", (raw, reason) => {
    expect(normaliseDate(raw)).toEqual({ ok: false, reason });
  });

  it("accepts 29 February in a leap year", () => {
    expect(isoOf("2024年2月29日")).toBe("2024-02-29");
    expect(isoOf("令和6年2月29日")).toBe("2024-02-29");
    expect(isoOf("2000/2/29")).toBe("2000-02-29");
    expect(normaliseDate("1900/2/29").ok).toBe(false);
  });

  it.each([
    "",
    " | ",
    "令和5年4月",
    "23/4/12",
    "令和5.4/12",
    "X5.4.12",
    "元年5月1日",
    "令和123年1月1日",
    "令和4年11月14上",
    "2023/4/12上",
    "令和5年4月l2日",
  ])("rejects %j as unreadable", (raw) => {
    const result = normaliseDate(raw);
    expect(result.ok).toBe(false);
  });

  it("keeps a date followed by a stray character or two, for review with them named", () => {
    expect(normaliseDate("令和4年11月14日上")).toEqual({
      ok: true,
      value: "2022-11-14",
      warnings: ["日付の後の「上」は読み飛ばしました"],
    });
    expect(normaliseDate("2023年4月12日午後")).toMatchObject({ ok: true, value: "2023-04-12" });
    expect(normaliseDateInEra("62年11月3日。", "昭和")).toMatchObject({
      ok: true,
      value: "1987-11-03",
      warnings: ["日付の後の「。」は読み飛ばしました"],
    });
    // The date itself is still never repaired.
    expect(normaliseDate("令和5年2月30日上")).toEqual({
      ok: false,
      reason: "令和5年2月30日はありません",
    });
  });

  it("reads a look-alike of the closing 日 as 日, for review with it named", () => {
    expect(normaliseDate("令和3年5月10昌")).toEqual({
      ok: true,
      value: "2021-05-10",
      warnings: ["「昌」を「日」と読みました"],
    });
    expect(normaliseDateInEra("58年3月14晶上", "昭和")).toEqual({
      ok: true,
      value: "1983-03-14",
      warnings: ["日付の後の「上」は読み飛ばしました", "「晶」を「日」と読みました"],
    });
    expect(normaliseDate("昭和54年10月25B")).toEqual({
      ok: true,
      value: "1979-10-25",
      warnings: ["「B」を「日」と読みました"],
    });
    // Only where 日 belongs: after the day's digits.
    expect(normaliseDate("令和3年昌5月10日").ok).toBe(false);
    expect(normaliseDate("令和5年2月30昌")).toEqual({
      ok: false,
      reason: "令和5年2月30日はありません",
    });
  });

  it("reads a date after a speck OCR read as a mark", () => {
    expect(normaliseDate(".R5.3.27")).toEqual({ ok: true, value: "2023-03-27" });
    expect(normaliseDate("・2023/3/27")).toEqual({ ok: true, value: "2023-03-27" });
  });

  it("reads a date before a speck OCR read as a mark", () => {
    expect(normaliseDate("1977/5/15.")).toEqual({ ok: true, value: "1977-05-15" });
    expect(normaliseDate("2020/12/2・")).toEqual({ ok: true, value: "2020-12-02" });
  });

  it("reads a date in kanji whose closing 日 was lost, for review", () => {
    expect(normaliseDate("令和5年3月6")).toEqual({
      ok: true,
      value: "2023-03-06",
      warnings: ["日付の「日」が読めません"],
    });
    expect(normaliseDate("令和4年1月18ロ")).toEqual({
      ok: true,
      value: "2022-01-18",
      warnings: ["「ロ」を「日」と読みました"],
    });
    expect(normaliseDate("令和5年2月30")).toEqual({
      ok: false,
      reason: "令和5年2月30日はありません",
    });
  });

  it("reads a date whose second separator OCR read as a digit, when only one reading exists", () => {
    expect(normaliseDate("2024/2713")).toEqual({
      ok: true,
      value: "2024-02-13",
      warnings: ["「7」を区切りの「/」と読みました"],
    });
    expect(normaliseDate("R3.2715")).toEqual({
      ok: true,
      value: "2021-02-15",
      warnings: ["「7」を区切りの「.」と読みました"],
    });
    expect(normaliseDate("20227/6/1")).toEqual({
      ok: true,
      value: "2022-06-01",
      warnings: ["区切りの「/」の横の「7」は読み飛ばしました"],
    });
    // R3.1.15 and R3.11.5 both exist: which 1 was the separator is not known.
    expect(normaliseDate("R3.1115").ok).toBe(false);
    expect(normaliseDate("2024/2013").ok).toBe(false);
  });

  it("reads a date both of whose separators OCR read as digits, one repair before two", () => {
    expect(normaliseDate("20227/572 6")).toEqual({
      ok: true,
      value: "2022-05-26",
      warnings: ["区切りの「/」の横の「7」は読み飛ばしました", "「7」を区切りの「/」と読みました"],
    });
    expect(normaliseDate("202276723")).toEqual({
      ok: true,
      value: "2022-06-23",
      warnings: ["「7」を区切りの「/」と読みました", "「7」を区切りの「/」と読みました"],
    });
    // 2021/1/17 and 2021/11/7: more than one date.
    expect(normaliseDate("202171117").ok).toBe(false);
  });

  it("asks for the circled era when the whole era row was read", () => {
    expect(normaliseDate("大正・昭和・平成　62年11月3日")).toEqual({
      ok: false,
      reason: "元号が選ばれていません（丸で囲まれた元号を確認してください）",
    });
  });
});

describe("normaliseDateInEra", () => {
  it("uses the era the caller saw circled", () => {
    expect(normaliseDateInEra("大正・昭和・平成　62年11月3日", "昭和")).toEqual({
      ok: true,
      value: "1987-11-03",
    });
    expect(normaliseDateInEra("大正・昭和・平成 元年7月30日", "大正")).toEqual({
      ok: true,
      value: "1912-07-30",
    });
    expect(normaliseDateInEra("62年11月3日", "昭和")).toEqual({ ok: true, value: "1987-11-03" });
    expect(normaliseDateInEra("明治・大正・(昭和)・平成 62.11.3", "昭和")).toEqual({
      ok: true,
      value: "1987-11-03",
    });
  });

  it("applies the era's boundaries", () => {
    expect(normaliseDateInEra("大正・昭和・平成 64年1月8日", "昭和")).toEqual({
      ok: false,
      reason: "昭和は64年1月7日までです",
    });
    expect(normaliseDateInEra("大正・昭和・平成 32年1月1日", "平成").ok).toBe(false);
  });

  it("warns when the era is not one of the printed options", () => {
    const result = normaliseDateInEra("大正・昭和・平成 5年4月12日", "令和");
    expect(result).toEqual({
      ok: true,
      value: "2023-04-12",
      warnings: ["丸で囲まれた元号（令和）が印刷された選択肢（大正・昭和・平成）にありません"],
    });
  });

  it("rejects a second era in the numbers", () => {
    expect(normaliseDateInEra("大正・昭和・平成 S62年11月3日", "昭和").ok).toBe(false);
  });
});
