import type { BBox } from "./ocr-result.ts";

/**
 * Whether `box`'s centre lies in `area` (half-open: a centre on the far edge belongs to the next
 * area). How a word or a region of ink is given to the ruled cell it sits in.
 */
export function centreInside([x, y, w, h]: BBox, [ax, ay, aw, ah]: BBox): boolean {
  const midX = x + w / 2;
  const midY = y + h / 2;
  return midX >= ax && midX < ax + aw && midY >= ay && midY < ay + ah;
}
