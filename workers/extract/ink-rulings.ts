import { type Edges, type GreyImage, isInk } from "../ocr/grey-image.ts";

/**
 * A line of pixels inked over this share of the region's span is a ruled line: text never
 * inks a whole row of a table cell, nor a whole column of a heading row.
 */
const RULING_COVER = 0.9;

/** Centres of the vertical ruled lines crossing the whole height of `region`, left to right. */
export function verticalRulings(ink: GreyImage, region: Edges): number[] {
  const positions: number[] = [];
  for (let x = region.left; x < region.right; x++) {
    let inked = 0;
    for (let y = region.top; y < region.bottom; y++) if (isInk(ink, x, y)) inked++;
    if (inked >= RULING_COVER * (region.bottom - region.top)) positions.push(x);
  }
  return centresOfRuns(positions);
}

/** Centres of the horizontal ruled lines crossing the whole width of `region`, top to bottom. */
export function horizontalRulings(ink: GreyImage, region: Edges): number[] {
  const positions: number[] = [];
  for (let y = region.top; y < region.bottom; y++) {
    let inked = 0;
    for (let x = region.left; x < region.right; x++) if (isInk(ink, x, y)) inked++;
    if (inked >= RULING_COVER * (region.right - region.left)) positions.push(y);
  }
  return centresOfRuns(positions);
}

/** A ruled line is a few pixels thick: each run of neighbouring positions is one line. */
function centresOfRuns(positions: readonly number[]): number[] {
  const centres: number[] = [];
  let start: number | undefined;
  positions.forEach((position, index) => {
    start ??= position;
    const next = positions[index + 1];
    if (next === undefined || next > position + 1) {
      centres.push((start + position) / 2);
      start = undefined;
    }
  });
  return centres;
}
