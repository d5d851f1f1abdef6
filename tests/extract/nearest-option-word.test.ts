import { describe, expect, it } from "vitest";
import { nearestOptionWord } from "../../workers/extract/nearest-option-word.ts";
import { choiceOptions } from "../../workers/extract/normalise/choice-options.ts";

const methods = choiceOptions.method;

describe("nearestOptionWord", () => {
  it.each([
    ["太問", "home_visit", "訪問"],
    ["会衣", "meeting", "会議"],
    ["電語", "phone", "電話"],
  ])("%j is read as the method it is one character from", (written, code, word) => {
    expect(nearestOptionWord(written, methods)).toEqual({
      option: expect.objectContaining({ code }),
      word,
    });
  });

  it.each(["訪", "太太", "来所来所", ""])("finds nothing for %j", (written) => {
    expect(nearestOptionWord(written, methods)).toBeNull();
  });
});
