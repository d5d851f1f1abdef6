import {
  beginText,
  concatTransformationMatrix,
  drawObject,
  endText,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
} from "pdf-lib";
import sharp from "sharp";
import type { OcrPageResult } from "../workers/ocr/ocr-result.ts";
import { pageResolution } from "../workers/ocr/page-resolution.ts";
import { InvisibleTextFont } from "./invisible-text-font.ts";
import { embedPageImage } from "./page-image.ts";
import { textRuns } from "./text-runs.ts";

/** One page of a case file as the OCR stage stored it. */
export interface SearchablePdfPage {
  /** The stored page image: PNG, upright, deskewed, Individual Numbers blacked out. */
  image: Buffer;
  /** Its OCR result, boxes in the image's pixels, Individual Numbers already redacted. */
  ocr: OcrPageResult;
}

const POINTS_PER_INCH = 72;

/**
 * The searchable PDF of a case file: each page image at its paper size, under an invisible text
 * layer laid from the OCR boxes, so that text can be found, selected and copied where it is
 * printed. Pages come in file order (blank back sides too, so PDF page n is the file's page n)
 * and may be generated one by one, so a long file is never held as page images all at once.
 */
export async function buildSearchablePdf(
  pages: Iterable<SearchablePdfPage> | AsyncIterable<SearchablePdfPage>,
): Promise<Uint8Array> {
  // No creation date or producer: the same pages give the same bytes, so a retry rewrites the
  // stored PDF with what it already holds.
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = new InvisibleTextFont(doc.context);
  for await (const { image, ocr } of pages) {
    const { width = ocr.width, height = ocr.height, density } = await sharp(image).metadata();
    const scale = POINTS_PER_INCH / pageResolution(width, height, density);
    const page = doc.addPage([width * scale, height * scale]);
    const imageName = page.node.newXObject("Page", await embedPageImage(doc, image));
    // Boxes are pixels of the image the OCR read, y downwards; PDF space is points, y upwards.
    const x = (px: number) => (px * width * scale) / ocr.width;
    const y = (px: number) => (ocr.height - px) * ((height * scale) / ocr.height);
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(width * scale, 0, 0, height * scale, 0, 0),
      drawObject(imageName),
      popGraphicsState(),
    );
    const runs = textRuns(ocr);
    if (runs.length === 0) continue;
    const fontName = page.node.newFontDictionary("OCR", font.ref);
    page.pushOperators(
      beginText(),
      setTextRenderingMode(TextRenderingMode.Invisible),
      setFontAndSize(fontName, 1),
    );
    for (const { text, bbox } of runs) {
      const [left, top, boxWidth, boxHeight] = bbox;
      const characters = [...text].length;
      // Font size 1 scaled by the matrix: each character one box height tall and an equal share
      // of the box wide, so the characters touch and the run ends where the box does.
      page.pushOperators(
        setTextMatrix(
          (x(left + boxWidth) - x(left)) / characters,
          0,
          0,
          y(top) - y(top + boxHeight),
          x(left),
          y(top + boxHeight),
        ),
        showText(font.encode(text)),
      );
    }
    page.pushOperators(endText());
  }
  font.embed();
  return doc.save();
}
