import type { PageRedaction } from "../ocr/ocr-result.ts";
import type { ExtractedForm } from "./extracted-form.ts";

export interface PageRedactions {
  pageNumber: number;
  redactions: readonly PageRedaction[];
}

/** Lists on each form what the OCR stage redacted on its pages: where, never what. */
export function attachRedactions(
  forms: readonly ExtractedForm[],
  pages: readonly PageRedactions[],
): ExtractedForm[] {
  return forms.map((form) => ({
    ...form,
    redactions: [
      ...form.redactions,
      ...pages
        .filter((page) => form.pages.includes(page.pageNumber))
        .flatMap((page) =>
          page.redactions.map((redaction) => ({ ...redaction, page: page.pageNumber })),
        ),
    ],
  }));
}
