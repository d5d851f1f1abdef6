import { describe, expect, it } from "vitest";
import {
  individualNumberCheckDigit,
  isValidIndividualNumber,
} from "../../workers/redact/individual-number.ts";

/**
 * The spec's weights written out by hand for the first 11 digits, left to right: the leftmost
 * digit is P11 (Q = 11 − 5 = 6) … the 6th from the left is P6 (Q = 7), the 11th is P1 (Q = 2).
 */
const WEIGHTS_LEFT_TO_RIGHT = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigitByTable(first11: string): number {
  const sum = WEIGHTS_LEFT_TO_RIGHT.reduce(
    (total, weight, i) => total + weight * Number(first11[i]),
    0,
  );
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

/**
 * Worked by hand:
 * 12345678901: 1·6+2·5+3·4+4·3+5·2+6·7+7·6+8·5+9·4+0·3+1·2 = 212, 212 mod 11 = 3 → 11 − 3 = 8
 * 98765432109: 54+40+28+18+10+28+18+10+4+0+18 = 228, mod 11 = 8 → 3
 * 00000000001: 1·2 = 2 → 9
 * 02000000000: 2·5 = 10 → 1
 * 11000000000: 6 + 5 = 11, remainder 0 → 0
 * 20000000000: 2·6 = 12, remainder 1 → 0
 */
const HAND_COMPUTED = [
  "123456789018",
  "987654321093",
  "000000000019",
  "020000000001",
  "110000000000",
  "200000000000",
];

describe("isValidIndividualNumber", () => {
  it.each(HAND_COMPUTED)("accepts %s, computed by hand", (digits) => {
    expect(isValidIndividualNumber(digits)).toBe(true);
  });

  it.each(HAND_COMPUTED)("rejects %s with any other check digit", (digits) => {
    for (let wrong = 0; wrong <= 9; wrong++) {
      if (String(wrong) === digits[11]) continue;
      expect(isValidIndividualNumber(digits.slice(0, 11) + wrong)).toBe(false);
    }
  });

  it("agrees with the hand-written weight table on many numbers", () => {
    let seed = 12345;
    for (let i = 0; i < 500; i++) {
      let first11 = "";
      for (let d = 0; d < 11; d++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        first11 += String(seed % 10);
      }
      expect(individualNumberCheckDigit(first11)).toBe(checkDigitByTable(first11));
      expect(isValidIndividualNumber(first11 + checkDigitByTable(first11))).toBe(true);
    }
  });

  it("refuses 000000000000, the only all-equal number the formula accepts", () => {
    expect(individualNumberCheckDigit("00000000000")).toBe(0);
    expect(isValidIndividualNumber("000000000000")).toBe(false);
    for (let d = 1; d <= 9; d++) expect(isValidIndividualNumber(String(d).repeat(12))).toBe(false);
  });

  it("computes the check digit only from 11 ASCII digits", () => {
    expect(() => individualNumberCheckDigit("1234567890")).toThrow();
    expect(() => individualNumberCheckDigit("1234567890a")).toThrow();
  });

  it.each([
    ["an invalid check digit", "123456789012"],
    ["11 digits", "12345678901"],
    ["13 digits", "1234567890185"],
    ["separators", "1234 5678 9018"],
    ["full-width digits", "１２３４５６７８９０１８"],
    ["a mobile number", "09012345678"],
    ["letters", "12345678901a"],
    ["nothing", ""],
  ])("rejects %s", (_, digits) => {
    expect(isValidIndividualNumber(digits)).toBe(false);
  });
});
