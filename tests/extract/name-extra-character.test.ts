import { beforeAll, describe, expect, it } from "vitest";
import { type LanguageModel, loadLanguageModel } from "../../workers/extract/language-model.ts";
import { withoutExtraNameCharacter } from "../../workers/extract/name-extra-character.ts";
import { words as ocrWords, text } from "./ocr-words.ts";

let language: LanguageModel;
beforeAll(async () => {
  language = await loadLanguageModel();
});

const words = (...list: [string, number, number][]) => ocrWords(42, ...list);

describe("a name in kanji read with a character more than its ink holds", () => {
  it("leaves out the one character whose absence makes it a dictionary name (池田 人節子)", () => {
    const dropped = withoutExtraNameCharacter(
      words(["池田", 1618, 84], ["人", 1755, 40], ["節子", 1801, 41]),
      42,
      language,
    );
    expect(dropped?.char).toBe("人");
    expect(text(dropped?.lines)).toBe("池田 節子");
  });

  it("leaves a name alone whose boxes hold as many characters as it has", () => {
    const spread = words(["池田", 1618, 84], ["人", 1755, 40], ["節子", 1801, 84]);
    expect(withoutExtraNameCharacter(spread, 42, language)).toBeUndefined();
  });

  it("leaves a name alone that is a dictionary name as read", () => {
    const read = words(["池田", 1618, 84], ["節子", 1755, 40]);
    expect(withoutExtraNameCharacter(read, 42, language)).toBeUndefined();
  });
});
