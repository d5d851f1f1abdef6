import { describe, expect, it } from "vitest";
import { bracketedEra } from "../../workers/extract/bracketed-era.ts";
import type { EraName } from "../../workers/extract/normalise/japanese-eras.ts";

const row: EraName[] = ["大正", "昭和", "平成"];

describe("bracketedEra", () => {
  it.each([
    ["大正(昭和)平成51年8月18日", "昭和"],
    ["大正〈昭和平成58年3月14日", "昭和"],
    ["大正・昭和・平成)42年9月30日", "平成"],
    ["(大正)・昭和・平成 元年7月30日", "大正"],
  ])("%j: %s", (text, era) => {
    expect(bracketedEra(text, row)).toBe(era);
  });

  it.each(["大正・昭和・平成 62年11月3日", "(大正)(昭和)平成62年"])("finds none in %j", (text) => {
    expect(bracketedEra(text, row)).toBeNull();
  });
});
