import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  beginText,
  concatTransformationMatrix,
  drawObject,
  endText,
  type PDFOperator,
  type PDFRef,
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
import { pageImageXObject } from "./page-image.ts";
import { StreamingPdf } from "./streaming-pdf.ts";
import { textRuns } from "./text-runs.ts";

/** One page of a case file as the OCR stage stored it. */
export interface SearchablePdfPage {
  /** The stored page image: PNG, upright, deskewed, Individual Numbers blacked out. */
  image: Buffer;
  /** Its OCR result, boxes in the image's pixels, Individual Numbers already redacted. */
  ocr: OcrPageResult;
}

const POINTS_PER_INCH = 72;
/** Each page has resources of its own, so fixed names cannot clash. */
const IMAGE = "Page";
const FONT = "OCR";

/**
 * Writes the searchable PDF of a case file to `out` and ends it: each page image at its paper
 * size, under an invisible text layer laid from the OCR boxes, so that text can be found,
 * selected and copied where it is printed. Pages come in file order (blank back sides too, so PDF
 * page n is the file's page n) and may be generated one by one: each page is written out before
 * the next is asked for and nothing of it is kept but its place in the page tree, so a 500-page
 * file takes hardly more memory than a one-page one. Rejects, destroying `out`, if a page cannot be
 * read; what was written of the PDF by then is incomplete.
 */
export async function writeSearchablePdf(
  pages: Iterable<SearchablePdfPage> | AsyncIterable<SearchablePdfPage>,
  out: Writable,
): Promise<void> {
  // Pulls the next bytes only as fast as `out` takes them; stops at the first error either side.
  await pipeline(searchablePdf(pages), out);
}

async function* searchablePdf(
  pages: Iterable<SearchablePdfPage> | AsyncIterable<SearchablePdfPage>,
): AsyncGenerator<Uint8Array> {
  // No creation date or producer: the same pages give the same bytes, so a retry rewrites the
  // stored PDF with what it already holds.
  const pdf = new StreamingPdf();
  const { context } = pdf;
  // Shared by every page's text layer; complete only at the end, once every character is known.
  const font = new InvisibleTextFont(context);
  const pageTree = context.nextRef();
  const kids: PDFRef[] = [];
  yield pdf.header();
  for await (const { image, ocr } of pages) {
    const { width = ocr.width, height = ocr.height, density } = await sharp(image).metadata();
    const scale = POINTS_PER_INCH / pageResolution(width, height, density);
    const xObject = pdf.object(await pageImageXObject(context, image));
    yield xObject.bytes;
    const text = textLayer(ocr, width * scale, height * scale, font);
    const content = pdf.object(
      context.contentStream([
        pushGraphicsState(),
        concatTransformationMatrix(width * scale, 0, 0, height * scale, 0, 0),
        drawObject(IMAGE),
        popGraphicsState(),
        ...text,
      ]),
    );
    yield content.bytes;
    const page = pdf.object(
      context.obj({
        Type: "Page",
        Parent: pageTree,
        MediaBox: [0, 0, width * scale, height * scale],
        Resources: {
          XObject: { [IMAGE]: xObject.ref },
          ...(text.length > 0 ? { Font: { [FONT]: font.ref } } : {}),
        },
        Contents: content.ref,
      }),
    );
    kids.push(page.ref);
    yield page.bytes;
  }
  font.embed();
  context.assign(pageTree, context.obj({ Type: "Pages", Kids: kids, Count: kids.length }));
  context.trailerInfo.Root = context.register(context.obj({ Type: "Catalog", Pages: pageTree }));
  yield pdf.end();
}

/** The page's OCR text, invisible, where it is printed on a page `pageWidth` × `pageHeight` pt. */
function textLayer(
  ocr: OcrPageResult,
  pageWidth: number,
  pageHeight: number,
  font: InvisibleTextFont,
): PDFOperator[] {
  const runs = textRuns(ocr);
  if (runs.length === 0) return [];
  // Boxes are pixels of the image the OCR read, y downwards; PDF space is points, y upwards.
  const x = (px: number) => (px * pageWidth) / ocr.width;
  const y = (px: number) => (ocr.height - px) * (pageHeight / ocr.height);
  const operators = [
    beginText(),
    setTextRenderingMode(TextRenderingMode.Invisible),
    setFontAndSize(FONT, 1),
  ];
  for (const { text, bbox } of runs) {
    const [left, top, boxWidth, boxHeight] = bbox;
    const characters = [...text].length;
    // Font size 1 scaled by the matrix: each character one box height tall and an equal share
    // of the box wide, so the characters touch and the run ends where the box does.
    operators.push(
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
  operators.push(endText());
  return operators;
}
