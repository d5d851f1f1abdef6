/**
 * Individual Numbers that reached the records: the 12 digits anywhere in their JSON once
 * full-width digits are folded and the separators a writer or the OCR puts between digit groups
 * (spaces, hyphens of every kind, dots, escaped line breaks) are dropped.
 */
import type { RecordV1 } from "../../../workers/extract/record-v1.ts";

const SEPARATORS = /\\[nrt]|[\s\-‐‑‒–—―−ー－.．・]/g;

export function leakedNumbers(records: readonly RecordV1[], digits: readonly string[]): string[] {
  const text = JSON.stringify(records).normalize("NFKC").replace(SEPARATORS, "");
  return digits.filter((number) => text.includes(number));
}
