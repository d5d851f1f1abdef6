import type { FormDefinitions, FormDocType } from "../../config/forms/form-definitions.ts";
import type { AnalysedPage } from "./analyse-page.ts";

/**
 * A page without a title may still say what it is by its labels: 長期目標, 短期目標 and 支援内容
 * are a plan's, a 日付・対応方法・内容・対応者 table a progress record's. Header labels (氏名,
 * 相談番号 …) are on every form and say nothing.
 */
export interface InferredDocType {
  docType: FormDocType;
  /** DocType-specific labels found (a table heading row counts two: it is a whole table). */
  evidence: number;
}

/** At least this much evidence, and at least twice that of any other docType. */
const MIN_EVIDENCE = 2;
const MIN_LEAD = 2;
const TABLE_EVIDENCE = 2;

export function inferDocType(
  page: AnalysedPage,
  definitions: FormDefinitions,
): InferredDocType | null {
  const found = new Set([...page.labels.map((hit) => hit.key), ...page.tables.keys()]);
  const scores = definitions.docTypes.map(({ docType }) => {
    let evidence = 0;
    for (const field of definitions.fields) {
      if (field.docTypes === "any" || !field.docTypes.includes(docType) || !found.has(field.key))
        continue;
      evidence += field.type === "table" ? TABLE_EVIDENCE : 1;
    }
    return { docType, evidence };
  });
  scores.sort((a, b) => b.evidence - a.evidence);
  const [best, second] = scores;
  if (!best || best.evidence < MIN_EVIDENCE) return null;
  if (second && best.evidence < MIN_LEAD * second.evidence) return null;
  return best;
}

/** Whether the page carries a form's header fields, which a continuation sheet does not repeat. */
export function hasFormHeader(page: AnalysedPage, definitions: FormDefinitions): boolean {
  const headerKeys = new Set(
    definitions.fields.filter((field) => field.docTypes === "any").map((field) => field.key),
  );
  return page.labels.filter((hit) => headerKeys.has(hit.key)).length >= 2;
}

/**
 * A first sheet names its case at the top (相談番号 and 氏名); a continuation sheet relies on the
 * sheet before it for that. Keys of the common fields in the spec.
 */
const CASE_IDENTITY_KEYS = ["case_number", "client_name"] as const;

/** Whether the page names the case it belongs to, as the first sheet of a form does. */
export function namesItsCase(page: AnalysedPage): boolean {
  const found = new Set(page.labels.map((hit) => hit.key));
  return CASE_IDENTITY_KEYS.every((key) => found.has(key));
}
