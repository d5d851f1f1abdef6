import {
  type Edges,
  type GreyImage,
  isInk,
  shrinkToInk,
  toBBox,
  toEdges,
} from "../ocr/grey-image.ts";
import type { BBox, OcrWord } from "../ocr/ocr-result.ts";
import { median, right, unionBoxes } from "./boxes.ts";
import { advances, FLAT_CHARS, GAP_EM, printedWidth } from "./type-metrics.ts";

/** Blank rows parting two lines of text (or text and a rule) within one line's word boxes. */
const BAND_GAP_PX = 3;
/** A word of characters is boxed at least this high, in the line's character height. */
const MIN_HEIGHT_EM = 0.3;
/** A column of a word box inked over this share of its height is a ruled line. */
const RULE_COVER = 0.9;

/**
 * OCR fits word boxes to the ink around them, and the ruled line at the left of a value's box
 * is ink too: the first word of a value often reaches back over it to the rule. Columns of a
 * word box that are blank or inked over its whole height (rules) are cut off its ends.
 * Sometimes a word is put on the rule altogether, its ink taken by its neighbours' boxes,
 * which each shift by a character: it goes where ink no box took lies between its neighbours,
 * else to the side whose words are boxed wider than their text needs.
 */
export function refitToInk(words: readonly OcrWord[], ink: GreyImage): OcrWord[] {
  const sorted = words
    .flatMap((word) => splitAtRulings(word, ink))
    .sort((a, b) => a.bbox[0] - b.bbox[0]);
  const fitted = toOwnBand(
    sorted.map((word) => withoutRulings(word.bbox, ink)),
    ink,
  );
  const em = median(
    sorted.filter((word) => !FLAT_CHARS.test(word.text)).map((word) => word.bbox[3]),
  );
  // A word of characters boxed a few pixels high was put on no character at all (開催 at
  // 4×3 px below its line, its ink in 日's box): it is placed like a word on a rule.
  sorted.forEach((word, index) => {
    const box = fitted[index];
    if (box && !FLAT_CHARS.test(word.text) && box[3] < MIN_HEIGHT_EM * em) fitted[index] = null;
  });
  const boxed = sorted.flatMap((word, index) => {
    const bbox = fitted[index];
    return bbox ? [{ text: word.text, bbox }] : [];
  });
  return sorted.map((word, index) => {
    const box = fitted[index];
    if (box) return { ...word, bbox: box };
    const before = boxed.filter((other) => other.bbox[0] < word.bbox[0]);
    const after = boxed.filter((other) => other.bbox[0] >= word.bbox[0]);
    const previous = before.at(-1)?.bbox;
    const next = after[0]?.bbox;
    const from = previous ? right(previous) : word.bbox[0];
    const to = next ? next[0] : right(word.bbox);
    const band = word.bbox[3] < MIN_HEIGHT_EM * em ? (previous ?? next ?? word.bbox) : word.bbox;
    const free = to > from ? withoutRulings([from, band[1], to - from, band[3]], ink) : null;
    if (free) return { ...word, bbox: free };
    const leftExcess = previous
      ? excessWidth(run(before.reverse(), em), em)
      : Number.NEGATIVE_INFINITY;
    const rightExcess = next ? excessWidth(run(after, em), em) : Number.NEGATIVE_INFINITY;
    if (previous && leftExcess >= rightExcess) {
      return { ...word, bbox: [right(previous), previous[1], 1, previous[3]] };
    }
    return next ? { ...word, bbox: [next[0] - 1, next[1], 1, next[3]] } : word;
  });
}

/** The words next to each other from the first on, as long as no gap separates them. */
function run(words: readonly { text: string; bbox: BBox }[], em: number) {
  const kept = words.slice(0, 1);
  for (const word of words.slice(1)) {
    const last = kept.at(-1) as { bbox: BBox };
    const gap = Math.max(word.bbox[0] - right(last.bbox), last.bbox[0] - right(word.bbox));
    if (gap > GAP_EM * em) break;
    kept.push(word);
  }
  return kept;
}

/** How much wider, in pixels, the words' boxes span than their characters need. */
function excessWidth(words: readonly { text: string; bbox: BBox }[], em: number): number {
  const span = unionBoxes(words.map((word) => word.bbox));
  const needed = words.reduce((sum, word) => sum + printedWidth(word.text), 0);
  return span ? span[2] - needed * em : Number.NEGATIVE_INFINITY;
}

/**
 * A word OCR ran across a ruled line (the end of one table cell and the start of the next,
 * した。｜田中) becomes one word per side, its characters shared out by each side's ink width.
 */
function splitAtRulings(word: OcrWord, ink: GreyImage): OcrWord[] {
  const edges = toEdges(word.bbox, ink);
  const height = edges.bottom - edges.top;
  const chars = Array.from(word.text.trim());
  if (chars.length < 2 || height < 2) return [word];
  const pieces: Edges[] = [];
  let start = edges.left;
  for (let x = edges.left + 1; x < edges.right - 1; x++) {
    if (!isRuleColumn(ink, x, edges)) continue;
    const piece = x > start ? shrinkToInk({ ...edges, left: start, right: x }, ink) : undefined;
    if (piece) pieces.push(piece);
    start = x + 1;
  }
  if (pieces.length === 0) return [word];
  const last = shrinkToInk({ ...edges, left: start }, ink);
  if (last) pieces.push(last);
  if (pieces.length < 2) return [word];
  // Characters go to the pieces in order, each piece taking its share of the printed width.
  const widths = advances(word.text.trim());
  const total = widths.reduce((a, b) => a + b, 0);
  const inkTotal = pieces.reduce((sum, piece) => sum + piece.right - piece.left, 0);
  const split: OcrWord[] = [];
  let used = 0;
  let width = 0;
  let inkSoFar = 0;
  pieces.forEach((piece, index) => {
    inkSoFar += piece.right - piece.left;
    let end = used;
    if (index === pieces.length - 1) {
      end = chars.length;
    } else {
      while (
        end < chars.length - 1 &&
        (width + (widths[end] as number)) / total <= inkSoFar / inkTotal + 0.5 / chars.length
      ) {
        width += widths[end] as number;
        end++;
      }
    }
    if (end > used)
      split.push({ ...word, text: chars.slice(used, end).join(""), bbox: toBBox(piece) });
    used = end;
  });
  return split;
}

