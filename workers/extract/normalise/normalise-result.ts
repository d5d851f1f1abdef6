/**
 * What every normaliser returns. A value that cannot exist is a failure with a reason for the
 * reviewer, never a guess: the field then goes to review with its raw OCR text beside it.
 */
export type Normalised<T> =
  | { ok: true; value: T; warnings?: string[] }
  | { ok: false; reason: string };

/** `warnings` is left out when there are none, so a clean result compares equal to `{ ok, value }`. */
export function accept<T>(value: T, warnings: readonly string[] = []): Normalised<T> {
  return warnings.length > 0 ? { ok: true, value, warnings: [...warnings] } : { ok: true, value };
}

export function reject(reason: string): Normalised<never> {
  return { ok: false, reason };
}
