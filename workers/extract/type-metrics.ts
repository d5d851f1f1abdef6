/** How printed Japanese type is measured by the extractor, in em of character height. */

/**
 * A blank wider than this many character heights separates tokens: the same measure the OCR
 * stage uses to keep a space, so 中村　健一 and 氏名　山田 split where the paper shows a gap.
 */
export const GAP_EM = 0.6;

/** Characters too flat or small to measure a line's character height by. */
export const FLAT_CHARS = /^[ー一\-‐―−・、。.,:：_~〜"'”’`]+$/u;

/** Printed width of each character in em: kanji and kana one, Latin letters and digits about half. */
export function advances(text: string): number[] {
  return Array.from(text, (char) => (/[\x21-\x7E]/u.test(char) ? 0.55 : 1));
}

export function printedWidth(text: string): number {
  return advances(text).reduce((sum, width) => sum + width, 0);
}
