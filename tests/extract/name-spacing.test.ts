import { describe, expect, it } from "vitest";
import { spaceName } from "../../workers/extract/name-spacing.ts";
import type { Glyph, Token } from "../../workers/extract/page-text.ts";
import type { GreyImage } from "../../workers/ocr/grey-image.ts";

const EM = 27;
const TOP = 10;

/** A line of solid blocks as characters: each [char, left, width, starts an OCR word]. */
function line(chars: [string, number, number, boolean][]): { ink: GreyImage; tokens: Token[] } {
  const width = 200;
  const height = 50;
  const pixels = new Uint8Array(width * height).fill(255);
  for (const [, left, w] of chars) {
    for (let y = TOP; y < TOP + EM; y++) pixels.fill(0, y * width + left, y * width + left + w);
  }
  const tokens: Token[] = [];
  chars.forEach(([char, left, w, wordStart], id) => {
    const glyph: Glyph = { id, char, bbox: [left, TOP, w, EM], confidence: 0.95, wordStart };
    if (wordStart || tokens.length === 0)
      tokens.push({ glyphs: [], bbox: glyph.bbox, colonAfter: false });
    tokens.at(-1)?.glyphs.push(glyph);
  });
  return { ink: { pixels, width, height, inkLevel: 128 }, tokens };
}

/**
 * 橋本 文子 as measured on a scan: the space (18 px, 0.67 em) is the widest blank, but a blank
 * beside 子 comes close (15 px), so the ink alone leads by only 1.2.
 */
function hashimoto(ocrSplitAtSpace: boolean) {
  return line([
    ["橋", 20, 26, true],
    ["本", 56, 26, false],
    ["文", 100, 26, ocrSplitAtSpace],
    ["子", 141, 26, false],
  ]);
}

describe("the space between 姓 and 名 measured in the ink", () => {
  it("is in doubt when OCR broke its words at a blank the ink barely leads with", () => {
    const { ink, tokens } = hashimoto(true);
    expect(spaceName([tokens], { ink, em: EM, script: "name" })).toEqual({
      text: "橋本文子",
      doubtful: true,
    });
  });

  it("is surely absent when OCR read through that blank too", () => {
    const { ink, tokens } = hashimoto(false);
    expect(spaceName([tokens], { ink, em: EM, script: "name" })).toEqual({
      text: "橋本文子",
      doubtful: false,
    });
  });
});

describe("the space between 姓 and 名 of a kana name", () => {
  it("is put at the widest blank when the ink leaves it in doubt, since kana always part them", () => {
    const { ink, tokens } = line([
      ["タ", 10, 26, true],
      ["ナ", 40, 26, false],
      ["カ", 70, 26, false],
      ["サ", 110, 26, false],
      ["チ", 140, 26, false],
      ["コ", 170, 26, false],
    ]);
    expect(spaceName([tokens], { ink, em: EM, script: "kana" })).toEqual({
      text: "タナカ サチコ",
      doubtful: true,
    });
    // A name in kanji keeps its characters together when in doubt: it may be printed so.
    expect(spaceName([tokens], { ink, em: EM, script: "name" }).text).not.toContain(" ");
  });
});
