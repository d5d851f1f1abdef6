import type { FormDefinitions } from "../../config/forms/form-definitions.ts";
import type { AnalysedPage } from "./analyse-page.ts";
import type { DocType } from "./extracted-form.ts";
import { hasFormHeader, inferDocType, namesItsCase } from "./infer-doc-type.ts";

/** How a form's docType was decided. */
export type ClassifiedBy = "title" | "labels" | "none";

export interface FormPages {
  docType: DocType;
  classifiedBy: ClassifiedBy;
  /** The title variant read, when classified by title. */
  title: string | null;
  pages: AnalysedPage[];
}

/**
 * Splits a file's pages (blank ones already left out) into forms:
 * - a page with a title starts a form of the title's docType;
 * - a page without one continues the form before it (the second sheet of a long form), unless
 *   it carries header fields and the labels of another docType: then it is a form whose title
 *   OCR lost, and starts a form of that docType; so does a page that names its case (相談番号
 *   and 氏名) with labels of no docType, as `unknown`;
 * - a page without a title and no form before it starts a form of the docType its labels point
 *   to, or `unknown` when they point nowhere clearly.
 * A docType not read from a title is always sent to review.
 */
export function segmentForms(
  pages: readonly AnalysedPage[],
  definitions: FormDefinitions,
): FormPages[] {
  const forms: FormPages[] = [];
  for (const page of pages) {
    const current = forms.at(-1);
    if (page.title) {
      forms.push({
        docType: page.title.docType,
        classifiedBy: "title",
        title: page.title.title,
        pages: [page],
      });
      continue;
    }
    const inferred = inferDocType(page, definitions);
    // A page that names its case but whose labels point to no docType is a form whose title
    // OCR lost (終結報告書 unread above 整理番号 and 本人氏名), not the sheet before it continued:
    // appended, its values would be accepted as that form's.
    const startsAnother =
      hasFormHeader(page, definitions) &&
      (inferred === null ? namesItsCase(page) : inferred.docType !== current?.docType);
    if (current && !startsAnother) {
      current.pages.push(page);
      continue;
    }
    forms.push({
      docType: inferred?.docType ?? "unknown",
      classifiedBy: inferred ? "labels" : "none",
      title: null,
      pages: [page],
    });
  }
  return forms;
}
