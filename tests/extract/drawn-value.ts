import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import type { Glyph } from "../../workers/extract/page-text.ts";
import type { GreyImage } from "../../workers/ocr/grey-image.ts";
import { cssFont, type FontStyle, formFonts, handFont } from "../generator/fonts.ts";

/**
 * How a hand sets each character off the line: baseline offset (share of the em, down), turn
 * (radians) and size. Moderate on purpose: a tidy hand, its feet within a tenth of an em of the
 * line and its digits within a tenth of each other's size. (Tidier still, at 200 dpi, is within
 * binarisation's own pixel and goes unseen.)
 */
export interface Hand {
  dy: number[];
  angle: number[];
  scale: number[];
}

export const A_HAND: Hand = {
  dy: [0, 0.07, -0.04, 0.08, 0, -0.06, 0.05, -0.03, 0.07, 0, -0.05, 0.04],
  angle: [0.02, -0.04, 0.03, 0, -0.03, 0.05, -0.02, 0.04, 0, -0.05, 0.02, 0],
  scale: [1.0, 1.08, 0.97, 1.04, 1.1, 0.98, 1.06, 1.0, 0.97, 1.09, 1.02, 1.05],
};

/**
 * A value drawn for real, with the glyph boxes OCR would give: typed in a form face, or written
 * character by character in a handwriting face.
 */
export function drawnValue(
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
  const glyphs: Glyph[] = drawEachCharacter(ctx, text, size, baseline, size, options.hand).map(
    (place, index) => ({
      id: index,
      char: chars[index] as string,
      // The whole em and a little below, as OCR boxes a character with all its ink.
      bbox: [place.x, baseline - size, place.width, size * 1.25],
      confidence: 0.95,
      wordStart: index === 0,
    }),
  );
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = rgba[i * 4] as number;
  return { glyphs, ink: { pixels, width, height, inkLevel: 128 }, em: size };
}

/**
 * Draws `text` at (x, baseline) one character at a time, each set off the line as `hand` says
 * (typed, on the line, without one); returns where each character starts and how wide it is.
 */
export function drawEachCharacter(
  ctx: SKRSContext2D,
  text: string,
  x: number,
  baseline: number,
  size: number,
  hand?: Hand,
): { x: number; width: number }[] {
  let cursor = x;
  return Array.from(text).map((char, index) => {
    const scale = hand?.scale[index] ?? 1;
    ctx.save();
    ctx.translate(cursor, baseline + (hand?.dy[index] ?? 0) * size);
    ctx.rotate(hand?.angle[index] ?? 0);
    ctx.scale(scale, scale);
    ctx.fillText(char, 0, 0);
    ctx.restore();
    const place = { x: cursor, width: ctx.measureText(char).width * scale };
    cursor += place.width;
    return place;
  });
}
