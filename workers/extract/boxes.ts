import type { BBox } from "../ocr/ocr-result.ts";

/** Box arithmetic on [x, y, w, h] in page pixels. */

export function right(box: BBox): number {
  return box[0] + box[2];
}

export function bottom(box: BBox): number {
  return box[1] + box[3];
}

export function centreX(box: BBox): number {
  return box[0] + box[2] / 2;
}

export function centreY(box: BBox): number {
  return box[1] + box[3] / 2;
}

/** The smallest whole-pixel box around `boxes` (glyph boxes split from words are fractional). */
export function unionBoxes(boxes: readonly BBox[]): BBox | null {
  if (boxes.length === 0) return null;
  const x0 = Math.floor(Math.min(...boxes.map((box) => box[0])));
  const y0 = Math.floor(Math.min(...boxes.map((box) => box[1])));
  const x1 = Math.ceil(Math.max(...boxes.map(right)));
  const y1 = Math.ceil(Math.max(...boxes.map(bottom)));
  return [x0, y0, x1 - x0, y1 - y0];
}

/** Length of the overlap of two intervals, 0 when they are apart. */
function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/** Share of the shorter box's height that the two boxes share: 1 when one spans the other. */
export function verticalOverlapShare(a: BBox, b: BBox): number {
  const shared = overlap(a[1], bottom(a), b[1], bottom(b));
  return shared / Math.max(1, Math.min(a[3], b[3]));
}

export function horizontalOverlapShare(a: BBox, b: BBox): number {
  const shared = overlap(a[0], right(a), b[0], right(b));
  return shared / Math.max(1, Math.min(a[2], b[2]));
}

export function containsPoint(box: BBox, x: number, y: number): boolean {
  return x >= box[0] && x < right(box) && y >= box[1] && y < bottom(box);
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
