import { readFile } from "node:fs/promises";
import { PDFArray, PDFName, PDFNumber, type PDFRawStream } from "pdf-lib";
import { jpegReachesEnd } from "./image-end-marker.ts";
import { loadPdf } from "./load-pdf.ts";
import { pageImageXObjects } from "./pdf-image-xobjects.ts";
import { damagedPdf, imageTooLarge, pdfWithoutPages } from "./refusals.ts";

/**
 * Returns the page count of a PDF that can be split, or throws the refusal. Besides parsing,
 * it looks at each page's images without decoding them: a declared size over maxPixels is
 * refused, and a JPEG whose data stops before its end marker means the file is damaged.
 */
export async function inspectPdf(path: string, options: { maxPixels: number }): Promise<number> {
  const document = await loadPdf(await readFile(path));
  const pages = document.getPages();
  if (pages.length === 0) throw pdfWithoutPages();
  for (const [index, page] of pages.entries()) {
    for (const image of pageImageXObjects(page).values()) {
      const width = numberAt(image, "Width");
      const height = numberAt(image, "Height");
      if (width * height > options.maxPixels) throw imageTooLarge(width, height, index + 1);
      if (isJpeg(image) && !jpegReachesEnd(image.contents)) throw damagedPdf();
    }
  }
  return pages.length;
}

function numberAt(image: PDFRawStream, key: string): number {
  const value = image.dict.lookup(PDFName.of(key));
  return value instanceof PDFNumber ? value.asNumber() : 0;
}

/** DCTDecode is always the last filter of a chain; only a bare one leaves the JPEG readable. */
function isJpeg(image: PDFRawStream): boolean {
  const filter = image.dict.lookup(PDFName.of("Filter"));
  const sole = filter instanceof PDFArray && filter.size() === 1 ? filter.lookup(0) : filter;
  return sole === PDFName.of("DCTDecode");
}
