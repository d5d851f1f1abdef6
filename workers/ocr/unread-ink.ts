import type { GreyImage } from "./grey-image.ts";
import type { BBox, OcrLine } from "./ocr-result.ts";

/** Printed form text is 9–12 pt: about a sixth of an inch per line with its leading. */
const LINE_HEIGHT_INCHES = 0.17;
/** Room kept around every word read, as a share of a line: its own strokes are not unread ink. */
const WORD_PADDING = 0.12;
/** Rows of ink shorter than this share of a line are specks or underlines, not text. */
const MIN_ROW_HEIGHT = 0.3;
/** Taller than this share of a line is a stamp, a drawing or a block of lines: not one line. */
const MAX_ROW_HEIGHT = 1.6;
/**
 * Ink of one row further apart than this many row heights is two regions. Wide enough to keep a
 * label spaced out to the width of the column (年　　齢, 住　　所) in one piece.
 */
const MAX_GAP = 3;
/** A row with fewer ink pixels than this share of a line is noise between rows of text. */
const MIN_ROW_INK = 0.1;
/** Added above and below a region, as a share of its height: the faint tops and tails of glyphs. */
const REGION_MARGIN = 0.2;
/** Narrower than this share of its height is a stroke left over, not a character. */
const MIN_WIDTH = 0.7;
/** Fewer ink pixels than this share of the region's area is noise on the paper. */
const MIN_INK_SHARE = 0.06;

export interface UnreadInk {
  /** The OCR image with every word read and every ruled cell painted white. */
  image: GreyImage;
  /** Regions of ink left, each about one line of text: what to read again. */
  regions: BBox[];
}

/**
 * Ink of text that the whole-page reading did not read. Tesseract's layout analysis sometimes
 * drops a whole column: on label-colon forms the labels down the left edge (整理番号, 年齢, 〒,
 * 住所) were missing while the values beside them were read, and a field whose label is lost is
 * accepted as absent. Ruled cells are not looked at: each is read on its own anyway.
 */
export function unreadInk(
  image: GreyImage,
  lines: readonly OcrLine[],
  cells: readonly BBox[],
  dpi: number,
): UnreadInk {
  const lineHeight = dpi * LINE_HEIGHT_INCHES;
  const { width, height } = image;
  const pixels = Uint8Array.from(image.pixels);
  const whiteOut = ([x, y, w, h]: BBox, pad: number) => {
    const left = Math.max(0, Math.floor(x - pad));
    const right = Math.min(width, Math.ceil(x + w + pad));
    for (let row = Math.max(0, Math.floor(y - pad)); row < Math.min(height, y + h + pad); row++) {
      pixels.fill(255, row * width + left, row * width + right);
    }
  };
  for (const cell of cells) whiteOut(cell, 0);
  const pad = WORD_PADDING * lineHeight;
  for (const line of lines) for (const word of line.words) whiteOut(word.bbox, pad);
  const left = { pixels, width, height, inkLevel: image.inkLevel };
  const regions = inkRows(left, lineHeight).flatMap(([top, bottom]) => {
    const margin = Math.round(REGION_MARGIN * (bottom - top));
    const y0 = Math.max(0, top - margin);
    const y1 = Math.min(height, bottom + margin);
    return inkRuns(left, top, bottom).map(([x, , w]): BBox => [x, y0, w, y1 - y0]);
  });
  return { image: left, regions };
}

/** Bands of rows holding ink, between a min and max height. */
function inkRows(image: GreyImage, lineHeight: number): [number, number][] {
  const { pixels, width, height, inkLevel } = image;
  const minInk = Math.max(3, Math.round(MIN_ROW_INK * lineHeight));
  const hasInk = (row: number) => {
    let count = 0;
    for (let i = row * width; i < (row + 1) * width; i++) {
      if ((pixels[i] ?? 255) < inkLevel && ++count >= minInk) return true;
    }
    return false;
  };
  const rows: [number, number][] = [];
  let top = -1;
  for (let row = 0; row <= height; row++) {
    const ink = row < height && hasInk(row);
    if (ink && top < 0) top = row;
    if (!ink && top >= 0) {
      const rowHeight = row - top;
      if (rowHeight >= MIN_ROW_HEIGHT * lineHeight && rowHeight <= MAX_ROW_HEIGHT * lineHeight) {
        rows.push([top, row]);
      }
      top = -1;
    }
  }
  return rows;
}

/** Runs of ink across one band of rows, split where the gap is wide; too thin or faint ones dropped. */
function inkRuns(image: GreyImage, top: number, bottom: number): BBox[] {
  const { pixels, width, inkLevel } = image;
  const rowHeight = bottom - top;
  const inkIn = (column: number) => {
    let count = 0;
    for (let row = top; row < bottom; row++)
      if ((pixels[row * width + column] ?? 255) < inkLevel) count++;
    return count;
  };
  const runs: BBox[] = [];
  let start = -1;
  let end = -1;
  let ink = 0;
  const close = () => {
    const runWidth = end - start;
    if (runWidth >= MIN_WIDTH * rowHeight && ink >= MIN_INK_SHARE * runWidth * rowHeight) {
      runs.push([start, top, runWidth, rowHeight]);
    }
  };
  for (let column = 0; column < width; column++) {
    const count = inkIn(column);
    if (count === 0) continue;
    if (start >= 0 && column - end > MAX_GAP * rowHeight) {
      close();
      start = -1;
    }
    if (start < 0) {
      start = column;
      ink = 0;
    }
    end = column + 1;
    ink += count;
  }
  if (start >= 0) close();
  return runs;
}
