/**
 * The check digit of the Individual Number (個人番号): 11 − (Σ Pn×Qn mod 11), or 0 when the
 * remainder is 0 or 1, where Pn is the n-th digit from the right of the first 11 digits and
 * Qn = n + 1 for n ≤ 6, n − 5 for n ≥ 7.
 */
export function individualNumberCheckDigit(first11: string): number {
  // A caller's mistake, not OCR input: isValidIndividualNumber checks the digits first.
  if (!/^\d{11}$/u.test(first11)) throw new Error("expected the first 11 digits");
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const digit = Number(first11[11 - n]);
    sum += digit * (n <= 6 ? n + 1 : n - 5);
  }
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

/**
 * Whether 12 ASCII digits form an Individual Number. Of the numbers with all digits equal only
 * 000000000000 passes the check digit (its sum is 0), and it is refused: no one holds it, and
 * on paper it is a filler — a specimen form, a zero-filled box — not personal data, so
 * "redacting" it would only list a false Individual Number in the record.
 */
export function isValidIndividualNumber(digits: string): boolean {
  if (!/^\d{12}$/u.test(digits) || /^(\d)\1{11}$/u.test(digits)) return false;
  return individualNumberCheckDigit(digits.slice(0, 11)) === Number(digits[11]);
}
