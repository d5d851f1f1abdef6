import {
  type Edges,
  type GreyImage,
  isInk,
  shrinkToInk,
  toBBox,
  toEdges,
} from "../ocr/grey-image.ts";
import type { BBox, OcrWord } from "../ocr/ocr-result.ts";
import {
  centreX,
  centreY,
  containsPoint,
  median,
  right,
  unionBoxes,
  verticalOverlapShare,
} from "./boxes.ts";
import type { PageEvidence } from "./page-evidence.ts";

/**
 * A page's text as the extractor reads it: lines of tokens, a token being what the paper shows
 * as one run of characters — a label, or a piece of a value — between gaps, colons and ruled
 * lines. Ruled cells that were OCRed on their own are read from their own OCR, and the
 * whole-page OCR only outside them: inside a cell the cell's reading is the better one.
 */
export interface PageText {
  pageNumber: number;
  width: number;
  height: number;
  lines: TextLine[];
  /** The page's ruled cells; `TextLine.cell` indexes into this. */
  cells: BBox[];
  ink: GreyImage | null;
}

export interface TextLine {
  tokens: Token[];
  bbox: BBox;
  /** Height of the line's characters: the unit of every gap and margin measured on it. */
  em: number;
  /** The ruled cell the line was read in, or null for whole-page OCR outside cells. */
  cell: number | null;
}

export interface Token {
  glyphs: Glyph[];
  bbox: BBox;
  /** A colon (：) followed it on the paper, as after a printed label. */
  colonAfter: boolean;
}

/** One character as OCRed, with its box estimated within its word's box. */
export interface Glyph {
  /** Unique on the page, so labels and values can claim glyphs without overlapping. */
  id: number;
  char: string;
  bbox: BBox;
  confidence: number;
}

/**
 * A blank wider than this many character heights separates tokens: the same measure the OCR
 * stage uses to keep a space, so 中村　健一 and 氏名　山田 split where the paper shows a gap.
 */
