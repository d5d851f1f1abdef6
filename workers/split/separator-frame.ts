import { SHEET_FRAME } from "../../ingest/separator-sheets/sheet-geometry.ts";
import type { GreyImage } from "./grey-image.ts";

type Side = "top" | "bottom" | "left" | "right";
const SIDES: readonly Side[] = ["top", "bottom", "left", "right"];

/**
 * Counts the sides (0–4) on which the page shows a separator sheet's thick frame: seen from the
 * page edge, past any dark scanner border, the first ink is a band about as thick as the printed
 * frame, along most of that side. Forms have thin rules, text and the odd black title bar, not
 * a thick band on three or four sides, so a frame is the sign of a separator sheet whose QR code
 * could not be read. Symmetric, so an upside-down sheet shows its frame just the same.
 */
export function countFrameSides(image: GreyImage, threshold: number, pixelsPerMm: number): number {
  const thickness = SHEET_FRAME.thicknessMm * pixelsPerMm;
  return SIDES.filter((side) => frameAlong(image, threshold, side, thickness)).length;
}

function frameAlong(image: GreyImage, threshold: number, side: Side, thickness: number): boolean {
  const { pixels, width, height } = image;
  const vertical = side === "top" || side === "bottom";
  const along = vertical ? width : height;
  const across = vertical ? height : width;
  const pixel = (line: number, depth: number): number => {
    const inward = side === "top" || side === "left" ? depth : across - 1 - depth;
    return vertical
      ? (pixels[inward * width + line] as number)
      : (pixels[line * width + inward] as number);
  };
  const maxDepth = Math.floor(across * 0.2);
  const specks = Math.max(1, Math.floor(thickness * 0.25));
  // The middle of the side: a torn corner or the frame's skew near the ends does not count.
  const first = Math.floor(along * 0.2);
  const last = Math.ceil(along * 0.8);
  const step = Math.max(1, Math.floor((last - first) / 60));
  let lines = 0;
  let hits = 0;
  for (let line = first; line < last; line += step) {
    lines++;
    let depth = 0;
    // A scanner lid or bed border starts at the very edge of the image; the frame is printed
    // with paper outside it.
    while (depth < maxDepth && pixel(line, depth) < threshold) depth++;
    while (depth < maxDepth) {
      while (depth < maxDepth && pixel(line, depth) >= threshold) depth++;
      const start = depth;
      while (depth < maxDepth && pixel(line, depth) < threshold) depth++;
      const run = depth - start;
      if (run <= specks) continue;
      if (run >= thickness * 0.5 && run <= thickness * 1.8 && depth < maxDepth) hits++;
      break;
    }
  }
  return hits >= lines * 0.5;
}
