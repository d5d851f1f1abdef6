import { readFile } from "node:fs/promises";
import { extractPdfImage } from "./extract-pdf-image.ts";
import { findPageScan } from "./find-page-scan.ts";
import { loadPdf } from "./load-pdf.ts";
import type { PageImage } from "./page-image.ts";
import { openPdfRenderer, type PdfRenderer } from "./render-pdf-page.ts";

export interface SplitPdfOptions {
  maxPixels: number;
  renderDpi: number;
}

/**
 * Yields a PDF's pages one at a time. A page that is just one scanned image gives that image
 * as stored (JPEG bytes untouched) or losslessly decoded; any other page is rendered.
 * Only the current page's image is held: a 500-page file never has all its pages in memory
 * (the PDF's own bytes are, parsed once by pdf-lib and, if a page needs it, once by pdf.js).
 */
export async function* splitPdf(path: string, options: SplitPdfOptions): AsyncGenerator<PageImage> {
  const bytes = await readFile(path);
  const document = await loadPdf(bytes);
  let renderer: PdfRenderer | undefined;
  try {
    for (const [index, page] of document.getPages().entries()) {
      const pageNumber = index + 1;
      const scan = findPageScan(page);
      const extracted = scan && (await extractPdfImage(scan, options));
      if (extracted) {
        yield { pageNumber, ...extracted };
        continue;
      }
      // Opened only when a page needs it: most scanned files never start pdf.js at all.
      renderer ??= await openPdfRenderer(bytes, options);
      const rendered = await renderer.render(pageNumber, options.renderDpi);
      yield { pageNumber, ...rendered, format: "png", method: "rendered" };
    }
  } finally {
    await renderer?.close();
  }
}
