import sharp from "sharp";
import type { OcrPageResult } from "../ocr/ocr-result.ts";
import type { PageEvidence } from "./page-evidence.ts";

/**
 * Check boxes and circled options are read from ink: pixels darker than this on the stored
 * page image, which is grey with the paper normalised to white.
 */
const INK_LEVEL = 128;

/** What the OCR stage stored for a page (its OCR JSON and page image) as extraction evidence. */
export async function evidenceFromReading(
  pageNumber: number,
  ocr: OcrPageResult,
  pageImage: Buffer,
): Promise<PageEvidence> {
  const { data, info } = await sharp(pageImage)
    .toColourspace("b-w")
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    pageNumber,
    width: ocr.width,
    height: ocr.height,
    blank: ocr.blank,
    lines: ocr.lines,
    cells: ocr.cells,
    ...(ocr.rescaledCells ? { rescaledCells: ocr.rescaledCells } : {}),
    ...(ocr.rescaledLines ? { rescaledLines: ocr.rescaledLines } : {}),
    ink: { pixels: data, width: info.width, height: info.height, inkLevel: INK_LEVEL },
  };
}
