import type { OcrPageResult } from "../ocr/ocr-result.ts";
import type { ExtractedForm } from "./extracted-form.ts";

export interface OcredPage {
  pageNumber: number;
  ocr: OcrPageResult;
}

/**
 * The extract stage: OCRed pages of one source file → the forms it holds.
 * Until classification and field extraction land (issue #3), the whole file is one form of
 * docType "unknown" with no fields, sent to review.
 */
export function extractForms(pages: OcredPage[]): ExtractedForm[] {
  if (pages.length === 0) return [];
  return [
    {
      formIndex: 0,
      docType: "unknown",
      pages: pages.map((page) => page.pageNumber).sort((a, b) => a - b),
      items: { common: {}, optional: {}, custom: {} },
      redactions: [],
      needsReview: true,
    },
  ];
}
