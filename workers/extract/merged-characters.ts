import { type GreyImage, shrinkToInk, toEdges } from "../ocr/grey-image.ts";
import { median, right } from "./boxes.ts";
import type { Glyph, Token } from "./page-text.ts";

/**
 * A kanji or kana: its ink about as wide as the line is high. Not 一, which a dash drawn long (a
 * phone number's 06一7504) is read as.
 */
const FULL_WIDTH = /(?!一)[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;

/**
 * How wide, in em, the ink under one kanji or kana may be. A typed character's ink stays within
 * its em and a handwritten one's within a third more; two characters side by side span two.
 * OCR's box of a character may take in a 。 or a blank beside it (所。 boxed 1.4 em wide).
 */
const MAX_INK_WIDTH_EM = 1.6;

/**
 * A kanji or kana whose box holds the ink of two: OCR read two characters as one (加藤 優子 in a
 * hand, read 加藤 優 by every reading, the 優 boxed over 優子 and read 87.5 % sure, accepted on
 * held-out seed 44). The value lacks a character that nothing else in it shows missing. OCR's
 * boxes of neighbours overlap, so only the ink between the neighbours' boxes counts. Meant for
 * short values in a hand, and names: in type OCR's boxes are less sure than its reading (a ②母
 * boxed 母 over both), and the pitch of type counts a line's characters (character-count.ts);
 * a paragraph's readings are many, and one misboxed character of one of them would keep the
 * paragraph from being accepted.
 */
export function characterOverTwo(
  lines: readonly Token[][],
  ink: GreyImage,
  em: number,
): Glyph | undefined {
  for (const line of lines) {
    const glyphs = line.flatMap((token) => token.glyphs);
    const inkWidth = (index: number): number => {
      const glyph = glyphs[index] as Glyph;
      const before = glyphs[index - 1];
      const after = glyphs[index + 1];
      const left = Math.max(glyph.bbox[0], before ? right(before.bbox) : -Infinity);
      const end = Math.min(right(glyph.bbox), after ? after.bbox[0] : Infinity);
      if (end - left < MAX_INK_WIDTH_EM * em) return 0;
      const inked = shrinkToInk(
        toEdges([left, glyph.bbox[1], end - left, glyph.bbox[3]], ink),
        ink,
      );
      return inked ? inked.right - inked.left : 0;
    };
    const wide = glyphs
      .map((glyph, index) => ({ glyph, width: FULL_WIDTH.test(glyph.char) ? inkWidth(index) : 0 }))
      .filter(({ width }) => width >= MAX_INK_WIDTH_EM * em);
    if (wide.length === 0) continue;
    // The value's em is the median of all its readings' heights; a line of larger characters
    // is measured by its own.
    const height = Math.max(em, median(glyphs.map((glyph) => inkHeight(glyph, ink))));
    const found = wide.find(({ width }) => width >= MAX_INK_WIDTH_EM * height);
    if (found) return found.glyph;
  }
  return undefined;
}

function inkHeight(glyph: Glyph, ink: GreyImage): number {
  const inked = shrinkToInk(toEdges(glyph.bbox, ink), ink);
  return inked ? inked.bottom - inked.top : 0;
}
