import type { FieldType } from "../../config/forms/form-definitions.ts";
import type { Glyph } from "./page-text.ts";

/**
 * How likely a written value is right: OCR's confidence in its least sure character, weighed by
 * what its type lets the reading be checked against. Measured on generated case files (seeds
 * 5–7), values in review for low confidence alone were right far more often than that character
 * said for types with a shape to pass, and wrong more often for the types without one. A
 * `doubtLeft` keeps that share of the character's doubt; a `scale` lowers the confidence.
 */
const CALIBRATION: Partial<Record<FieldType, { doubtLeft: number } | { scale: number }>> = {
  // A date must exist and be plausible, a number must parse, a postal code or phone number must
  // have its digits in its groups. Read 40–85 % sure, all 51 such values were right. Not case
  // numbers, whose format is each office's own: a letter OCR added (RS5-0457) passes any check.
  date: { doubtLeft: 0.25 },
  integer: { doubtLeft: 0.25 },
  postal: { doubtLeft: 0.25 },
  phone: { doubtLeft: 0.25 },
  // Names read 60–85 % sure: 74 of 75 right, once a doubled kanji, a katakana among kanji and
  // a 担当者 read as the client's name are sent to review (the one left: 小野 和志 for 和也).
  // Below 60 % they were misread as often as one in thirty.
  name: { doubtLeft: 0.375 },
  // In a paragraph OCR drops a 、 or misreads a kanji while staying 87–91 % sure of every
  // character it kept; only paragraphs read with ≥ 92 % throughout were all right.
  longtext: { scale: 0.92 },
  // Kana has no dictionary to catch a misread: と/て, ソ/ン, シ/ツ differ by a stroke, and a
  // handwritten ふりがな misread so was read 87 % sure.
  kana: { scale: 0.95 },
};

/** The confidence of a value of `type` whose least sure character OCR read `glyphs` sure. */
export function valueConfidence(type: FieldType, glyphs: readonly Glyph[]): number {
  return calibrated(type, ocrConfidence(glyphs));
}

/** OCR's confidence in a value's least sure character, weighed for its type. */
export function calibrated(type: FieldType, weakestCharacter: number): number {
  const calibration = CALIBRATION[type];
  if (!calibration) return weakestCharacter;
  return "scale" in calibration
    ? weakestCharacter * calibration.scale
    : 1 - (1 - weakestCharacter) * calibration.doubtLeft;
}

/**
 * The value is as doubtful as its most doubtful character: one misread digit makes a wrong
 * date, and OCR's confidence is lowest exactly where it guessed.
 */
export function ocrConfidence(glyphs: readonly Glyph[]): number {
  return glyphs.length === 0 ? 0 : Math.min(...glyphs.map((glyph) => glyph.confidence));
}
