import type { BBox } from "../ocr/ocr-result.ts";
import { binarise } from "./binarise.ts";
import { isBlankPage } from "./blank-page.ts";
import { findCells, readingOrder } from "./cells.ts";
import { decodeScan } from "./decode-scan.ts";
import { despeckle } from "./despeckle.ts";
import { normaliseBackground } from "./normalise-background.ts";
import type { OrientationDetector } from "./orientation.ts";
import { orientationSample } from "./orientation-sample.ts";
import { addTurns, type QuarterTurn, turnBox, turnRulings } from "./quarter-turn.ts";
import {
  type BinaryImage,
  binaryToGrey,
  encodePng,
  type GreyImage,
  type PngImage,
} from "./raster.ts";
import { removeRulings } from "./remove-rulings.ts";
import { deskewInk, turnAndDeskew } from "./rotate-page.ts";
import { findRulings, type Rulings } from "./rulings.ts";
import { shrinkDarkest } from "./shrink.ts";
import { estimateSkew } from "./skew.ts";
import { textAxis } from "./text-axis.ts";

export interface PreparedPage {
  /** Upright, deskewed, grey (8-bit) page: what reviewers see; every box Kamiroku stores is in its pixels. */
  upright: PngImage;
  /** Same size as upright: binarised (black text on white) with ruled lines removed: what tesseract reads. */
  forOcr: PngImage;
  /** Clockwise rotation applied to make the page upright. */
  rotation: QuarterTurn;
  /** Clockwise skew found on the page (after the quarter turn) and undone, in degrees. */
  skewDegrees: number;
  /** In upright pixels. */
  rulings: Rulings;
  /** Ruled cells [x, y, w, h] in upright pixels, inner area (inside the lines), in reading order. */
  cells: BBox[];
  /** No content: the back side of a duplex scan. */
  blank: boolean;
}

export type PrepareStage =
  | "decode"
  | "normalise"
  | "analyse"
  | "blank"
  | "skew"
  | "axis"
  | "rotate"
  | "binarise"
  | "despeckle"
  | "rulings"
  | "cells"
  | "removeRulings"
  | "orientation"
  | "encode";

export interface PreparePageOptions {
  /** Decides 0° from 180° (and, on pages without clear text lines, from 90° and 270°). */
  orientation: OrientationDetector;
  /** Scan resolution when known better than the file states it; otherwise the file's, or A4's. */
  dpi?: number;
  /** Told each stage's wall time, for benchmarks and logs. */
  onStage?: (stage: PrepareStage, milliseconds: number) => void;
}

/**
 * Skew, blankness and text direction are measured on a ~100 dpi copy: ruled lines and text
 * lines still span hundreds of pixels there, at a ninth of the work at 300 dpi.
 */
const ANALYSIS_DPI = 100;
/**
 * After the text-line check, pages are far more often fed upright than upside down, and turned
 * a quarter only where that check was unclear or wrong.
 */
const LIKELIEST_FIRST: readonly QuarterTurn[] = [0, 180, 90, 270];

/**
 * Page preparation before OCR, in small stages as OCRmyPDF does it: normalise the paper to
 * white, look at a small binarised copy to tell whether the page is blank, how far it is skewed
 * and which way its text lines run, turn and deskew the full page in one resampling, binarise
 * it, find the ruled lines and the cells they enclose, take the lines out of the copy for OCR,
 * and let the orientation detector settle which way up the text reads.
 */
export async function preparePage(
  image: Buffer,
  options: PreparePageOptions,
): Promise<PreparedPage> {
  const time = stageTimer(options.onStage);
  const scan = await time("decode", () => decodeScan(image));
  const dpi = options.dpi ?? scan.dpi;
  const grey = time("normalise", () => normaliseBackground(scan.grey, dpi));

  const factor = Math.max(1, Math.floor(dpi / ANALYSIS_DPI));
  const analysisDpi = dpi / factor;
  const { small, smallInk } = time("analyse", () => {
    const small = shrinkDarkest(grey, factor);
    return { small, smallInk: binariseClean(small, analysisDpi) };
  });
  if (time("blank", () => isBlankPage(smallInk, small, analysisDpi))) {
    return blankPage(grey, dpi, time);
  }
  const skewDegrees = time("skew", () => estimateSkew(smallInk));
  const axis = time("axis", () => textAxis(deskewInk(smallInk, skewDegrees), analysisDpi));
  // Text lines running down the page: it lies on its side, turned one way or the other.
  const turn: QuarterTurn = axis === "columns" ? 90 : 0;

  const page = time("rotate", () => turnAndDeskew(grey, turn, skewDegrees));
  const ink = time("binarise", () => binarise(page, dpi));
  time("despeckle", () => despeckle(ink, dpi));
  const rulings = time("rulings", () => findRulings(ink, dpi));
  const cells = time("cells", () => findCells(rulings, page.width, page.height, dpi));
  const forOcr = time("removeRulings", () => removeRulings(ink, rulings));

  const flip = await time("orientation", async () =>
    options.orientation.uprightTurn(await orientationSample(forOcr, dpi), LIKELIEST_FIRST),
  );
  const [upright, ocrImage] = await time("encode", () =>
    Promise.all([encodePng(page, dpi, flip), encodePng(forOcr, dpi, flip)]),
  );
  return {
    upright,
    forOcr: ocrImage,
    rotation: addTurns(turn, flip),
    skewDegrees,
    rulings: turnRulings(rulings, flip, page.width, page.height),
    cells: readingOrder(
      cells.map((cell) => turnBox(cell, flip, page.width, page.height)),
      dpi,
    ),
    blank: false,
  };
}

function binariseClean(grey: GreyImage, dpi: number): BinaryImage {
  const ink = binarise(grey, dpi);
  despeckle(ink, dpi);
  return ink;
}

/** Left as scanned: with nothing on it there is no text to turn upright by. */
async function blankPage(grey: GreyImage, dpi: number, time: StageTimer): Promise<PreparedPage> {
  const forOcr = binaryToGrey(time("binarise", () => binariseClean(grey, dpi)));
  const [upright, ocrImage] = await time("encode", () =>
    Promise.all([encodePng(grey, dpi), encodePng(forOcr, dpi)]),
  );
  return {
    upright,
    forOcr: ocrImage,
    rotation: 0,
    skewDegrees: 0,
    rulings: { horizontal: [], vertical: [] },
    cells: [],
    blank: true,
  };
}

type StageTimer = <T>(stage: PrepareStage, work: () => T) => T;

function stageTimer(onStage: PreparePageOptions["onStage"]): StageTimer {
  return (stage, work) => {
    if (!onStage) return work();
    const start = performance.now();
    const result = work();
    if (result instanceof Promise) {
      return result.finally(() => onStage(stage, performance.now() - start)) as typeof result;
    }
    onStage(stage, performance.now() - start);
    return result;
  };
}
