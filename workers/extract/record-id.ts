import { createHash } from "node:crypto";

/**
 * A record's stable id: derived from the source file's content and the form's position in it,
 * so the queue pipeline and `kamiroku extract` give the same file's records the same ids, and a
 * re-run never mints a new one. Formatted as an RFC 9562 version-8 (custom) UUID.
 */
export function recordIdFor(sourceSha256: string, formIndex: number): string {
  const bytes = createHash("sha256")
    .update(`kamiroku.record:${sourceSha256}:${formIndex}`)
    .digest();
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
