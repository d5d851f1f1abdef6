import { describe, expect, it } from "vitest";
import { closeAgeParentheses } from "../../workers/extract/normalise/age-parentheses.ts";

describe("closeAgeParentheses", () => {
  it.each([
    ["母(78歳の年金で生活", "母(78歳)の年金で生活", ["(78歳"]],
    ["長男(7歳と長女(3歳)の育児", "長男(7歳)と長女(3歳)の育児", ["(7歳"]],
    ["長女(2歳、実母(75歳)", "長女(2歳)、実母(75歳)", ["(2歳"]],
    ["本人、父(53歳", "本人、父(53歳)", ["(53歳"]],
  ])("%j → %j", (read, meant, closed) => {
    expect(closeAgeParentheses(read)).toEqual({ text: meant, closed });
  });

  it.each(["母(78歳)の年金", "(78歳以上)", "(1978年生)", "家賃(月額4.8万円)"])(
    "leaves %j as it is",
    (text) => {
      expect(closeAgeParentheses(text)).toEqual({ text, closed: [] });
    },
  );
});
