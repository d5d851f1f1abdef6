import { describe, expect, it } from "vitest";
import { unknownRelations } from "../../workers/extract/normalise/family-relations.ts";
import { normaliseText } from "../../workers/extract/normalise/normalise-text.ts";

describe("the 続柄 before an age in parentheses", () => {
  it("knows the words a record names family members by", () => {
    expect(unknownRelations("本人、夫(48歳)、長男(7歳)、長女(3歳)、実母(80歳)の5人世帯")).toEqual(
      [],
    );
    expect(unknownRelations("同居している実母(74歳)の物忘れが目立つ")).toEqual([]);
    expect(unknownRelations("長男(8歳)と長女(2歳)の育児もあり")).toEqual([]);
  });

  it("names a word that is none of them", () => {
    // Held-out seed 32: a typed 夫 read 天 by every reading, accepted.
    expect(unknownRelations("本人、天(48歳)、長男(7歳)の3人世帯")).toEqual(["天"]);
    expect(unknownRelations("本人、母央(76歳)の2人世帯")).toEqual(["母央"]);
  });

  it("sends a text with such a word to review", () => {
    const read = normaliseText("本人、天(48歳)、長男(7歳)の3人世帯");
    expect(read).toMatchObject({ ok: true, value: "本人、天(48歳)、長男(7歳)の3人世帯" });
    expect(read.ok && read.warnings).toContain(
      "年齢の前の「天」は続柄の語になりません（読み違いの可能性）",
    );
    expect(normaliseText("本人、夫(48歳)、長男(7歳)の3人世帯")).toEqual({
      ok: true,
      value: "本人、夫(48歳)、長男(7歳)の3人世帯",
    });
  });
});
