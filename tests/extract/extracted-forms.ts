/** ExtractedForm items and forms written by hand, for the checks across a case file's forms. */
import type { ExtractedForm, FieldItem } from "../../workers/extract/extracted-form.ts";

/** A value read `confidence` sure, in review when a reason is given. */
export function item(value: string | null, reason?: string, confidence = 0.9): FieldItem {
  return {
    value,
    confidence,
    needsReview: reason !== undefined,
    page: 1,
    bbox: null,
    raw: value,
    ...(reason ? { reason } : {}),
  };
}

/** A form classified by its title, its fields among the common items. */
export function form(
  formIndex: number,
  common: Record<string, FieldItem>,
  title: { docType: ExtractedForm["docType"]; title: string } = {
    docType: "assessment",
    title: "アセスメントシート",
  },
): ExtractedForm {
  return {
    formIndex,
    docType: title.docType,
    pages: [formIndex + 1],
    items: { common, optional: {}, custom: {} },
    redactions: [],
    needsReview: false,
    classification: { by: "title", title: title.title },
  };
}
