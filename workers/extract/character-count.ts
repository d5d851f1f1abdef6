import { type GreyImage, isInk, toEdges } from "../ocr/grey-image.ts";
import { median, unionBoxes } from "./boxes.ts";
import { withFaintInk } from "./faint-ink.ts";
import { type Token, tokenText } from "./page-text.ts";
import { advances } from "./type-metrics.ts";

/** The pitch of type is searched between these, in em of character height. */
const PITCH_MIN_EM = 0.85;
const PITCH_MAX_EM = 1.35;
/** Lags are tried a tenth of a pixel apart: over twenty characters that is two pixels. */
const LAG_STEP_PX = 0.1;
/** A line of fewer characters gives too few periods to measure its pitch by. */
const MIN_CHARACTERS = 10;
/** Marks that fill only the left part of their cell (a 。 or 、 ending a line). */
const LEFT_MARK = /[、。，．,.]/u;
/** How much of its cell a character's ink fills: the last one ends the line's ink there. */
const LAST_INK = { mark: 0.4, letter: 0.9 } as const;
/** Marks whose ink starts in the middle or right of their cell (a list's ・, an opening 「). */
const RIGHT_MARK = /[・「『（(]/u;
/** Where their ink starts, in cells: a line starting with one begins its ink that much late. */
const RIGHT_MARK_OFFSET = 0.4;

/**
 * How many more characters OCR read in a typed line than its ink holds, in character cells:
 * near 0 when the count agrees, near 1 when OCR read one character too many. Type sets each
 * full-width character one pitch after the last, so the line's ink spans its characters'
 * advances (type-metrics.ts) times the pitch; the pitch is the period of the ink's column
 * profile. Undefined for a line too short to measure.
 */
export function excessCharacters(
  line: readonly Token[],
  pageInk: GreyImage,
  em: number,
): number | undefined {
  const glyphs = line.flatMap((token) => token.glyphs);
  const box = unionBoxes(line.map((token) => token.bbox));
  if (!box || glyphs.length < MIN_CHARACTERS) return undefined;
  const ink = withFaintInk(pageInk);
  const heads = median(glyphs.map((glyph) => glyph.bbox[1]));
  const feet = median(glyphs.map((glyph) => glyph.bbox[1] + glyph.bbox[3]));
  const edges = toEdges([box[0], heads, box[2], feet - heads], ink);
  const profile: number[] = [];
  for (let x = edges.left; x < edges.right; x++) {
    let count = 0;
    for (let y = edges.top; y < edges.bottom; y++) if (isInk(ink, x, y)) count++;
    profile.push(count);
  }
  const first = profile.findIndex((count) => count > 0);
  const last = profile.length - 1 - [...profile].reverse().findIndex((count) => count > 0);
  if (first < 0 || last <= first) return undefined;
  const inked = profile.slice(first, last + 1);
  const pitch = period(inked, PITCH_MIN_EM * em, PITCH_MAX_EM * em);
  const text = line.map(tokenText).join("");
  const chars = Array.from(text);
  const lastInk = LEFT_MARK.test(chars.at(-1) ?? "") ? LAST_INK.mark : LAST_INK.letter;
  const lateStart = RIGHT_MARK.test(chars[0] ?? "") ? RIGHT_MARK_OFFSET : 0;
  const widths = advances(text);
  const spanned =
    widths.reduce((sum, width) => sum + width, 0) -
    (widths.at(-1) ?? 1) * (1 - lastInk) -
    lateStart;
  return spanned - inked.length / pitch;
}

/**
 * The lag, within [min, max] pixels, at which the profile best matches itself shifted by that
 * lag and by each of its multiples: a shift over many characters makes a small error in the
 * lag tell.
 */
function period(profile: readonly number[], min: number, max: number): number {
  const mean = profile.reduce((sum, value) => sum + value, 0) / profile.length;
  const centred = profile.map((value) => value - mean);
  const at = (position: number) => {
    const whole = Math.floor(position);
    const fraction = position - whole;
    return (centred[whole] as number) * (1 - fraction) + (centred[whole + 1] ?? 0) * fraction;
  };
  let best = { lag: min, score: Number.NEGATIVE_INFINITY };
  for (let lag = min; lag <= max; lag += LAG_STEP_PX) {
    let score = 0;
    for (let shift = lag; shift < centred.length / 2; shift += lag) {
      let sum = 0;
      let count = 0;
      for (let i = 0; i + shift + 1 < centred.length; i++) {
        sum += (centred[i] as number) * at(i + shift);
        count++;
      }
      score += sum / count;
    }
    if (score > best.score) best = { lag, score };
  }
  return best.lag;
}
