import sharp from "sharp";
import { OcrTrialOrientation } from "../prepare/orientation.ts";
import { preparePage } from "../prepare/prepare-page.ts";
import type { PngImage } from "../prepare/raster.ts";
import { redactPageReading } from "../redact/redact-page-reading.ts";
import { addWordsToLines } from "./add-words-to-lines.ts";
import type { GreyImage } from "./grey-image.ts";
import { linesOutsideCells } from "./lines-outside-cells.ts";
import { ENGINE, ocrPage } from "./ocr-page.ts";
import type { BBox, OcrPageResult, OcrText } from "./ocr-result.ts";
import { pageResolution } from "./page-resolution.ts";
import { readCells } from "./read-cells.ts";
import { readRegions, withLostLinesRead } from "./read-unread-ink.ts";
import type { TesseractPool } from "./tesseract-pool.ts";
import { unreadInk } from "./unread-ink.ts";

/**
 * Scale of the page's second reading (each cell, and each line outside the cells, on its own).
 * Measured on generated forms: at 1.5× tesseract misreads other characters than at 1× (世帯/世常
 * one way, 就/跳 the other), so the two readings seldom agree on a mistake.
 */
const RESCALE = 1.5;

export interface PageReading {
  /** The page image to store in place of the scan's: upright, deskewed, Individual Numbers blacked out. */
  image: PngImage;
  ocr: OcrPageResult;
}

/**
 * The OCR stage for one page: prepare the scan (orientation, deskew, binarisation, ruled cells,
 * line removal, blank detection), read the whole page and then each cell on its own, read the
 * page a second time enlarged (cells and lines on their own; unless turned off), and take every Individual Number
 * out of text and image before anything leaves the worker.
 */
export interface ReadPageOptions {
  /**
   * Read cells and lines a second time, enlarged: values both readings agree on may be accepted
   * without review, and long text is corrected by majority; it doubles the OCR time of a page.
   */
  secondReading: boolean;
}

export async function readPage(
  scan: Buffer,
  pool: TesseractPool,
  options: ReadPageOptions = { secondReading: true },
): Promise<PageReading> {
  const prepared = await preparePage(scan, { orientation: new OcrTrialOrientation(pool) });
  const { width, height } = prepared.upright;
  const page = {
    engine: ENGINE,
    language: "jpn",
    width,
    height,
    rotation: prepared.rotation,
    skewDegrees: prepared.skewDegrees,
    blank: prepared.blank,
  };
  if (prepared.blank) {
    const ocr = {
      ...page,
      text: "",
      confidence: 0,
      lines: [],
      cells: [],
      rescaledCells: [],
      rescaledLines: [],
      redactions: [],
    };
    return { image: prepared.upright, ocr };
  }
  const dpi = pageResolution(width, height);
  const grey = await greyPixels(prepared.forOcr.data);
  const whole = await readWholePage(prepared.forOcr.data, grey, prepared.cells, pool, dpi);
  const cells = await withLostLinesRead(
    grey,
    await readCells(grey, prepared.cells, pool, { dpi }),
    pool,
    dpi,
  );
  const outside = linesOutsideCells(whole.lines, prepared.cells, { width, height });
  const rescaled = options.secondReading
    ? await readCells(grey, [...prepared.cells, ...outside], pool, {
        dpi,
        scale: RESCALE,
      })
    : [];
  const redacted = redactPageReading(whole.lines, [...cells, ...rescaled]);
  const second = redacted.cells.slice(cells.length);
  const image =
    redacted.boxes.length > 0 ? await blackOut(prepared.upright, redacted.boxes) : prepared.upright;
  return {
    image,
    ocr: {
      ...page,
      text: redacted.lines.map((line) => line.text).join("\n"),
      confidence: whole.confidence,
      lines: redacted.lines,
      cells: redacted.cells.slice(0, cells.length),
      rescaledCells: second.slice(0, cells.length),
      rescaledLines: second.slice(cells.length),
      redactions: redacted.boxes.map((bbox) => ({ kind: "individual_number", bbox })),
    },
  };
}

/**
 * The page read as a whole, then whatever ink that reading left unread (outside the ruled
 * cells, which are read on their own) read again region by region and put into its lines.
 */
async function readWholePage(
  image: Buffer,
  grey: GreyImage,
  cells: readonly BBox[],
  pool: TesseractPool,
  dpi: number,
): Promise<OcrText> {
  const whole = await ocrPage(image, pool, { dpi });
  const unread = unreadInk(grey, whole.lines, cells, dpi);
  if (unread.regions.length === 0) return whole;
  const recovered = await readRegions(unread.image, unread.regions, pool, dpi);
  const lines = addWordsToLines(whole.lines, recovered);
  return { ...whole, text: lines.map((line) => line.text).join("\n"), lines };
}

/** The binarised page's pixels, one byte each: decoded once for every reading of its regions. */
async function greyPixels(png: Buffer): Promise<GreyImage> {
  const { data, info } = await sharp(png)
    .toColourspace("b-w")
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { pixels: data, width: info.width, height: info.height, inkLevel: 128 };
}

/** Burns black boxes (with a small margin for ink outside the word box) into the image. */
async function blackOut(image: PngImage, boxes: readonly BBox[]): Promise<PngImage> {
  const margin = 4;
  const overlays = boxes.map(([x, y, w, h]) => {
    const left = Math.max(0, x - margin);
    const top = Math.max(0, y - margin);
    const width = Math.min(image.width - left, w + 2 * margin);
    const height = Math.min(image.height - top, h + 2 * margin);
    return {
      input: { create: { width, height, channels: 3 as const, background: "#000000" } },
      left,
      top,
    };
  });
  const data = await sharp(image.data)
    .composite(overlays)
    .removeAlpha()
    .toColourspace("b-w")
    .png()
    .toBuffer();
  return { data, width: image.width, height: image.height };
}
