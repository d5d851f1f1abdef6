import { isDeepStrictEqual } from "node:util";
import type { FieldItem } from "../../workers/extract/extracted-form.ts";

/**
 * A field as stored once a reviewer has touched it: what extraction had read is kept beside the
 * value, so `corrected` stays true only while the value differs from it, and the correction
 * rate can tell a value the extractor accepted on its own and a reviewer had to change.
 */
export interface ReviewedFieldItem extends FieldItem {
  corrected?: boolean;
  extracted?: { value: unknown; needsReview: boolean; confidence: number };
}

/** Not on the page (or not found there): what extraction would have stored. */
const NOT_FOUND: FieldItem = {
  value: null,
  confidence: 0,
  needsReview: true,
  page: null,
  bbox: null,
  raw: null,
};

/** The field after a reviewer set `value`: certain, reviewed, position and raw text kept. */
export function editedField(
  item: ReviewedFieldItem | undefined,
  value: unknown,
): ReviewedFieldItem {
  const before: ReviewedFieldItem = item ?? NOT_FOUND;
  const extracted = before.extracted ?? {
    value: before.value,
    needsReview: before.needsReview,
    confidence: before.confidence,
  };
  const { reason: _reason, ...kept } = before;
  return {
    ...kept,
    value,
    confidence: 1,
    needsReview: false,
    corrected: !isDeepStrictEqual(value, extracted.value),
    extracted,
  };
}

/** Whether extraction had accepted the field without asking for review. */
export function wasAutoAccepted(item: ReviewedFieldItem): boolean {
  return !(item.extracted?.needsReview ?? item.needsReview);
}
