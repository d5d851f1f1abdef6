import { describe, expect, it } from "vitest";
import { bracketedWord } from "../../workers/extract/bracketed-word.ts";
import type { EraName } from "../../workers/extract/normalise/japanese-eras.ts";

const row: EraName[] = ["大正", "昭和", "平成"];

describe("bracketedWord", () => {
  it.each([
    ["大正(昭和)平成51年8月18日", "昭和"],
    ["大正〈昭和平成58年3月14日", "昭和"],
    ["大正・昭和・平成)42年9月30日", "平成"],
    ["(大正)・昭和・平成 元年7月30日", "大正"],
  ])("%j: %s", (text, era) => {
    expect(bracketedWord(text, row)).toBe(era);
  });

  it.each(["大正・昭和・平成 62年11月3日", "(大正)(昭和)平成62年"])("finds none in %j", (text) => {
    expect(bracketedWord(text, row)).toBeNull();
  });
});

describe("bracketedWord on the options of a choice", () => {
  it.each([
    ["(有)無", ["有", "無"], "有"],
    ["男性(女性その他", ["男性", "女性", "その他"], "女性"],
    [
      "本人家族・知人(関係機関からの紹介その他",
      ["本人", "家族・知人", "関係機関からの紹介", "その他"],
      "関係機関からの紹介",
    ],
  ])("%j: %s", (text, words, word) => {
    expect(bracketedWord(text, words)).toBe(word);
  });

  it("does not take a write-in after その他 for a circle", () => {
    expect(
      bracketedWord("本人家族・知人その他(近隣住民)", ["本人", "家族・知人", "その他"]),
    ).toBeNull();
  });
});