/**
 * A column of a word box that is a ruled line: inked over the box's height and on beyond its
 * top and bottom, where a character's own vertical stroke (田, 中, 1) stops.
 */
function isRuleColumn(ink: GreyImage, x: number, box: Edges): boolean {
  const height = box.bottom - box.top;
  // A few pixels beyond: OCR's box may stop short of a character's ink, not by much.
  const reach = Math.max(3, Math.round(height / 8));
  let inked = 0;
  for (let y = box.top; y < box.bottom; y++) if (isInk(ink, x, y)) inked++;
  if (inked < RULE_COVER * height) return false;
  for (const y of [box.top - reach, box.bottom - 1 + reach]) {
    if (y < 0 || y >= ink.height || !isInk(ink, x, y)) return false;
  }
  return true;
}

function withoutRulings(bbox: BBox, ink: GreyImage): BBox | null {
  const edges = toEdges(bbox, ink);
  let { left, right, top, bottom } = edges;
  // Blank columns go too: between two boxes the word may span both of their rules.
  const ruleOrBlankColumn = (x: number) => {
    for (let y = top; y < bottom; y++) {
      if (isInk(ink, x, y)) return isRuleColumn(ink, x, { left, right, top, bottom });
    }
    return true;
  };
  // A row is a rule only where its ink runs on past both ends of the box: a character's own
  // stroke (一) stops at its box.
  const reach = Math.max(2, Math.round((bottom - top) / 3));
  const ruleOrBlankRow = (y: number) => {
    let inked = 0;
    const from = Math.max(0, left - reach);
    const to = Math.min(ink.width, right + reach);
    for (let x = from; x < to; x++) if (isInk(ink, x, y)) inked++;
    let inside = 0;
    for (let x = left; x < right && inside === 0; x++) if (isInk(ink, x, y)) inside++;
    return inside === 0 || inked >= RULE_COVER * (to - from);
  };
  while (top < bottom && ruleOrBlankRow(top)) top++;
  while (bottom > top && ruleOrBlankRow(bottom - 1)) bottom--;
  while (left < right && ruleOrBlankColumn(left)) left++;
  while (right > left && ruleOrBlankColumn(right - 1)) right--;
  if (
    left === edges.left &&
    right === edges.right &&
    top === edges.top &&
    bottom === edges.bottom
  ) {
    return bbox;
  }
  const rest =
    left < right && top < bottom ? shrinkToInk({ left, right, top, bottom }, ink) : undefined;
  return rest ? toBBox(rest) : null;
}

/**
 * OCR's word boxes may reach into the next line of text, when a value wraps, or onto a ruled
 * line under it. Within each box the rows of ink fall into bands with blank rows between; the
 * line's own band is where most words have their heaviest band, and each box is cut to its
 * bands that meet it. A character's own strokes (二) all lie within the line's band and stay.
 */
function toOwnBand(boxes: readonly (BBox | null)[], ink: GreyImage): (BBox | null)[] {
  const bands = boxes.map((box) => (box ? inkBands(box, ink) : []));
  const heaviest = bands.flatMap((own) =>
    own.length > 0 ? [own.reduce((a, b) => (b.ink > a.ink ? b : a))] : [],
  );
  if (heaviest.length === 0) return [...boxes];
  const top = median(heaviest.map((band) => band.top));
  const bottom = median(heaviest.map((band) => band.bottom));
  return boxes.map((box, index) => {
    const own = (bands[index] ?? []).filter((band) => band.bottom > top && band.top < bottom);
    if (!box || own.length === 0) return box;
    const cut = shrinkToInk(
      { ...toEdges(box, ink), top: own[0]?.top ?? top, bottom: own.at(-1)?.bottom ?? bottom },
      ink,
    );
    return cut ? toBBox(cut) : box;
  });
}

interface InkBand {
  top: number;
  bottom: number;
  ink: number;
}

/** Runs of inked rows within a box, parted by blank rows, top to bottom. */
function inkBands(box: BBox, ink: GreyImage): InkBand[] {
  const edges = toEdges(box, ink);
  const bands: InkBand[] = [];
  let blank = Number.POSITIVE_INFINITY;
  for (let y = edges.top; y < edges.bottom; y++) {
    let inked = 0;
    for (let x = edges.left; x < edges.right; x++) if (isInk(ink, x, y)) inked++;
    if (inked === 0) {
      blank++;
      continue;
    }
    const band = bands.at(-1);
    if (band && blank < BAND_GAP_PX) {
      band.bottom = y + 1;
      band.ink += inked;
    } else {
      bands.push({ top: y, bottom: y + 1, ink: inked });
    }
    blank = 0;
  }
  return bands;
}
