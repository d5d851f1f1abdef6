import { createCanvas } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { digitSpread, digitsLookHandwritten } from "../../workers/extract/handwritten-digits.ts";
import type { Glyph } from "../../workers/extract/page-text.ts";
import type { GreyImage } from "../../workers/ocr/grey-image.ts";
import { cssFont, type FontStyle, formFonts, handFont } from "../generator/fonts.ts";

/**
 * How a hand sets each character off the line: baseline offset (share of the em, down), turn
 * (radians) and size. Moderate on purpose: a tidy hand, its feet within a tenth of an em of the
 * line and its digits within a tenth of each other's size. (Tidier still, at 200 dpi, is within
 * binarisation's own pixel and goes unseen.)
 */
interface Hand {
  dy: number[];
  angle: number[];
  scale: number[];
}

const A_HAND: Hand = {
  dy: [0, 0.07, -0.04, 0.08, 0, -0.06, 0.05, -0.03, 0.07, 0, -0.05, 0.04],
  angle: [0.02, -0.04, 0.03, 0, -0.03, 0.05, -0.02, 0.04, 0, -0.05, 0.02, 0],
  scale: [1.0, 1.08, 0.97, 1.04, 1.1, 0.98, 1.06, 1.0, 0.97, 1.09, 1.02, 1.05],
};

/**
 * A value drawn for real, with the glyph boxes OCR would give: typed in a form face, or written
 * character by character in a handwriting face.
 */
function drawnValue(
  text: string,
  options: { size: number; style?: FontStyle; hand?: Hand },
): { glyphs: Glyph[]; ink: GreyImage; em: number } {
  const chars = Array.from(text);
  const { size } = options;
  const width = Math.ceil(size * (chars.length + 2));
  const height = Math.ceil(size * 2.5);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "white";
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = "black";
  ctx.font = cssFont(
    options.hand ? handFont("seto") : formFonts(options.style ?? "gothic").filledIn,
    size,
  );
  const baseline = Math.round(size * 1.6);
  const glyphs: Glyph[] = [];
  let x = size;
  chars.forEach((char, index) => {
    const advance = ctx.measureText(char).width;
    const hand = options.hand;
    ctx.save();
    ctx.translate(x, baseline + (hand ? (hand.dy[index] ?? 0) * size : 0));
    if (hand) {
      ctx.rotate(hand.angle[index] ?? 0);
      ctx.scale(hand.scale[index] ?? 1, hand.scale[index] ?? 1);
    }
    ctx.fillText(char, 0, 0);
    ctx.restore();
    glyphs.push({
      id: index,
      char,
      bbox: [x, baseline - size * 0.8, advance, size * 0.85],
      confidence: 0.95,
      wordStart: index === 0,
    });
    x += advance * (hand?.scale[index] ?? 1);
  });
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = rgba[i * 4] as number;
  return { glyphs, ink: { pixels, width, height, inkLevel: 128 }, em: size };
}

const handwritten = (value: ReturnType<typeof drawnValue>) =>
  digitsLookHandwritten(digitSpread(value.glyphs, value.ink, value.em));

// 10.5 pt type scanned at 200 and 300 dpi.
const SIZES = [29, 44];
const VALUES = ["090-1234-5678", "272-0767", "R5-0123", "2022/10/5", "R3.11.30"];

describe("handwritten digits told from typed ones by their ink", () => {
  for (const size of SIZES) {
    for (const style of ["gothic", "mincho"] as const) {
      it(`takes typed digits for type (${style}, ${size} px)`, () => {
        for (const text of VALUES) {
          const value = drawnValue(text, { size, style });
          expect(digitSpread(value.glyphs, value.ink, value.em)).toBeDefined();
          expect(handwritten(value), text).toBe(false);
        }
      });
    }
  }

  it("takes digits written one by one, off the line and unequal, for handwriting (44 px)", () => {
    for (const text of VALUES) {
      expect(handwritten(drawnValue(text, { size: 44, hand: A_HAND })), text).toBe(true);
    }
  });

  it("takes a longer value in that hand for handwriting at 200 dpi too (29 px)", () => {
    // Six characters of a tidy hand at 200 dpi stray less than a pixel or two from the line
    // fitted through them, which binarisation alone can do: R5-0123 goes unseen.
    for (const text of ["090-1234-5678", "272-0767", "2022/10/5"]) {
      expect(handwritten(drawnValue(text, { size: 29, hand: A_HAND })), text).toBe(true);
    }
  });

  it("says nothing of a value with kanji, whose characters differ in height anyway", () => {
    const value = drawnValue("令和5年4月12日", { size: 29, hand: A_HAND });
    expect(digitSpread(value.glyphs, value.ink, value.em)).toBeUndefined();
  });

  it("says nothing of fewer than four digits", () => {
    const value = drawnValue("R5.4", { size: 29, hand: A_HAND });
    expect(digitSpread(value.glyphs, value.ink, value.em)).toBeUndefined();
    expect(handwritten(value)).toBe(false);
  });

  it("leaves out a slash that reaches below the digits' feet", () => {
    const value = drawnValue("2022/10/5", { size: 44, style: "gothic" });
    const spread = digitSpread(value.glyphs, value.ink, value.em);
    expect(spread?.characters).toBe(7);
    expect(spread?.footStray).toBeLessThan(1.5);
  });
});
