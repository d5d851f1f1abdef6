import type { MediaType } from "../../ingest/sniff-media-type.ts";
import type { PageImage } from "./page-image.ts";
import { splitImage } from "./split-image.ts";
import { splitPdf } from "./split-pdf.ts";
import { splitTiff } from "./split-tiff.ts";

export interface SplitFileOptions {
  /** As found by `inspectFile`, from the content, never from the file name. */
  mediaType: MediaType;
  maxPixels: number;
  /** Resolution for PDF pages that must be rendered; 300 dpi suits OCR of body text. */
  renderDpi?: number;
}

export const DEFAULT_RENDER_DPI = 300;

/** Cuts a file into page images, lazily: each page is produced when the consumer asks for it. */
export function splitFile(path: string, options: SplitFileOptions): AsyncGenerator<PageImage> {
  const { mediaType, maxPixels, renderDpi = DEFAULT_RENDER_DPI } = options;
  switch (mediaType) {
    case "application/pdf":
      return splitPdf(path, { maxPixels, renderDpi });
    case "image/tiff":
      return splitTiff(path, { maxPixels });
    case "image/jpeg":
    case "image/png":
      return splitImage(path, { mediaType, maxPixels });
  }
}
