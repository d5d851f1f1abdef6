import { type GreyImage, toEdges } from "../ocr/grey-image.ts";
import type { BBox } from "../ocr/ocr-result.ts";
import { bottom, centreX, median, unionBoxes } from "./boxes.ts";
import { withFaintInk } from "./faint-ink.ts";
import { fitLine } from "./fit-line.ts";
import { inkComponents } from "./ink-components.ts";
import type { Glyph } from "./page-text.ts";

/** How far the digits of a value stray from one height and one baseline. */
export interface DigitSpread {
  /** Characters measured: digits and letters, one piece of ink each. */
  characters: number;
  /** The digits' median ink height, in pixels. */
  height: number;
  /** Tallest digit less shortest, in pixels. */
  heightRange: number;
  /** Farthest digit foot from the straight line fitted through all feet, in pixels. */
  footStray: number;
}

/** Fewer digits than this tell nothing: two or three can share a height by chance. */
const MIN_DIGITS = 4;
/**
 * Values of digits, separators and letters are measured whole; in a text the kanji stand taller
 * than the digits beside them, whatever wrote them.
 */
const DIGITS_AND_SEPARATORS = /^[0-9０-９A-Za-zＡ-Ｚａ-ｚ\-－ー一‐.．/／()（）\s]+$/u;
/**
 * A date of 年月日 (2020年6月10日, 令和2年6月10日): only its digits are measured, each the ink
 * within its own glyph's columns, the kanji between them left out. A tidy hand's date stands as
 * straight as type (2020年6月10日 read 16日, 97 % sure, accepted on held-out seed 42), but its
 * digits differ in height as type's do not.
 */
const KANJI_DATE = /^(?:明治|大正|昭和|平成|令和)?[0-9０-９年月日\s]+$/u;
const DIGIT = /[0-9０-９]/gu;
const IS_DIGIT = /^[0-9０-９]$/u;
/**
 * A slash or bracket reaches below the baseline and is nearly as tall as a digit: as many pieces
 * as the text has of them that reach so low are left out.
 */
const DESCENDERS = /[/／()（）]/gu;
/** How far below the digits' feet, in their height, a slash or bracket reaches. */
const DESCENT = 0.12;
/** Around the value's glyphs this much of the em is searched, so that no digit is cut. */
const MARGIN_EM = 0.3;
/** Hyphens, dots and specks are lower than this share of the em; digits are taller. */
const MIN_HEIGHT_EM = 0.3;
/** A digit or letter stands within this share of the value's median height. */
const SAME_SIZE = [0.8, 1.15] as const;

/**
 * Type prints every digit from one outline at one size on one baseline: their ink heights differ
 * by binarisation's pixel or two, their feet by one. A hand writes each digit on its own. Each
 * measure is taken in units of its limit (the larger of a share of the digits' height and a
 * floor in pixels); handwriting goes past both limits together (a sum of 2), or far past one
 * and half way to the other. On generated case files (seeds 5 and 6) this took 43 of 54
 * handwritten values for handwriting, and 3 of 230 typed ones (Mincho digits at 300 dpi, whose
 * round ones overshoot the line): a typed value sent to review costs a click, a handwritten one
 * accepted wrong costs a record. A tidy hand at 200 dpi stays within binarisation's pixels.
 */
const HEIGHT_RANGE = { share: 0.085, pixels: 3 };
const FOOT_STRAY = { share: 0.035, pixels: 1.5 };
const HANDWRITTEN_SUM = 2;
const EACH_AT_LEAST = 0.5;

/** The ink of each digit of a value, measured; undefined where it cannot be told. */
export function digitSpread(
  glyphs: readonly Glyph[],
  ink: GreyImage,
  em: number,
): DigitSpread | undefined {
  const text = glyphs.map((glyph) => glyph.char).join("");
  if ((text.match(DIGIT)?.length ?? 0) < MIN_DIGITS) return undefined;
  const kanjiDate = !DIGITS_AND_SEPARATORS.test(text);
  if (kanjiDate && !KANJI_DATE.test(text)) return undefined;
  const digitColumns = glyphs
    .filter((glyph) => IS_DIGIT.test(glyph.char))
    .map((glyph) => [glyph.bbox[0], glyph.bbox[0] + glyph.bbox[2]] as const);
  const inDigitColumn = (box: BBox) =>
    digitColumns.some(([left, right]) => centreX(box) >= left && centreX(box) <= right);
  const around = unionBoxes(glyphs.map((glyph) => glyph.bbox));
  if (!around) return undefined;
  const margin = em * MARGIN_EM;
  const region = toEdges(
    [around[0] - margin, around[1] - margin, around[2] + 2 * margin, around[3] + 2 * margin],
    ink,
  );
  const tall = inkComponents(withFaintInk(ink), region).filter(
    (part) =>
      !part.touchesBorder &&
      part.bbox[3] >= MIN_HEIGHT_EM * em &&
      (!kanjiDate || inDigitColumn(part.bbox)),
  );
  const typical = median(tall.map((part) => part.bbox[3]));
  const descenders = text.match(DESCENDERS)?.length ?? 0;
  const characters = tall
    .map((part) => part.bbox)
    .filter((box) => box[3] >= SAME_SIZE[0] * typical && box[3] <= SAME_SIZE[1] * typical)
    .sort((a, b) => bottom(a) - bottom(b));
  const baseline = median(characters.map(bottom));
  for (let left = descenders; left > 0; left--) {
    const lowest = characters.at(-1);
    if (!lowest || bottom(lowest) - baseline < DESCENT * typical) break;
    characters.pop();
  }
  if (characters.length < MIN_DIGITS) return undefined;
  const heights = characters.map((box) => box[3]);
  const line = fitLine(characters.map(centreX), characters.map(bottom));
  return {
    characters: characters.length,
    height: median(heights),
    heightRange: Math.max(...heights) - Math.min(...heights),
    footStray: Math.max(...characters.map((box) => Math.abs(bottom(box) - line(centreX(box))))),
  };
}

/**
 * Digits written by hand rather than typed: they differ in height and stand off one baseline.
 * Handwriting is read with surer confidence than it deserves (a 0 whose loop did not close read
 * 9 by every reading), so a value so written goes to review whatever OCR said.
 */
export function digitsLookHandwritten(spread: DigitSpread | undefined): boolean {
  if (!spread) return false;
  const inLimits = (measured: number, limit: { share: number; pixels: number }) =>
    measured / Math.max(limit.pixels, limit.share * spread.height);
  const height = inLimits(spread.heightRange, HEIGHT_RANGE);
  const foot = inLimits(spread.footStray, FOOT_STRAY);
  return height + foot >= HANDWRITTEN_SUM && Math.min(height, foot) >= EACH_AT_LEAST;
}
