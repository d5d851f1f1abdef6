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
 * How much wider than a name's other kanji one may be: a hand writes them about alike, and
 * three characters read as two are each boxed half a character wider (後藤 久美子 in a hand,
 * read 後藤 久美 by two readings of three, its 久 and 美 boxed 1.56 em wide beside 後藤's 1.07,
 * 96 % sure, accepted on held-out seed 49).
 */
const MAX_WIDTH_AGAINST_OTHERS = 1.4;
/** Fewer other characters than this give no measure of the line's own width. */
const MIN_OTHERS = 2;
/**
 * Kanji only are measured against each other: kana are narrower by design, and OCR's box of a
 * line's first or last character may take in a ruling or a label's colon beside it.
 */
const KANJI = /^\p{sc=Han}$/u;

export interface OverTwoOptions {
  /**
   * Measure each kanji between two others against the line's other kanji too: for names, whose
   * few kanji a hand writes about alike (in type, agencies' and addresses' boxes stray more).
   */
  againstOthers?: boolean;
}

/**
 * A kanji or kana whose box holds the ink of two, or in a name a kanji with 1.4 times the ink
 * of its other kanji: OCR read two characters as one (加藤 優子 in a hand, read 加藤 優 by every
 * reading, the 優 boxed over 優子 and read 87.5 % sure, accepted on held-out seed 44), or three
 * as two (MAX_WIDTH_AGAINST_OTHERS). The value lacks a character that nothing else in it shows
 * missing. OCR's boxes of neighbours overlap, so only the ink between the neighbours' boxes
 * counts. Meant for short values in a hand, and names: in type OCR's boxes are less sure than
 * its reading (a ②母 boxed 母 over both), and the pitch of type counts a line's characters
 * (character-count.ts); a paragraph's readings are many, and one misboxed character of one of
 * them would keep the paragraph from being accepted.
 */
export function characterOverTwo(
  lines: readonly Token[][],
  ink: GreyImage,
  em: number,
  options: OverTwoOptions = {},
): Glyph | undefined {
  for (const line of lines) {
    const glyphs = line.flatMap((token) => token.glyphs);
    const spans = glyphs.map((glyph, index) => {
      const before = glyphs[index - 1];
      const after = glyphs[index + 1];
      const left = Math.max(glyph.bbox[0], before ? right(before.bbox) : -Infinity);
      const end = Math.min(right(glyph.bbox), after ? after.bbox[0] : Infinity);
      return {
        glyph,
        left,
        width: end - left,
        full: FULL_WIDTH.test(glyph.char),
        betweenKanji:
          KANJI.test(glyph.char) && KANJI.test(before?.char ?? "") && KANJI.test(after?.char ?? ""),
      };
    });
    const inkWidth = ({ glyph, left, width }: (typeof spans)[number]): number => {
      const inked = shrinkToInk(toEdges([left, glyph.bbox[1], width, glyph.bbox[3]], ink), ink);
      return inked ? inked.right - inked.left : 0;
    };
    // The value's em is the median of all its readings' heights; a line of larger characters
    // is measured by its own.
    const height = (): number => Math.max(em, median(glyphs.map((glyph) => inkHeight(glyph, ink))));
    const overTwo = spans.find(
      (span) =>
        span.full &&
        span.width >= MAX_INK_WIDTH_EM * em &&
        inkWidth(span) >= MAX_INK_WIDTH_EM * height(),
    );
    if (overTwo) return overTwo.glyph;
    if (!options.againstOthers) continue;
    // The others' ink is measured within their own boxes: clipped by a neighbour boxed over
    // them, they would read narrow.
    const kanji = spans
      .filter((span) => KANJI.test(span.glyph.char))
      .map((span) => ({
        ...span,
        ownInk: inkWidth({ ...span, left: span.glyph.bbox[0], width: span.glyph.bbox[2] }),
      }));
    if (kanji.length < MIN_OTHERS + 1) continue;
    const overOthers = kanji.find((span) => {
      if (!span.betweenKanji) return false;
      const others = median(kanji.filter((other) => other !== span).map((other) => other.ownInk));
      return (
        span.width >= MAX_WIDTH_AGAINST_OTHERS * others &&
        inkWidth(span) >= MAX_WIDTH_AGAINST_OTHERS * others
      );
    });
    if (overOthers) return overOthers.glyph;
  }
  return undefined;
}

function inkHeight(glyph: Glyph, ink: GreyImage): number {
  const inked = shrinkToInk(toEdges(glyph.bbox, ink), ink);
  return inked ? inked.bottom - inked.top : 0;
}
