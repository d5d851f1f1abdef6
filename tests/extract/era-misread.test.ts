import { describe, expect, it } from "vitest";
import { withEraRepaired } from "../../workers/extract/era-misread.ts";
import { normaliseValue } from "../../workers/extract/normalise-value.ts";

const TODAY = "2026-11-26";
const asEvent = (text: string) =>
  normaliseValue("date", text, { today: TODAY, plausibility: "event" });
const asBirth = (text: string) =>
  normaliseValue("date", text, { today: TODAY, plausibility: "birth" });

describe("withEraRepaired", () => {
  it("reads a misread era as the one era that gives a plausible date, for review", () => {
    expect(withEraRepaired("信和4年2月18日", asEvent)).toEqual({
      ok: true,
      value: "2022-02-18",
      warnings: ["元号「信和」を「令和」と読みました"],
    });
    expect(withEraRepaired("略和54年10月25日", asBirth)).toEqual({
      ok: true,
      value: "1979-10-25",
      warnings: ["元号「略和」を「昭和」と読みました"],
    });
  });

  it("still guesses the era when the day's 日 was misread too, naming both", () => {
    // 昭和4年 is also a date, but one that no record of these systems can bear.
    expect(withEraRepaired("信和4年2月18昌", asEvent)).toEqual({
      ok: true,
      value: "2022-02-18",
      warnings: ["元号「信和」を「令和」と読みました", "「昌」を「日」と読みました"],
    });
  });

  it("reads past one stray character before the era", () => {
    expect(withEraRepaired("人釧和3年6月21日", asEvent)).toEqual({
      ok: true,
      value: "2021-06-21",
      warnings: ["「人」は読み飛ばしました", "元号「釧和」を「令和」と読みました"],
    });
    expect(withEraRepaired(".令和3年6月21日", asEvent)).toEqual({
      ok: true,
      value: "2021-06-21",
      warnings: ["「.」は読み飛ばしました"],
    });
  });

  it("leaves the date unread when two eras fit it alike", () => {
    // 平和 is one character from 平成, 昭和 and 令和; a birth in 平成30年 or 昭和30年 is as likely.
    expect(withEraRepaired("平和30年4月1日", asBirth)).toBeNull();
  });

  it("leaves a well-written era and a date with no year alone", () => {
    expect(withEraRepaired("令和5年2月30日", asEvent)).toBeNull();
    expect(withEraRepaired("信和年2月18日", asEvent)).toBeNull();
  });
});
