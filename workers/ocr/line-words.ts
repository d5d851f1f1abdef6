import type { Line } from "tesseract.js";
import { alignWordsToInk } from "./align-words-to-ink.ts";
import type { GreyImage } from "./grey-image.ts";
import type { BBox, OcrWord } from "./ocr-result.ts";

/**
 * Tesseract reads the blank gap after a form label, and fill-in rules, as underscores, and the
 * vertical rules of a table as |, alone or stuck to a neighbouring word (_R5-00123, |本人). Once
 * its boxes have drifted onto real ink the ink test cannot catch them. Japanese text uses
 * neither character; only between ASCII characters (user_id, a|b) can they be real.
 */
const RULES_READ_AS_TEXT = /^[_|｜]+|[_|｜]+$|(?<=\P{ASCII})[_|｜]+|[_|｜]+(?=\P{ASCII})/gu;

/** One tesseract line → its words, boxes fitted to the ink, empty and phantom words dropped. */
export function lineWords(line: Line, image: GreyImage): OcrWord[] {
  const words = line.words
    .map((word): OcrWord => {
      // tesseract.js gives symbols only with its block output, which the pool asks for.
      const symbols = word.symbols ?? [];
      return {
        text: word.text.replace(RULES_READ_AS_TEXT, "").trim(),
        confidence: toShare(word.confidence),
        ...(symbols.length > 0
          ? { characterConfidence: toShare(Math.min(...symbols.map((s) => s.confidence))) }
          : {}),
        bbox: toBBox(word.bbox),
      };
    })
    .filter((word) => word.text !== "");
  // Boundaries placed between characters land between pixels: boxes are stored as whole pixels.
  return alignWordsToInk(words, image).map((word) => ({
    ...word,
    bbox: word.bbox.map(Math.round) as BBox,
  }));
}

/** Tesseract's 0..100 confidence → 0..1. */
function toShare(confidence: number): number {
  return Math.min(1, Math.max(0, confidence / 100));
}

function toBBox({ x0, y0, x1, y1 }: { x0: number; y0: number; x1: number; y1: number }): BBox {
  return [x0, y0, x1 - x0, y1 - y0];
}
