import { describe, expect, it } from "vitest";
import { withoutCharacterReadTwice } from "../../workers/extract/read-twice.ts";
import { words as ocrWords, text } from "./ocr-words.ts";

const words = (...list: [string, number, number][]) => ocrWords(41, ...list);

describe("a character OCR read twice over one character's ink", () => {
  it("reads 井上上康弘 boxed over four characters' ink as 井上康弘", () => {
    // As read on a generated page: the last word boxed one character short.
    const twice = withoutCharacterReadTwice(
      words(["井上", 1606, 86], ["上", 1696, 42], ["康弘", 1744, 40]),
      41,
    );
    expect(twice?.char).toBe("上");
    expect(text(twice?.lines)).toBe("井上 康弘");
  });

  it("takes a kana read once in each script (ナベべ) for one read twice", () => {
    const twice = withoutCharacterReadTwice(
      words(
        ["ワタ", 382, 50],
        ["ナベ", 440, 25],
        ["べ", 471, 25],
        ["ダイ", 512, 49],
        ["スケ", 572, 54],
      ),
      24,
    );
    expect(text(twice?.lines)).toBe("ワタ ナベ ダイ スケ");
  });

  it("takes a kana read once small (サトウゥ) for one read twice", () => {
    // As read on a generated page: ウゥ boxed over one character's ink.
    const twice = withoutCharacterReadTwice(
      words(["サト", 442, 78], ["ウゥ", 538, 30], ["ケイコ", 627, 123]),
      38,
    );
    expect(twice?.char).toBe("ゥ");
    expect(text(twice?.lines)).toBe("サト ウ ケイコ");
  });

  it("leaves a name that repeats a character where the ink holds both (ススム)", () => {
    expect(withoutCharacterReadTwice(words(["ススム", 100, 123]), 41)).toBeUndefined();
  });

  it("leaves 々 and ー, which stand for a repeat themselves", () => {
    expect(withoutCharacterReadTwice(words(["佐々々木", 100, 123]), 41)).toBeUndefined();
  });

  it("leaves a reading with two repeats: which one is too many is not known", () => {
    expect(
      withoutCharacterReadTwice(words(["井井上上", 100, 82], ["康", 190, 41]), 41),
    ).toBeUndefined();
  });
});
