import { createRequire } from "node:module";
import type { Line, Page, PSM } from "tesseract.js";
import type { GreyImage } from "./grey-image.ts";
import { joinLineWords } from "./japanese-spacing.ts";
import { lineWords } from "./line-words.ts";
import type { BBox, OcrLine, OcrText, OcrWord } from "./ocr-result.ts";
import { toTesseractInput } from "./tesseract-input.ts";
import type { TesseractPool } from "./tesseract-pool.ts";

const require = createRequire(import.meta.url);
const { version } = require("tesseract.js/package.json") as { version: string };
export const ENGINE = `tesseract.js ${version}`;
const LANGUAGE = "jpn";

export interface OcrImageOptions {
  /** Default AUTO (a whole page); single line or block for one ruled cell. */
  pageSegMode?: PSM;
  /** Resolution of the scan the image comes from, when the image's own size cannot tell it. */
  dpi?: number;
}

/** One image (a page, or a region cut from one) → text, lines and word boxes in its pixels. */
export async function ocrPage(
  image: Buffer,
  pool: TesseractPool,
  options: OcrImageOptions = {},
): Promise<OcrText> {
  const prepared = await toTesseractInput(image, { dpi: options.dpi });
  const page = await pool.recognize(prepared.png, { pageSegMode: options.pageSegMode });
  const lines = tesseractLines(page).flatMap((line) => toOcrLine(line, prepared));
  const words = lines.flatMap((line) => line.words);
  return {
    engine: ENGINE,
    language: LANGUAGE,
    width: prepared.width,
    height: prepared.height,
    text: lines.map((line) => line.text).join("\n"),
    confidence: meanConfidence(words),
    lines,
  };
}

function tesseractLines(page: Page): Line[] {
  return (page.blocks ?? []).flatMap((block) =>
    block.paragraphs.flatMap((paragraph) => paragraph.lines),
  );
}

/** Empty when nothing with ink is left on the line. */
function toOcrLine(line: Line, image: GreyImage): OcrLine[] {
  const words = lineWords(line, image);
  if (words.length === 0) return [];
  return [
    {
      text: joinLineWords(words),
      confidence: meanConfidence(words),
      // From the kept words: tesseract's own line box also spans phantoms.
      bbox: unionBox(words.map((word) => word.bbox)),
      words,
    },
  ];
}

function meanConfidence(words: readonly OcrWord[]): number {
  if (words.length === 0) return 0;
  return words.reduce((sum, word) => sum + word.confidence, 0) / words.length;
}

function unionBox(boxes: readonly BBox[]): BBox {
  const x0 = Math.min(...boxes.map((b) => b[0]));
  const y0 = Math.min(...boxes.map((b) => b[1]));
  const x1 = Math.max(...boxes.map((b) => b[0] + b[2]));
  const y1 = Math.max(...boxes.map((b) => b[1] + b[3]));
  return [x0, y0, x1 - x0, y1 - y0];
}
