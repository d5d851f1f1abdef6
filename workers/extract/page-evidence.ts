import type { GreyImage } from "../ocr/grey-image.ts";
import type { OcrCell, OcrLine } from "../ocr/ocr-result.ts";

export type { OcrCell };

/**
 * Everything the extractor knows about one page of a source file. All boxes are in the pixels
 * of the upright page image that is stored and shown to reviewers.
 */
export interface PageEvidence {
  /** 1-based in the source file. */
  pageNumber: number;
  width: number;
  height: number;
  /** The back side of a duplex scan: produces no record. */
  blank: boolean;
  /** Whole-page OCR lines with their words (text, confidence 0..1, bbox). */
  lines: OcrLine[];
  /** Ruled cells found on the page, each OCRed on its own (words in page pixels too); empty on unruled pages. */
  cells: OcrCell[];
  /** The second reading, enlarged (OcrPageResult): absent from OCR stored before it was added. */
  rescaledCells?: OcrCell[];
  rescaledLines?: OcrCell[];
  /** Upright grey pixels of the page, for reading check boxes and hand-drawn circles. */
  ink: GreyImage | null;
}
