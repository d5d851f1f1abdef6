import sharp from "sharp";
import type { SearchablePdfPage } from "../../export/searchable-pdf.ts";
import type { BBox, OcrLine, OcrPageResult, OcrWord } from "../../workers/ocr/ocr-result.ts";
import { type RenderedForm, renderForm } from "../ocr/render-form.ts";

export const HAND_READ_DPI = 200;

export interface HandReadPage extends SearchablePdfPage {
  form: RenderedForm;
}

/**
 * A page drawn with the CJK test font, stored as the OCR stage stores pages (8-bit grey PNG
 * with its resolution), and an OCR result written by hand from where each segment was drawn: no
 * tesseract, so a test that only needs a read page stays fast. Each printed line's segments
 * become one OCR line, its text the segments joined by spaces.
 */
export async function handReadPage(lines: string[][]): Promise<HandReadPage> {
  const form = renderForm({ lines, dpi: HAND_READ_DPI, heightMm: 80 });
  const image = await sharp(form.png)
    .removeAlpha()
    .toColourspace("b-w")
    .withMetadata({ density: HAND_READ_DPI })
    .png()
    .toBuffer();
  const ocrLines = lines.map((segments): OcrLine => {
    const words = segments.flatMap((segment) => {
      const drawn = form.segments.find((candidate) => candidate.text === segment);
      return drawn ? segmentWords(segment, drawn.bbox) : [];
    });
    return {
      text: segments.join(" "),
      confidence: 0.9,
      bbox: union(words.map((word) => word.bbox)),
      words,
    };
  });
  const ocr: OcrPageResult = {
    ...blankResult(form.width, form.height),
    blank: false,
    text: ocrLines.map((line) => line.text).join("\n"),
    confidence: 0.9,
    lines: ocrLines,
  };
  return { form, image, ocr };
}

/** The back side of a duplex scan of the same size: white, nothing read. */
export async function blankReadPage(width: number, height: number): Promise<SearchablePdfPage> {
  const image = await sharp({ create: { width, height, channels: 3, background: "#ffffff" } })
    .toColourspace("b-w")
    .withMetadata({ density: HAND_READ_DPI })
    .png()
    .toBuffer();
  return { image, ocr: blankResult(width, height) };
}

/**
 * As tesseract boxes a segment: each space-separated part apart, Japanese a character or two
 * per word, every box a little short of the next character, as ink boxes are.
 */
function segmentWords(segment: string, [x, y, w, h]: BBox): OcrWord[] {
  const width = w / [...segment].length;
  const words: OcrWord[] = [];
  let index = 0;
  for (const part of segment.split(" ")) {
    const pieces = /^[\x21-\x7e［］]/.test(part) ? [part] : (part.match(/.{1,2}/gu) ?? []);
    for (const piece of pieces) {
      const length = [...piece].length;
      words.push({
        text: piece,
        confidence: 0.9,
        bbox: [x + index * width, y, length * width - 2, h],
      });
      index += length;
    }
    index += 1;
  }
  return words;
}

function union(boxes: readonly BBox[]): BBox {
  const x = Math.min(...boxes.map((b) => b[0]));
  const y = Math.min(...boxes.map((b) => b[1]));
  const right = Math.max(...boxes.map((b) => b[0] + b[2]));
  const bottom = Math.max(...boxes.map((b) => b[1] + b[3]));
  return [x, y, right - x, bottom - y];
}

function blankResult(width: number, height: number): OcrPageResult {
  return {
    engine: "hand-read test page",
    language: "jpn",
    width,
    height,
    text: "",
    confidence: 0,
    lines: [],
    rotation: 0,
    skewDegrees: 0,
    blank: true,
    cells: [],
    redactions: [],
  };
}
