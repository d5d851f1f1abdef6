import { findRuns, labelComponents } from "./ink-runs.ts";
import type { BinaryImage } from "./raster.ts";

/**
 * Dust and sensor specks are a few pixels; the smallest marks that carry meaning (the strokes
 * of a dakuten, 、 and 。 at 8 pt) cover well over 0.1 mm².
 */
const LARGEST_SPECK_MM2 = 0.06;

/** Stage 2b, in place: erases ink components no larger than a speck. */
export function despeckle(image: BinaryImage, dpi: number): void {
  const pxPerMm = dpi / 25.4;
  const largest = Math.max(1, Math.floor(LARGEST_SPECK_MM2 * pxPerMm * pxPerMm));
  const runs = findRuns(image);
  const { ofRun, area } = labelComponents(runs);
  for (let y = 0; y < runs.height; y++) {
    const offset = y * runs.width;
    for (let run = runs.rowStart[y] as number; run < (runs.rowStart[y + 1] as number); run++) {
      if ((area[ofRun[run] as number] as number) > largest) continue;
      image.ink.fill(0, offset + (runs.start[run] as number), offset + (runs.end[run] as number));
    }
  }
}
