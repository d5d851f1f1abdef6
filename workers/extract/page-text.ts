import type { GreyImage } from "../ocr/grey-image.ts";
import type { BBox, OcrWord } from "../ocr/ocr-result.ts";
import {
  centreX,
  centreY,
  containsPoint,
  median,
  unionBoxes,
  verticalOverlapShare,
} from "./boxes.ts";
import type { OcrCell, PageEvidence } from "./page-evidence.ts";
import { refitToInk } from "./refit-words.ts";
import { advances, FLAT_CHARS, GAP_EM } from "./type-metrics.ts";

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
  /** Its OCR word's confidence (OcrWord.confidence). */
  confidence: number;
  /** Its OCR word's least sure character's own (OcrWord.characterConfidence). */
  characterConfidence?: number;
  /** The first character of an OCR word: where OCR saw a break between words. */
  wordStart: boolean;
}

/** What OCR makes of a ruled line between two cells: a lone, tall and very thin character. */
const RULING_CHARS = /^[|｜│┃丨¦「」[\]]$/u;
const RULING_MAX_WIDTH_EM = 0.2;
const COLONS = /[:：]/u;
/** Inside a word a vertical bar is still a ruled line OCR ran a word across: 日|2023/7/20. */
const INNER_RULING = /[|｜│┃¦]/u;
/**
 * Check boxes are often found as cells by the ruling finder; a cell smaller than this share of
 * the page width both ways holds a mark, not a value.
 */
const SMALLEST_CELL_SHARE = 0.025;

export function readPageText(page: PageEvidence): PageText {
  return pageText(
    page,
    page.cells,
    page.lines.map((line) => line.words),
  );
}

/**
 * The page as the OCR stage read it a second time, enlarged: its ruled cells and its lines
 * outside them, each on its own. It corroborates values of the first reading (see
 * corroborate.ts). Null when the page was not read so.
 */
export function readRescaledPageText(page: PageEvidence): PageText | null {
  const { rescaledCells, rescaledLines } = page;
  if (!rescaledCells || !rescaledLines || rescaledCells.length !== page.cells.length) return null;
  return pageText(
    page,
    rescaledCells,
    rescaledLines.flatMap((region) => groupIntoLines(region.words)),
  );
}

/**
 * The page with its ruled cells as the whole-page OCR read them, for a third opinion on the
 * text in them (see majority-text.ts). Null on a page without cells, where it is the first.
 */
export function readWholePageText(page: PageEvidence): PageText | null {
  if (page.cells.length === 0) return null;
  const lineWords = page.lines.map((line) => line.words);
  // Fitted first: a whole-page word often runs from a label across the rule into its value.
  const fitted = page.ink
    ? lineWords.map((words) => refitToInk(words, page.ink as GreyImage))
    : lineWords;
  const cells = page.cells.map(
    (cell): OcrCell => ({
      ...cell,
      words: fitted
        .flat()
        .filter((word) => containsPoint(cell.bbox, centreX(word.bbox), centreY(word.bbox))),
    }),
  );
  return pageText(page, cells, lineWords);
}

/** Lines of the cells' own readings, then the words of `lines` outside the cells. */
function pageText(
  page: PageEvidence,
  readCells: readonly OcrCell[],
  lineWords: readonly (readonly OcrWord[])[],
): PageText {
  const minCell = SMALLEST_CELL_SHARE * page.width;
  const cells = readCells.filter((cell) => cell.bbox[2] >= minCell || cell.bbox[3] >= minCell);
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
  for (const ocrWords of lineWords) {
    const words = ocrWords.filter((word) => !inCell(word));
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
      ...(word.characterConfidence === undefined
        ? {}
        : { characterConfidence: word.characterConfidence }),
      wordStart: index === 0,
    };
    cursor += width;
    return glyph;
  });
}
