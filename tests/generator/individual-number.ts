/**
 * Made-up Individual Numbers (個人番号) with a valid check digit, as old intake sheets carry
 * them: the pipeline must find them by that check digit and redact them, so an invalid one
 * would test nothing.
 */
import { toFullWidthDigits } from "./japanese-dates.ts";
import type { Random } from "./random.ts";

/** The spec's check digit of the first 11 digits. */
export function individualNumberCheckDigit(first11: string): number {
  if (!/^\d{11}$/.test(first11)) throw new Error(`Expected 11 digits, got "${first11}"`);
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const digit = Number(first11[11 - n]);
    sum += digit * (n <= 6 ? n + 1 : n - 5);
  }
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

export function isValidIndividualNumber(digits: string): boolean {
  return (
    /^\d{12}$/.test(digits) &&
    individualNumberCheckDigit(digits.slice(0, 11)) === Number(digits[11])
  );
}

export function fakeIndividualNumber(random: Random): string {
  const first11 = Array.from({ length: 11 }, () => random.int(0, 9)).join("");
  return `${first11}${individualNumberCheckDigit(first11)}`;
}

/** Written as one run, in groups of four with spaces or hyphens, in ASCII or full-width digits. */
export function writeIndividualNumber(digits: string, random: Random): string {
  const groups = [digits.slice(0, 4), digits.slice(4, 8), digits.slice(8)];
  const written = random.pick([digits, groups.join(" "), groups.join("-")]);
  return random.chance(0.3) ? toFullWidthDigits(written).replace(/-/g, "－") : written;
}
