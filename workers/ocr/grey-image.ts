import type { BBox } from "./ocr-result.ts";

/** 8-bit grey pixels, one byte per pixel, row by row. */
export interface GreyImage {
  pixels: Uint8Array;
  width: number;
  height: number;
  /** Grey level below which a pixel counts as ink. */
  inkLevel: number;
}

/** Exclusive right and bottom edges, easier to move than [x, y, w, h]. */
export interface Edges {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function isInk(image: GreyImage, x: number, y: number): boolean {
  return (image.pixels[y * image.width + x] ?? 255) < image.inkLevel;
}

export function toEdges([x, y, w, h]: BBox, image: GreyImage): Edges {
  return {
    left: Math.max(0, Math.floor(x)),
    top: Math.max(0, Math.floor(y)),
    right: Math.min(image.width, Math.ceil(x + w)),
    bottom: Math.min(image.height, Math.ceil(y + h)),
  };
}

export function toBBox({ left, top, right, bottom }: Edges): BBox {
  return [left, top, right - left, bottom - top];
}

export function inkShare(box: Edges, image: GreyImage): number {
  const area = (box.right - box.left) * (box.bottom - box.top);
  if (area <= 0) return 0;
  let ink = 0;
  for (let y = box.top; y < box.bottom; y++) {
    for (let x = box.left; x < box.right; x++) if (isInk(image, x, y)) ink++;
  }
  return ink / area;
}

/** A column with no ink between `top` and `bottom`. */
export function isBlankColumn(image: GreyImage, x: number, top: number, bottom: number): boolean {
  for (let y = top; y < bottom; y++) if (isInk(image, x, y)) return false;
  return true;
}

/** A run of neighbouring columns (or rows) that hold ink, [start, end), with its ink pixels. */
export interface InkRun {
  start: number;
  end: number;
  pixels: number;
}

/** The runs of columns, or rows, of `area` that hold ink, in order. */
export function inkRuns(image: GreyImage, area: Edges, lines: "columns" | "rows"): InkRun[] {
  const [from, to] = lines === "columns" ? [area.left, area.right] : [area.top, area.bottom];
  const [acrossFrom, acrossTo] =
    lines === "columns" ? [area.top, area.bottom] : [area.left, area.right];
  const runs: InkRun[] = [];
  let current: InkRun | undefined;
  for (let at = from; at < to; at++) {
    let pixels = 0;
    for (let across = acrossFrom; across < acrossTo; across++) {
      if (lines === "columns" ? isInk(image, at, across) : isInk(image, across, at)) pixels++;
    }
    if (pixels === 0) {
      current = undefined;
      continue;
    }
    if (!current) {
      current = { start: at, end: at, pixels: 0 };
      runs.push(current);
    }
    current.end = at + 1;
    current.pixels += pixels;
  }
  return runs;
}

/** The smallest box holding all ink inside `box`; undefined when it holds none. */
export function shrinkToInk(box: Edges, image: GreyImage): Edges | undefined {
  let left = box.right;
  let right = box.left;
  let top = box.bottom;
  let bottom = box.top;
  for (let y = box.top; y < box.bottom; y++) {
    for (let x = box.left; x < box.right; x++) {
      if (!isInk(image, x, y)) continue;
      left = Math.min(left, x);
      right = Math.max(right, x + 1);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y + 1);
    }
  }
  return left < right ? { left, top, right, bottom } : undefined;
}
