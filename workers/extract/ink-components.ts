import { type Edges, type GreyImage, isInk } from "../ocr/grey-image.ts";
import type { BBox } from "../ocr/ocr-result.ts";
import { findRuns, labelComponents } from "../prepare/ink-runs.ts";

/** One connected piece of ink inside a region of the page. */
export interface InkComponent {
  /** In page pixels. */
  bbox: BBox;
  /** Ink pixels. */
  area: number;
  /** Cut by the region's edge: part of something larger than the region shows. */
  touchesBorder: boolean;
  /** Whether the pixel at the centre of its box is ink (a ring is hollow there). */
  filledAtCentre: boolean;
}

/** The connected pieces of ink (8-connected) inside `region`. */
export function inkComponents(ink: GreyImage, region: Edges): InkComponent[] {
  const width = region.right - region.left;
  const height = region.bottom - region.top;
  if (width <= 0 || height <= 0) return [];
  const binary = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (isInk(ink, region.left + x, region.top + y)) binary[y * width + x] = 1;
    }
  }
  const components = labelComponents(findRuns({ ink: binary, width, height }));
  const found: InkComponent[] = [];
  for (let c = 0; c < components.count; c++) {
    const left = components.left[c] as number;
    const top = components.top[c] as number;
    const w = (components.right[c] as number) - left;
    const h = (components.bottom[c] as number) - top;
    found.push({
      bbox: [region.left + left, region.top + top, w, h],
      area: components.area[c] as number,
      touchesBorder: components.touchesBorder[c] === 1,
      filledAtCentre: binary[Math.floor(top + h / 2) * width + Math.floor(left + w / 2)] === 1,
    });
  }
  return found;
}
