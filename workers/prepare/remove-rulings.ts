import type { BinaryImage, GreyImage } from "./raster.ts";
import type { Rulings } from "./rulings.ts";
import { visitSpans } from "./segment-spans.ts";

const INK = 0;
const PAPER = 255;
/** Pixels beyond the measured thickness taken as the line's blurred edge. */
const EDGE_PX = 1;

/**
 * Stage 6c: the page without its ruled lines, black on white, for tesseract, which otherwise reads
 * them as ー, 一 or |, or merges a cell's text with its border. Only pixels along the fitted
 * lines go, and not where a stroke crosses the line (ink just outside the line on both sides
 * that belongs to no other line): there the line's pixels are left as the stroke's, so a
 * character written across a cell border stays whole. Where two lines cross, each counts the
 * other as a line, not a stroke, so the crossing goes too.
 */
export function removeRulings(image: BinaryImage, rulings: Rulings): GreyImage {
  const { width, height } = image;
  const lines = new Uint8Array(width * height);
  for (const segment of rulings.horizontal) {
    visitSpans(segment, false, image, 0, EDGE_PX, (x, top, bottom) => {
      for (let y = top; y < bottom; y++) lines[y * width + x] = 1;
    });
  }
  for (const segment of rulings.vertical) {
    visitSpans(segment, true, image, 0, EDGE_PX, (y, left, right) => {
      lines.fill(1, y * width + left, y * width + right);
    });
  }
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = image.ink[i] ? INK : PAPER;
  const strokeAt = (index: number) => image.ink[index] === 1 && lines[index] === 0;
  for (const segment of rulings.horizontal) {
    visitSpans(segment, false, image, 0, EDGE_PX, (x, top, bottom) => {
      const above = (top - 1) * width + x;
      const below = bottom * width + x;
      if (top > 0 && bottom < height && strokeAt(above) && strokeAt(below)) return;
      for (let y = top; y < bottom; y++) pixels[y * width + x] = PAPER;
    });
  }
  for (const segment of rulings.vertical) {
    visitSpans(segment, true, image, 0, EDGE_PX, (y, left, right) => {
      const row = y * width;
      if (left > 0 && right < width && strokeAt(row + left - 1) && strokeAt(row + right)) return;
      pixels.fill(PAPER, row + left, row + right);
    });
  }
  return { pixels, width, height };
}
