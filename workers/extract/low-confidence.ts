import type { FieldItem } from "./extracted-form.ts";

const PREFIX = "読み取りの確信度が低い";
const ONLY_LOW_CONFIDENCE = new RegExp(`^${PREFIX}（[0-9.]+）$`, "u");

/** The review reason of a value whose only fault is that OCR was not sure enough of it. */
export function lowConfidenceReason(confidence: number): string {
  return `${PREFIX}（${confidence.toFixed(2)}）`;
}

/** One review reason (of those splitReasons gives) that only says OCR was not sure. */
export function isLowConfidenceReason(reason: string): boolean {
  return ONLY_LOW_CONFIDENCE.test(reason);
}

/** A value in review for low confidence alone, nothing known to be wrong with it. */
export function onlyLowConfidence(item: FieldItem): boolean {
  return (
    item.value !== null &&
    item.needsReview &&
    item.reason !== undefined &&
    isLowConfidenceReason(item.reason)
  );
}
