import sharp from "sharp";
import { PSM } from "tesseract.js";
import type { GreyImage } from "./grey-image.ts";
import { ocrPage } from "./ocr-page.ts";
import type { BBox, OcrCell, OcrLine } from "./ocr-result.ts";
import type { TesseractPool } from "./tesseract-pool.ts";

export interface ReadCellsOptions {
  dpi: number;
  /** Enlarge each cell by this factor before reading it (default 1). */
  scale?: number;
}

/** A cell shorter than this many text lines is read as one line, taller as a block. */
const SINGLE_LINE_MAX_LINES = 1.8;
/** Printed form text is 9–12 pt: about a sixth of an inch per line with its leading. */
const LINE_HEIGHT_INCHES = 0.17;
/** White margin around a cut-out cell: tesseract misreads glyphs that touch the image edge. */
const PADDING = 12;
/** Fewer ink pixels than this is an empty cell (or a speck): nothing to read. */
const MIN_INK_PIXELS = 30;

/**
 * Reads every ruled cell on its own, with the page segmentation mode its height calls for:
 * whole-page layout analysis merges a label cell with its neighbour's value, or skips short
 * values; one cell at a time it cannot. `page` is the page binarised with rulings removed,
 * decoded once by the caller for all its readings. Any other region (a line of text outside the
 * cells) is read the same way.
 */
export async function readCells(
  page: GreyImage,
  cells: readonly BBox[],
  pool: TesseractPool,
  options: ReadCellsOptions,
): Promise<OcrCell[]> {
  const lineHeight = options.dpi * LINE_HEIGHT_INCHES;
  const scale = options.scale ?? 1;
  return Promise.all(
    cells.map(async (bbox): Promise<OcrCell> => {
      if (inkPixels(page, bbox) < MIN_INK_PIXELS)
        return { bbox, text: "", confidence: 0, words: [] };
      const [x, y, w, h] = bbox;
      const crop = await sharp(page.pixels, {
        raw: { width: page.width, height: page.height, channels: 1 },
      })
        .extract({ left: x, top: y, width: w, height: h })
        .extend({
          top: PADDING,
          bottom: PADDING,
          left: PADDING,
          right: PADDING,
          background: "#ffffff",
        })
        .png({ compressionLevel: 1 })
        .toBuffer();
      const input = scale === 1 ? crop : await enlarge(crop, (w + 2 * PADDING) * scale);
      const pageSegMode =
        h < lineHeight * SINGLE_LINE_MAX_LINES ? PSM.SINGLE_LINE : PSM.SINGLE_BLOCK;
      const read = await ocrPage(input, pool, { pageSegMode, dpi: options.dpi * scale });
      const lines = read.lines.map((line) =>
        offsetLine(scaleLine(line, 1 / scale), x - PADDING, y - PADDING),
      );
      const words = lines.flatMap((line) => line.words);
      return {
        bbox,
        text: lines.map((line) => line.text).join("\n"),
        confidence: read.confidence,
        words,
      };
    }),
  );
}

function inkPixels(page: GreyImage, [x, y, w, h]: BBox): number {
  let count = 0;
  for (let row = y; row < y + h; row++) {
    const start = row * page.width + x;
    for (let i = start; i < start + w; i++) if ((page.pixels[i] ?? 255) < page.inkLevel) count++;
  }
  return count;
}

function offsetLine(line: OcrLine, dx: number, dy: number): OcrLine {
  const move = ([x, y, w, h]: BBox): BBox => [x + dx, y + dy, w, h];
  return {
    ...line,
    bbox: move(line.bbox),
    words: line.words.map((word) => ({ ...word, bbox: move(word.bbox) })),
  };
}

/** Resampled (lanczos), so tesseract sees smooth grey stroke edges, not blown-up pixel steps. */
function enlarge(crop: Buffer, width: number): Promise<Buffer> {
  return sharp(crop)
    .resize({ width: Math.round(width) })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

function scaleLine(line: OcrLine, factor: number): OcrLine {
  if (factor === 1) return line;
  const scaleBox = (box: BBox): BBox => box.map((v) => Math.round(v * factor)) as BBox;
  return {
    ...line,
    bbox: scaleBox(line.bbox),
    words: line.words.map((word) => ({ ...word, bbox: scaleBox(word.bbox) })),
  };
}
