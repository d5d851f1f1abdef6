import type { BBox } from "../ocr/ocr-result.ts";

/** The document types of the spec (record-fields.md, "Document types"). */
export const docTypes = [
  "intake",
  "assessment",
  "plan",
  "progress",
  "meeting",
  "evaluation",
  "unknown",
] as const;
export type DocType = (typeof docTypes)[number];

/** One extracted field: `value` normalised per the spec, or null when absent or unreadable. */
export interface FieldItem {
  value: unknown;
  confidence: number;
  needsReview: boolean;
  page: number | null;
  bbox: BBox | null;
  raw: string | null;
  /** Why the field needs review, for the reviewer (joinReasons); absent when it does not. */
  reason?: string;
}

/** A field's review reasons are one string for the reviewer, joined by this. */
const REASON_SEPARATOR = " / ";

/**
 * Review reasons as FieldItem.reason holds them, each once: readings of a value's lines, or of
 * the same text twice, may find the same doubt, and the reviewer needs to read it once.
 */
export function joinReasons(reasons: readonly string[]): string {
  return [...new Set(reasons)].join(REASON_SEPARATOR);
}

/** A FieldItem.reason with `added` after the reasons it held, if any. */
export function withReasonsAdded(reason: string | undefined, added: readonly string[]): string {
  return joinReasons([...(reason ? splitReasons(reason) : []), ...added]);
}

/** `item` sent to review, with `reasons` after those it held: a copy, `item` unchanged. */
export function inReview(item: FieldItem, reasons: readonly string[]): FieldItem {
  return { ...item, needsReview: true, reason: withReasonsAdded(item.reason, reasons) };
}

/** `items` with the item of the field at `group` and `key` sent to review: a copy. */
export function withFieldInReview(
  items: RecordItems,
  field: { group: keyof RecordItems; key: string },
  reasons: readonly string[],
): RecordItems {
  const reviewed = inReview(items[field.group][field.key] as FieldItem, reasons);
  return { ...items, [field.group]: { ...items[field.group], [field.key]: reviewed } };
}

/** `item` itself sent to review so, for the checks that settle a case file's copies in place. */
export function sendToReview(item: FieldItem, reasons: readonly string[]): void {
  Object.assign(item, inReview(item, reasons));
}

/** The review reasons a FieldItem.reason holds, one by one ([""] when it holds none). */
export function splitReasons(reason: string | undefined): string[] {
  return (reason ?? "").split(REASON_SEPARATOR);
}

/** 共通項目 / 選択項目 / 独自項目 of the platform's data standard. */
export interface RecordItems {
  common: Record<string, FieldItem>;
  optional: Record<string, FieldItem>;
  custom: Record<string, FieldItem>;
}

export interface Redaction {
  kind: "individual_number";
  page: number;
  bbox: BBox;
}

/** One form found in a source file: the unit that becomes one record. */
export interface ExtractedForm {
  /** Position of the form within its source file, from 0. */
  formIndex: number;
  docType: DocType;
  /** 1-based page numbers of the source file. */
  pages: number[];
  items: RecordItems;
  redactions: Redaction[];
  needsReview: boolean;
  /**
   * How the docType was decided: from the printed title (and which variant), from the labels on
   * a page without a title (always reviewed), or not at all (`unknown`).
   */
  classification: { by: "title" | "labels" | "none"; title: string | null };
}

/** The form's item of `key`, whichever group the field belongs to. */
export function findItem(items: RecordItems, key: string): FieldItem | undefined {
  return items.common[key] ?? items.optional[key] ?? items.custom[key];
}

/** A form goes to review when a field does, or when no printed title told what form it is. */
export function formNeedsReview(form: Pick<ExtractedForm, "items" | "classification">): boolean {
  const { common, optional, custom } = form.items;
  return (
    form.classification.by !== "title" ||
    [common, optional, custom].some((group) =>
      Object.values(group).some((item) => item.needsReview),
    )
  );
}
