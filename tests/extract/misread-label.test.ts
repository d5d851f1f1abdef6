import { describe, expect, it } from "vitest";
import { extractForms } from "../../workers/extract/extract-forms.ts";
import type { PageEvidence } from "../../workers/extract/page-evidence.ts";
import { cell, type LineSpec, syntheticPage } from "./synthetic-page.ts";

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

describe("a label one reading misread and another read better", () => {
  const TITLE: LineSpec = { y: 100, words: [["相談受付票", 600]], em: 46 };
  const kanaLine = (label: string): LineSpec => ({
    y: 300,
    words: [
      [label, 100],
      ["ヤマダ ハナコ", 300, 0.96],
    ],
  });

  /** The ふりがな line read first with its label misread, and enlarged with it as given. */
  function kana(enlargedLabel: string) {
    const evidence: PageEvidence = {
      ...syntheticPage([TITLE, kanaLine("フリガテ")]),
      rescaledCells: [],
      rescaledLines: [
        cell([560, 90, 300, 60], [TITLE]),
        cell([80, 290, 900, 50], [kanaLine(enlargedLabel)]),
      ],
    };
    const [form] = extractForms([evidence], { today: "2025-01-01" });
    return form?.items.common.client_name_kana;
  }

  it("costs its value nothing when the enlarged reading read the label right", () => {
    // 0.96 × 0.95 (kana's calibration) = 0.912; a misread character would cost a tenth more.
    expect(kana("フリガナ")).toMatchObject({ needsReview: false, confidence: 0.912 });
  });

  it("costs it a tenth when every reading misread the label", () => {
    expect(kana("フリガテ")).toMatchObject({ needsReview: true, confidence: 0.821 });
  });
});
