/**
 * The characters OCR and typists use for the hyphen of a phone number, postal code or date.
 * NFKC already turns － and ﹣ into "-", but not ‐ ‑ ‒ – — ― (U+2010–2015), − (U+2212), ⁃, the
 * long-vowel mark ー / ｰ, the kanji 一 (how OCR often reads a short dash between digits), or the
 * wave dashes 〜 ～ ~.
 */
export const DIGIT_DASHES = "\\-\\u2010-\\u2015\\u2043\\u2212\\u30FC\\uFF70\\u4E00";
const WAVE_DASHES = "\\u301C\\uFF5E~";

const ANY_DASH = new RegExp(`[${DIGIT_DASHES}${WAVE_DASHES}]`, "gu");
// Wave dashes are left out here: in an address 1〜3番地 is a range, not a hyphen.
const DASH_BETWEEN_ALPHANUMERICS = new RegExp(
  `(?<=[0-9A-Za-z])[${DIGIT_DASHES}](?=[0-9A-Za-z])`,
  "gu",
);

/**
 * One hyphen read as two marks (R5ー-0371 for R5-0371, on seeds 22 and 25): no number is printed
 * with two dashes in a row.
 */
const DOUBLED_DASH_BETWEEN_ALPHANUMERICS = new RegExp(
  `(?<=[0-9A-Za-z])[${DIGIT_DASHES}]{2}(?=[0-9A-Za-z])`,
  "gu",
);

export function withDoubledDashesJoined(text: string): { text: string; joined: boolean } {
  const joined = text.replace(DOUBLED_DASH_BETWEEN_ALPHANUMERICS, "-");
  return { text: joined, joined: joined !== text };
}

/** For values that hold nothing but digits and separators (phone, postal code, date). */
export function replaceDashes(text: string): string {
  return text.replace(ANY_DASH, "-");
}

/**
 * For values that mix words and numbers (address, case number): only a dash between two digits
 * or letters is a hyphen; ー elsewhere is the long vowel of センター.
 */
export function replaceDashesBetweenAlphanumerics(text: string): string {
  return text.replace(DASH_BETWEEN_ALPHANUMERICS, "-");
}
