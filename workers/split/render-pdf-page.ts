import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  getDocument,
  type PDFDocumentProxy,
  VerbosityLevel,
} from "pdfjs-dist/legacy/build/pdf.mjs";
import sharp from "sharp";
import { damagedPdf } from "./refusals.ts";

export interface RenderedPage {
  data: Buffer;
  width: number;
  height: number;
}

export interface PdfRenderer {
  /** Renders one page (1-based) to an RGB PNG at `dpi`, or lower if that would exceed maxPixels. */
  render(pageNumber: number, dpi: number): Promise<RenderedPage>;
  close(): Promise<void>;
}

/**
 * pdf.js fetches CMaps (needed for CJK text), the standard 14 fonts and its image-decoder
 * WebAssembly (JPEG 2000, JBIG2) on demand. Pointing it at the copies inside the installed
 * package keeps rendering offline; pdf.js reads plain paths with fs in Node, and joins file
 * names onto these, hence the trailing slash.
 */
const pdfjsRoot = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
const assetDirectory = (name: string) => `${join(pdfjsRoot, name)}/`;

export async function openPdfRenderer(
  data: Uint8Array,
  options: { maxPixels: number },
): Promise<PdfRenderer> {
  let document: PDFDocumentProxy;
  try {
    document = await getDocument({
      // pdf.js refuses Node Buffers and may take ownership of the bytes: give it its own view.
      data: new Uint8Array(data),
      cMapUrl: assetDirectory("cmaps"),
      cMapPacked: true,
      standardFontDataUrl: assetDirectory("standard_fonts"),
      wasmUrl: assetDirectory("wasm"),
      // No iccUrl: pdf.js loads that profile with a synchronous XMLHttpRequest, which Node lacks,
      // and falls back to its built-in CMYK conversion without it.
      isEvalSupported: false,
      useSystemFonts: false,
      // A pathological embedded image is skipped rather than allowed to exhaust memory.
      maxImageSize: options.maxPixels,
      verbosity: VerbosityLevel.ERRORS,
    }).promise;
  } catch {
    throw damagedPdf();
  }

  return {
    async render(pageNumber, dpi) {
      const page = await document.getPage(pageNumber);
      try {
        // The viewport applies the page's /Rotate, so the result is upright as a viewer shows it.
        let viewport = page.getViewport({ scale: dpi / 72 });
        const requested = viewport.width * viewport.height;
        if (requested > options.maxPixels) {
          // A poster-sized page is not the clerk's fault: render it smaller rather than refuse.
          viewport = page.getViewport({
            scale: (dpi / 72) * Math.sqrt(options.maxPixels / requested),
          });
        }
        const width = Math.max(1, Math.round(viewport.width));
        const height = Math.max(1, Math.round(viewport.height));
        // pdf.js ships its own @napi-rs/canvas build and draws on canvases from it internally;
        // taking ours from the same factory avoids mixing two native canvas libraries.
        const { canvas } = (document.canvasFactory as NodeCanvasFactory).create(width, height);
        await page.render({
          canvas: canvas as unknown as HTMLCanvasElement,
          viewport,
          intent: "print",
        }).promise;
        // The page background is opaque white, so premultiplied RGBA equals plain RGBA here.
        const png = await sharp(canvas.data(), { raw: { width, height, channels: 4 } })
          .removeAlpha()
          .png()
          .toBuffer();
        return { data: png, width, height };
      } finally {
        page.cleanup();
      }
    },
    async close() {
      await document.destroy();
    },
  };
}

/** The part of pdf.js's (untyped) Node canvas factory used here. */
interface NodeCanvasFactory {
  create(width: number, height: number): { canvas: { data(): Buffer } };
}
