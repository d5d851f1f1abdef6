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

/**
 * How far above its word's confidence a character's own may be taken. Tesseract doubts where a
 * word of Japanese begins and ends even when every character of it is sure (R3-0143 read 0 %
 * sure as a word, 80–99 % in each character), but a word read far less sure than its characters
 * may have a character missing or too many: on generated case files (seed 5) two wrong typed
 * values were read 0–5 % sure as words, 94–97 % in each character.
 */
const CHARACTER_OVER_WORD = 0.5;

/**
 * Names, addresses and paragraphs keep their words' confidence in type too. A character's own
 * confidence is 94–99 % almost everywhere, misread or not: 一朗 for 一郎 read 59 % sure as a word
 * and 94 % as a character, a た put into a paragraph 65 and 95 %. Taken from the characters,
 * names and paragraphs gained most, but were all but one of the wrong values newly accepted on
 * seeds 5–7 (高橋悠半, …もかられる…) and in the integration test's forms; the one left was an
 * address (4.3-1 for 4-3-1, seed 6), and on held-out seed 17 another (4115-4 for 4-15-4).
 */
const WORD_CONFIDENCE_IN_TYPE_TOO: ReadonlySet<FieldType> = new Set([
  "name",
  "address",
  "longtext",
]);

/** The confidence of a value of `type` whose least sure character OCR read `glyphs` sure. */
export function valueConfidence(type: FieldType, glyphs: readonly Glyph[]): number {
  return calibrated(type, ocrConfidence(glyphs));
}

/**
 * The same for a value whose ink shows type (typeset-line.ts), from its characters' own
 * confidences: in type, the word's doubt about its boundaries says little about the characters.
 * Not for handwriting, which tesseract reads surely and wrong: taken from the characters for
 * every value, four handwritten values were accepted wrong on seed 5.
 */
export function typesetValueConfidence(type: FieldType, glyphs: readonly Glyph[]): number {
  if (WORD_CONFIDENCE_IN_TYPE_TOO.has(type)) return valueConfidence(type, glyphs);
  return calibrated(type, glyphs.length === 0 ? 0 : Math.min(...glyphs.map(ownConfidence)));
}

function ownConfidence(glyph: Glyph): number {
  return Math.min(
    glyph.characterConfidence ?? glyph.confidence,
    glyph.confidence + CHARACTER_OVER_WORD,
  );
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
