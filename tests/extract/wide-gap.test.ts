import { describe, expect, it } from "vitest";
import { extractForms } from "../../workers/extract/extract-forms.ts";
import type { OcrWord } from "../../workers/ocr/ocr-result.ts";
import { A_HAND } from "./drawn-value.ts";
import { InkPage } from "./synthetic-ink.ts";

const HOUSEHOLD = "単身世帯、長男県外在住";

/** 世帯構成 on an intake sheet, typed or handwritten, and what OCR read far to its right. */
function household(writing: "typed" | "handwritten", after: (page: InkPage) => OcrWord) {
  const page = new InkPage();
  page.title("相談受付票");
  const value =
    writing === "typed"
      ? page.text(HOUSEHOLD, 350, 200)
      : page.handText(HOUSEHOLD, 350, 200, A_HAND, 0.95);
  page.line([page.text("世帯構成", 150, 200), value, after(page)]);
  const [form] = extractForms([page.evidence()], { today: "2025-01-01" });
  return form?.items.optional.household;
}

/** A speck of the scan that OCR read as a full stop. */
function speck(page: InkPage): OcrWord {
  page.speck(800, 196);
  return { text: ".", confidence: 0.9, bbox: [800, 196, 2, 2] };
}

describe("a wide blank inside a value", () => {
  it("sends the value to review: a neighbouring cell's characters may have joined it", () => {
    expect(household("typed", (page) => page.text("相談", 800, 200))).toMatchObject({
      needsReview: true,
      reason: expect.stringContaining("広い空白"),
    });
  });

  it("is measured across a lone mark in typed text, a speck of the scan the value drops", () => {
    expect(household("typed", speck)).toMatchObject({ value: HOUSEHOLD, needsReview: false });
  });

  it("is not in handwriting, where a mark apart may be a stroke read apart", () => {
    expect(household("handwritten", speck)).toMatchObject({
      needsReview: true,
      reason: expect.stringContaining("広い空白"),
    });
  });
});
