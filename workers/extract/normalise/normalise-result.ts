/**
 * What every normaliser returns. A value that cannot exist is a failure with a reason for the
 * reviewer, never a guess: the field then goes to review with its raw OCR text beside it.
 *
 * `warnings` send the value to review. `repairs` are those of them that say what was changed
 * from the text read to reach the value (a word put back, a closing parenthesis supplied): a
 * reading that gives the value without one bears them out (corroborate.ts). A caller that knows
 * nothing of repairs loses nothing by ignoring them: each is among the warnings too.
 */
export type Normalised<T> =
  | { ok: true; value: T; warnings?: string[]; repairs?: string[] }
  | { ok: false; reason: string };

/**
 * `warnings` and `repairs` are left out when there are none, so a clean result compares equal to
 * `{ ok, value }`. Repairs are listed after the warnings.
 */
export function accept<T>(
  value: T,
  warnings: readonly string[] = [],
  repairs: readonly string[] = [],
): Normalised<T> {
  const all = [...warnings, ...repairs];
  return {
    ok: true,
    value,
    ...(all.length > 0 ? { warnings: all } : {}),
    ...(repairs.length > 0 ? { repairs: [...repairs] } : {}),
  };
}

export function reject(reason: string): Normalised<never> {
  return { ok: false, reason };
}
