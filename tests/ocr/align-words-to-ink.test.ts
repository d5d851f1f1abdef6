import { describe, expect, it } from "vitest";
import { alignWordsToInk } from "../../workers/ocr/align-words-to-ink.ts";
import type { GreyImage } from "../../workers/ocr/grey-image.ts";
import type { OcrWord } from "../../workers/ocr/ocr-result.ts";

const TOP = 10;
const GLYPH_HEIGHT = 28;

/** A white strip with a black 26 px block per glyph start, like kanji at a 30 px pitch. */
function strip(glyphStarts: number[]): GreyImage {
  const width = 400;
  const height = 50;
  const pixels = new Uint8Array(width * height).fill(255);
  for (const start of glyphStarts) {
    for (let y = TOP; y < TOP + GLYPH_HEIGHT; y++)
      pixels.fill(0, y * width + start, y * width + start + 26);
  }
  return { pixels, width, height, inkLevel: 128 };
}

function word(text: string, x: number, width: number): OcrWord {
  return { text, confidence: 0.9, bbox: [x, 0, width, 50] };
}

describe("alignWordsToInk", () => {
  // 福祉課 at 10–96, a 40 px printed gap, 佐藤 at 136–192.
  const image = strip([10, 40, 70, 136, 166]);

  it("moves drifted boundaries onto the printed gap and shrinks boxes onto their ink", () => {
    // Tesseract's 福祉課 box runs over the gap into 佐.
    const aligned = alignWordsToInk([word("福祉課", 10, 140), word("佐藤", 150, 45)], image);
    expect(aligned.map((w) => w.bbox)).toEqual([
      [10, TOP, 86, GLYPH_HEIGHT],
      [136, TOP, 56, GLYPH_HEIGHT],
    ]);
  });

  it("follows the text length when tesseract boxes a glyph too many into a word", () => {
    // Tesseract's 福祉 box also covers 課; its 課 box sits on the gap.
    const aligned = alignWordsToInk(
      [word("福祉", 10, 88), word("課", 98, 36), word("佐藤", 136, 56)],
      image,
    );
    expect(aligned.map((w) => w.bbox[0])).toEqual([10, 70, 136]);
    expect(aligned.map((w) => w.bbox[2])).toEqual([56, 26, 56]);
  });

  it("drops punctuation-like words with no ink under them", () => {
    const aligned = alignWordsToInk(
      [word("福祉課", 10, 86), word("”", 100, 30), word("佐藤", 136, 56)],
      image,
    );
    expect(aligned.map((w) => w.text)).toEqual(["福祉課", "佐藤"]);
  });

  it("shrinks a lone word onto its ink and keeps its other fields", () => {
    const [aligned] = alignWordsToInk([word("福祉課", 0, 110)], image);
    expect(aligned).toEqual({ text: "福祉課", confidence: 0.9, bbox: [10, TOP, 86, GLYPH_HEIGHT] });
  });
});
