import { describe, expect, it } from "vitest";
import { refitToInk } from "../../workers/extract/refit-words.ts";
import type { GreyImage } from "../../workers/ocr/grey-image.ts";
import type { BBox, OcrWord } from "../../workers/ocr/ocr-result.ts";

const EM = 34;
const TOP = 20;

/** A page line with each character a solid block one em square, at the given left edges. */
function inkOf(lefts: number[]): GreyImage {
  const width = 1500;
  const height = 80;
  const pixels = new Uint8Array(width * height).fill(255);
  for (const left of lefts) {
    for (let y = TOP; y < TOP + EM - 4; y++)
      pixels.fill(0, y * width + left, y * width + left + EM - 4);
  }
  return { pixels, width, height, inkLevel: 128 };
}

const word = (text: string, bbox: BBox): OcrWord => ({ text, confidence: 0.9, bbox });

describe("word boxes refitted to the ink", () => {
  it("moves a word boxed a few pixels high, on no character, beside the word that took its ink", () => {
    // 相談番号 … 開催日: OCR boxed 日 over all three characters and 開催 at 4×3 px
    // below the line, on a speck.
    const ink = inkOf([220, 254, 288, 322, 1272, 1306, 1340]);
    // A speck of the scan where 開催 was boxed.
    ink.pixels[62 * ink.width + 1022] = 0;
    const fitted = refitToInk(
      [
        word("相談", [220, 20, 64, 30]),
        word("番号", [288, 20, 64, 30]),
        word("開催", [1021, 61, 4, 3]),
        word("日", [1272, 20, 98, 30]),
      ],
      ink,
    );
    const held = fitted.find((w) => w.text === "開催")?.bbox as BBox;
    expect(held[0]).toBeGreaterThan(1200);
    expect(held[0]).toBeLessThanOrEqual(1272);
    expect(held[1]).toBe(20);
  });
});
