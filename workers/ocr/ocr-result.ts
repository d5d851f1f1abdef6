/** [x, y, width, height] in pixels of the stored page image. */
export type BBox = [number, number, number, number];

export interface OcrWord {
  text: string;
  /**
   * 0..1: tesseract's confidence in the word, which holds its doubt about where the word begins
   * and ends besides its doubt about the characters.
   */
  confidence: number;
  /**
   * 0..1: tesseract's confidence in the word's least sure character on its own. Absent from OCR
   * output stored before it was kept.
   */
  characterConfidence?: number;
  bbox: BBox;
}

export interface OcrLine {
  text: string;
  confidence: number;
  bbox: BBox;
  words: OcrWord[];
}

/** One ruled cell of a form, OCRed on its own; `bbox` is its inner area. */
export interface OcrCell {
  bbox: BBox;
  text: string;
  confidence: number;
  words: OcrWord[];
}

/** An area blacked out of the stored page image, and its text out of every OCR output. */
export interface PageRedaction {
  kind: "individual_number";
  bbox: BBox;
}

/** What tesseract read in one image (a page, or one cell of it), boxes in that image's pixels. */
export interface OcrText {
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

/**
 * What the OCR stage stores per page as JSON in the object store (`pages/…/ocr.json`). All boxes
 * are in the pixels of the stored page image, which is the scan turned upright and deskewed.
 */
export interface OcrPageResult extends OcrText {
  /** Clockwise quarter turn and skew (degrees) undone to make the stored page image upright. */
  rotation: 0 | 90 | 180 | 270;
  skewDegrees: number;
  /** The back side of a duplex scan: nothing on it, no record from it. */
  blank: boolean;
  /** Ruled cells in reading order; empty on unruled pages. */
  cells: OcrCell[];
  /**
   * The page read a second time, enlarged: the same cells (index for index), and each line of
   * the whole-page reading outside them on its own. Its mistakes are seldom the first
   * reading's, so a value both read alike can be trusted more. Absent from OCR output stored
   * before it was added.
   */
  rescaledCells?: OcrCell[];
  rescaledLines?: OcrCell[];
  redactions: PageRedaction[];
}
