/**
 * PageEvidence written by hand for unit tests: lines of OCR words at given positions, each
 * character one em wide (Latin letters and digits about half), as a printed form reads.
 */
import type { OcrCell, PageEvidence } from "../../workers/extract/page-evidence.ts";
import { printedWidth } from "../../workers/extract/type-metrics.ts";
import type { GreyImage } from "../../workers/ocr/grey-image.ts";
import type { BBox, OcrLine, OcrWord } from "../../workers/ocr/ocr-result.ts";

export const EM = 30;
export const PAGE = { width: 1654, height: 2339 };

/** A word at x (its left edge), or [text, x, confidence]. */
export type WordSpec = [text: string, x: number, confidence?: number];

export interface LineSpec {
  y: number;
  words: WordSpec[];
  /** Character height; EM unless the line is set larger (a title) or smaller. */
  em?: number;
}

export function word([text, x, confidence = 0.96]: WordSpec, y: number, em = EM): OcrWord {
  return { text, confidence, bbox: [x, y, Math.round(printedWidth(text) * em), em] };
}

export function ocrLine(spec: LineSpec): OcrLine {
  const words = spec.words.map((w) => word(w, spec.y, spec.em));
  const x0 = Math.min(...words.map((w) => w.bbox[0]));
  const x1 = Math.max(...words.map((w) => w.bbox[0] + w.bbox[2]));
  return {
    text: words.map((w) => w.text).join(" "),
    confidence: 0.96,
    bbox: [x0, spec.y, x1 - x0, spec.em ?? EM],
    words,
  };
}

export interface SyntheticPageOptions {
  pageNumber?: number;
  cells?: OcrCell[];
  ink?: GreyImage | null;
  blank?: boolean;
}

export function syntheticPage(lines: LineSpec[], options: SyntheticPageOptions = {}): PageEvidence {
  return {
    pageNumber: options.pageNumber ?? 1,
    width: PAGE.width,
    height: PAGE.height,
    blank: options.blank ?? false,
    lines: lines.map(ocrLine),
    cells: options.cells ?? [],
    ink: options.ink ?? null,
  };
}

/** A ruled cell and what OCR read in it. */
export function cell(bbox: BBox, lines: LineSpec[]): OcrCell {
  const words = lines.flatMap((line) => ocrLine(line).words);
  return { bbox, text: words.map((w) => w.text).join(" "), confidence: 0.96, words };
}
