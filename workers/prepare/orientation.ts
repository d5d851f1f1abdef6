import sharp from "sharp";
import { type Page, PSM } from "tesseract.js";
import type { QuarterTurn } from "./quarter-turn.ts";
import type { PngImage } from "./raster.ts";

/** Decides which way up a page is, from a sample of its text. */
export interface OrientationDetector {
  /**
   * The clockwise turn after which the text of `sample` (black on white, 8-bit grey PNG) stands
   * upright. `turns` are all four, the likeliest first: a detector may stop at the first that
   * it finds convincing.
   */
  uprightTurn(sample: OrientationSample, turns: readonly QuarterTurn[]): Promise<QuarterTurn>;
}

export interface OrientationSample extends PngImage {
  dpi: number;
}

/** What OcrTrialOrientation needs of an OCR engine; TesseractPool (workers/ocr) is one. */
export interface TextRecognizer {
  recognize(image: Buffer, options?: { pageSegMode?: PSM }): Promise<Page>;
}

/**
 * Measured on rendered forms in all four turns, mincho and gothic: the upright sample read at
 * 62–90 % mean character confidence, every turned one at 10–28 %.
 */
const CONVINCING_SCORE = 50;

/**
 * How tesseract is asked to read the sample: first as one block of horizontal text (PSM 6):
 * under automatic layout analysis tesseract takes text turned by 90° for vertical Japanese and
 * reads it nearly as well as upright. A sample no turn reads convincingly so is read again as
 * sparse text (PSM 11): a block cut off mid-character at the sample's edge, or a speck above a
 * few handwritten lines, can throw PSM 6's line finding (an upright handwritten sample read at
 * 15 %, turned ones at 27 %), while sparse text finds the lines one by one.
 */
const READING_MODES = [PSM.SINGLE_BLOCK, PSM.SPARSE_TEXT] as const;

/**
 * Stage 4b, the default detector: OCRs the sample with the Japanese model in each candidate turn
 * and keeps the first read convincingly, or else the best (see READING_MODES). Chosen over
 * tesseract's OSD, which needs the legacy engine and a worker of its own, while this shares the
 * workers that OCR the pages.
 */
export class OcrTrialOrientation implements OrientationDetector {
  constructor(private readonly recognizer: TextRecognizer) {}

  async uprightTurn(
    sample: OrientationSample,
    turns: readonly QuarterTurn[],
  ): Promise<QuarterTurn> {
    let best: { turn: QuarterTurn; score: number } | undefined;
    const turned = new Map<QuarterTurn, Buffer>();
    for (const pageSegMode of READING_MODES) {
      for (const turn of turns) {
        const image = turned.get(turn) ?? (turn === 0 ? sample.data : await turnPng(sample, turn));
        turned.set(turn, image);
        const score = readingScore(await this.recognizer.recognize(image, { pageSegMode }));
        if (score >= CONVINCING_SCORE) return turn;
        if (!best || score > best.score) best = { turn, score };
      }
    }
    if (!best) throw new RangeError("no candidate turns");
    return best.turn;
  }
}

function turnPng(sample: OrientationSample, turn: QuarterTurn): Promise<Buffer> {
  return sharp(sample.data)
    .rotate(turn)
    .toColourspace("b-w")
    .withDensity(sample.dpi)
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** Mean confidence over recognised characters (0..100): long confident words count most. */
export function readingScore(page: Page): number {
  let characters = 0;
  let weighted = 0;
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        for (const word of line.words) {
          const length = [...word.text.trim()].length;
          characters += length;
          weighted += length * word.confidence;
        }
      }
    }
  }
  return characters === 0 ? 0 : weighted / characters;
}
