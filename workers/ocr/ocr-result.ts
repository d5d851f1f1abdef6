/** [x, y, width, height] in pixels of the stored page image. */
export type BBox = [number, number, number, number];

export interface OcrWord {
  text: string;
  /** 0..1 */
  confidence: number;
  bbox: BBox;
}

export interface OcrLine {
  text: string;
  confidence: number;
  bbox: BBox;
  words: OcrWord[];
}

/** What the OCR stage stores per page as JSON in the object store (`pages/…/ocr.json`). */
export interface OcrPageResult {
  engine: string;
  language: string;
  width: number;
  height: number;
  /** Whole page text, lines joined with "\n", spaces between Japanese characters removed. */
  text: string;
  /** Mean word confidence, 0..1. */
  confidence: number;
  lines: OcrLine[];
}
