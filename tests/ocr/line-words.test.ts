import type { Line } from "tesseract.js";
import { describe, expect, it } from "vitest";
import type { GreyImage } from "../../workers/ocr/grey-image.ts";
import { lineWords } from "../../workers/ocr/line-words.ts";

/** A white strip with a black 26×28 block per glyph. */
function strip(glyphStarts: number[]): GreyImage {
  const width = 300;
  const pixels = new Uint8Array(width * 50).fill(255);
  for (const start of glyphStarts) {
    for (let y = 10; y < 38; y++) pixels.fill(0, y * width + start, y * width + start + 26);
  }
  return { pixels, width, height: 50, inkLevel: 128 };
}

/** The parts of a tesseract line that lineWords reads; a word's symbols only when given. */
function tesseractLine(
  words: [text: string, x0: number, x1: number, confidence: number, symbols?: number[]][],
): Line {
  return {
    words: words.map(([text, x0, x1, confidence, symbols]) => ({
      text,
      confidence,
      bbox: { x0, y0: 0, x1, y1: 50 },
      ...(symbols
        ? {
            symbols: symbols.map((symbolConfidence, index) => ({
              text: Array.from(text)[index],
              confidence: symbolConfidence,
            })),
          }
        : {}),
    })),
  } as unknown as Line;
}

describe("lineWords", () => {
  const image = strip([10, 40, 100, 130]);

  it("strips underscores and pipes that tesseract reads off gaps and table rules", () => {
    const line = tesseractLine([
      ["受付", 10, 66, 95],
      ["_", 70, 95, 40],
      ["|番号_", 96, 156, 90],
    ]);
    expect(lineWords(line, image).map((word) => word.text)).toEqual(["受付", "番号"]);
  });

  it("keeps underscores inside ASCII text", () => {
    const line = tesseractLine([["user_id", 10, 156, 90]]);
    expect(lineWords(line, image).map((word) => word.text)).toEqual(["user_id"]);
  });

  it("scales confidences to 0..1 and boxes each word's ink", () => {
    const words = lineWords(
      tesseractLine([
        ["受付", 5, 80, 95],
        ["番号", 80, 170, 88],
      ]),
      image,
    );
    expect(words).toEqual([
      { text: "受付", confidence: 0.95, bbox: [10, 10, 56, 28] },
      { text: "番号", confidence: 0.88, bbox: [100, 10, 56, 28] },
    ]);
  });

  it("keeps the least sure character's own confidence beside the word's", () => {
    const [word] = lineWords(
      tesseractLine([["R3-0143", 10, 156, 0, [80, 98, 98, 98, 99, 99, 99]]]),
      image,
    );
    expect(word).toMatchObject({ confidence: 0, characterConfidence: 0.8 });
  });

  it("drops words left empty", () => {
    expect(lineWords(tesseractLine([[" ", 10, 66, 50]]), image)).toEqual([]);
  });
});