const GAP_EM = 0.6;
/** What OCR makes of a ruled line between two cells: a lone, tall and very thin character. */
const RULING_CHARS = /^[|｜│┃丨¦「」[\]]$/u;
const RULING_MAX_WIDTH_EM = 0.2;
const COLONS = /[:：]/u;
/** Inside a word a vertical bar is still a ruled line OCR ran a word across: 日|2023/7/20. */
const INNER_RULING = /[|｜│┃¦]/u;
/** Characters too flat or small to measure a line's character height by. */
const FLAT_CHARS = /^[ー一\-‐―−・、。.,:：_~〜"'”’`]+$/u;
/** Blank rows parting two lines of text (or text and a rule) within one line's word boxes. */
const BAND_GAP_PX = 3;
/** A column of a word box inked over this share of its height is a ruled line. */
const RULE_COVER = 0.9;
/**
 * Check boxes are often found as cells by the ruling finder; a cell smaller than this share of
 * the page width both ways holds a mark, not a value.
 */
const SMALLEST_CELL_SHARE = 0.025;

export function readPageText(page: PageEvidence): PageText {
  const minCell = SMALLEST_CELL_SHARE * page.width;
  const cells = page.cells.filter((cell) => cell.bbox[2] >= minCell || cell.bbox[3] >= minCell);
  const ids = { next: 0 };
  const lines: TextLine[] = [];
  cells.forEach((cell, index) => {
    for (const words of groupIntoLines(cell.words)) {
      const line = toTextLine(words, index, ids);
      if (line) lines.push(line);
    }
  });
  const inCell = (word: OcrWord) =>
    cells.some((cell) => containsPoint(cell.bbox, centreX(word.bbox), centreY(word.bbox)));
  for (const ocrLine of page.lines) {
    const words = ocrLine.words.filter((word) => !inCell(word));
    const line = toTextLine(page.ink ? refitToInk(words, page.ink) : words, null, ids);
    if (line) lines.push(line);
  }
  lines.sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
  return {
    pageNumber: page.pageNumber,
    width: page.width,
    height: page.height,
    lines,
    cells: cells.map((cell) => cell.bbox),
    ink: page.ink,
  };
}

export function tokenText(token: Token): string {
  return token.glyphs.map((glyph) => glyph.char).join("");
}

export function lineText(line: TextLine): string {
  return line.tokens.map(tokenText).join(" ");
}

/**
 * The tokens' characters whose centres lie in [left, right): a word's box may reach beyond
 * its ink (OCR boxes take in the ruled line before a value), its characters' centres do not.
 */
export function clipTokens(tokens: readonly Token[], left: number, right: number): Token[] {
  return keepGlyphs(tokens, (glyph) => {
    const centre = centreX(glyph.bbox);
    return centre >= left && centre < right;
  });
}

/** Tokens with only the glyphs `keep` accepts; tokens left empty are dropped. */
export function keepGlyphs(tokens: readonly Token[], keep: (glyph: Glyph) => boolean): Token[] {
  return tokens.flatMap((token) => {
    const glyphs = token.glyphs.filter(keep);
    if (glyphs.length === token.glyphs.length) return [token];
    if (glyphs.length === 0) return [];
    return [{ ...token, glyphs, bbox: unionBoxes(glyphs.map((glyph) => glyph.bbox)) as BBox }];
  });
}

/**
 * OCR fits word boxes to the ink around them, and the ruled line at the left of a value's box
 * is ink too: the first word of a value often reaches back over it to the rule. Columns of a
 * word box that are blank or inked over its whole height (rules) are cut off its ends.
 * Sometimes a word is put on the rule altogether, its ink taken by its neighbours' boxes,
 * which each shift by a character: it goes where ink no box took lies between its neighbours,
 * else to the side whose words are boxed wider than their text needs.
 */
function refitToInk(words: readonly OcrWord[], ink: GreyImage): OcrWord[] {
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
    const free =
      to > from ? withoutRulings([from, word.bbox[1], to - from, word.bbox[3]], ink) : null;
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
  const needed = words.reduce(
    (sum, word) => sum + advances(word.text).reduce((a, b) => a + b, 0),
    0,
  );
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

/** Words of a cell, which come without lines, grouped into lines by their vertical overlap. */
function groupIntoLines(words: readonly OcrWord[]): OcrWord[][] {
  const groups: { box: BBox; words: OcrWord[] }[] = [];
  for (const word of [...words].sort((a, b) => centreY(a.bbox) - centreY(b.bbox))) {
    const group = groups.find((candidate) => verticalOverlapShare(candidate.box, word.bbox) >= 0.5);
    if (group) {
      group.words.push(word);
      group.box = unionBoxes([group.box, word.bbox]) as BBox;
    } else {
      groups.push({ box: word.bbox, words: [word] });
    }
  }
  return groups.map((group) => group.words);
}

function toTextLine(
  words: readonly OcrWord[],
  cell: number | null,
  ids: { next: number },
): TextLine | null {
  const sorted = words
    .filter((word) => word.text.trim() !== "")
    .sort((a, b) => a.bbox[0] - b.bbox[0]);
  const bbox = unionBoxes(sorted.map((word) => word.bbox));
  if (!bbox) return null;
  const em = lineEm(sorted, bbox);
  const tokens: Token[] = [];
  let current: Glyph[] = [];
  let previousRight = Number.NEGATIVE_INFINITY;
  const close = (colonAfter: boolean) => {
    if (current.length > 0) {
      tokens.push({
        glyphs: current,
        bbox: unionBoxes(current.map((g) => g.bbox)) as BBox,
        colonAfter,
      });
      current = [];
    } else if (colonAfter && tokens.length > 0) {
      (tokens.at(-1) as Token).colonAfter = true;
    }
  };
  for (const word of sorted) {
    const [x, , w, h] = word.bbox;
    if (RULING_CHARS.test(word.text.trim()) && w <= RULING_MAX_WIDTH_EM * em && h >= 0.6 * em) {
      close(false);
      previousRight = x + w;
      continue;
    }
    if (x - previousRight > GAP_EM * em) close(false);
    for (const glyph of splitWord(word, ids)) {
      if (COLONS.test(glyph.char)) close(true);
      else if (INNER_RULING.test(glyph.char)) close(false);
      else current.push(glyph);
    }
    previousRight = x + w;
  }
  close(false);
  return tokens.length > 0 ? { tokens, bbox, em, cell } : null;
}

function lineEm(words: readonly OcrWord[], bbox: BBox): number {
  const heights = words.filter((word) => !FLAT_CHARS.test(word.text)).map((word) => word.bbox[3]);
  return heights.length > 0 ? median(heights) : bbox[3];
}

/**
 * A word's characters with boxes shared out by their printed width: a kanji or kana one em,
 * Latin letters, digits and ASCII punctuation about half.
 */
function splitWord(word: OcrWord, ids: { next: number }): Glyph[] {
  const chars = Array.from(word.text.trim());
  const widths = advances(word.text.trim());
  const total = widths.reduce((sum, width) => sum + width, 0);
  const [x, y, w, h] = word.bbox;
  let cursor = x;
  return chars.map((char, index) => {
    const width = (w * (widths[index] as number)) / total;
    const glyph: Glyph = {
      id: ids.next++,
      char,
      bbox: [cursor, y, width, h],
      confidence: word.confidence,
    };
    cursor += width;
    return glyph;
  });
}

/** Printed width of each character in em: kanji and kana one, Latin letters and digits about half. */
function advances(text: string): number[] {
  return Array.from(text, (char) => (/[\x21-\x7E]/u.test(char) ? 0.55 : 1));
}
