import { describe, expect, it } from "vitest";
import { extractForms } from "../../workers/extract/extract-forms.ts";
import { type LineSpec, syntheticPage } from "./synthetic-page.ts";

/** An intake sheet whose 年齢 line reads as given, or that has none. */
function age(line?: LineSpec["words"]) {
  const page = syntheticPage([
    { y: 100, words: [["相談受付票", 600]], em: 46 },
    {
      y: 250,
      words: [
        ["氏名", 150],
        ["前田 洋子", 300],
      ],
    },
    ...(line ? [{ y: 320, words: line }] : []),
  ]);
  const [form] = extractForms([page], { today: "2025-01-01" });
  return form?.items.optional.age;
}

describe("a field whose label OCR misread past the usual allowance (年齢 read 年上)", () => {
  it("keeps a value that passes its checks, for review", () => {
    expect(
      age([
        ["年上", 150],
        ["42歳", 300],
      ]),
    ).toMatchObject({ value: 42, needsReview: true });
  });

  it("sends digits that fail their checks to review rather than leave the field out", () => {
    expect(
      age([
        ["年上", 150],
        ["2上", 300],
      ]),
    ).toMatchObject({ value: null, needsReview: true, raw: "2上" });
  });

  it("leaves a field out when what stands at the look-alike label has no digit", () => {
    expect(
      age([
        ["年上", 150],
        ["記入なし", 300],
      ]),
    ).toMatchObject({ value: null, needsReview: false });
    expect(age()).toMatchObject({ value: null, needsReview: false });
  });
});
