/**
 * The values a record should carry for a truth form, and when an extracted value counts as the
 * same: deep equality, except that multichoice arrays (issues) are sets, whatever their order.
 */
import { isDeepStrictEqual } from "node:util";
import type { FieldItem } from "../../../workers/extract/extracted-form.ts";
import type { RecordV1 } from "../../../workers/extract/record-v1.ts";
import type { CaseFormTruth } from "../../generator/case-file-truth.ts";

/** The spec's longtext fields, scored by character error rate as well. */
export const LONG_TEXT_KEYS: ReadonlySet<string> = new Set([
  "chief_complaint",
  "consultation_summary",
  "assessment_summary",
  "strengths",
  "goal_long",
  "goal_short",
  "support_content",
  "agenda",
  "decisions",
  "outcome",
  "closure_reason",
]);

/**
 * Values OCR must get right over many characters: long text and the progress table, whose rows
 * hold a paragraph each. Exact, they are right only when every character is (mean CER is their
 * other measure); the bench counts typed values of these apart from the short ones.
 */
export function isParagraphs(key: string): boolean {
  return LONG_TEXT_KEYS.has(key) || key === "entries";
}

export interface ExpectedField {
  key: string;
  value: unknown;
  handwritten: boolean;
}

/** The form's fields, and the progress table as the spec's `entries` field. */
export function expectedFields(form: CaseFormTruth): ExpectedField[] {
  const fields = Object.entries(form.fields).map(([key, field]) => ({
    key,
    value: field.value,
    handwritten: field.handwritten === true,
  }));
  if (!form.entries) return fields;
  const entries = form.entries.map(({ date, method, content, staff }) => ({
    date,
    method,
    content,
    staff,
  }));
  return [...fields, { key: "entries", value: entries, handwritten: false }];
}

/** Every item of a record by key, whichever group the extractor filed it under. */
export function recordItems(record: RecordV1): Map<string, FieldItem> {
  return new Map([
    ...Object.entries(record.items.custom),
    ...Object.entries(record.items.optional),
    ...Object.entries(record.items.common),
  ]);
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) {
    return [...value].sort();
  }
  return value;
}

export function sameValue(extracted: unknown, truth: unknown): boolean {
  return isDeepStrictEqual(canonical(extracted), canonical(truth));
}
