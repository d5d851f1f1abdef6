import { describe, expect, it } from "vitest";
import { extractForms } from "../../workers/extract/extract-forms.ts";
import { type LineSpec, syntheticPage } from "./synthetic-page.ts";

/** A household line on an intake sheet: 世帯構成 over the given words. */
function household(words: LineSpec["words"]) {
  const page = syntheticPage([
    { y: 100, words: [["相談受付票", 650]], em: 46 },
    { y: 300, words: [["世帯構成", 100]], em: 23 },
    { y: 350, words },
  ]);
  const [form] = extractForms([page], { today: "2025-01-01" });
  return form?.items.optional.household;
}

describe("a wide blank inside a value", () => {
  it("sends the value to review: a neighbouring cell's characters may have joined it", () => {
    expect(
      household([
        ["単身世帯", 110],
        ["相談", 600],
      ]),
    ).toMatchObject({ needsReview: true, reason: expect.stringContaining("広い空白") });
  });

  it("is measured across a lone mark, a speck of the scan the value drops", () => {
    expect(
      household([
        ["単身世帯", 110],
        [".", 600],
      ]),
    ).toMatchObject({ value: "単身世帯", needsReview: false });
  });
});
