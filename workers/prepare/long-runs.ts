import { type Runs, RunsBuilder } from "./ink-runs.ts";
import type { BinaryImage } from "./raster.ts";

/**
 * Runs of ink along rows at least `minLength` long once gaps of up to `maxGap` pixels are
 * bridged: a morphological closing and opening with thin horizontal kernels, done on run
 * lengths in one pass.
 */
export function longRowRuns(image: BinaryImage, maxGap: number, minLength: number): Runs {
  const { ink, width, height } = image;
  const runs = new RunsBuilder(width, height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let start = -1;
    let last = -1;
    for (let x = 0; x < width; x++) {
      if (ink[row + x] === 0) continue;
      if (start >= 0 && x - last - 1 > maxGap) {
        if (last + 1 - start >= minLength) runs.add(y, start, last + 1);
        start = x;
      } else if (start < 0) {
        start = x;
      }
      last = x;
    }
    if (start >= 0 && last + 1 - start >= minLength) runs.add(y, start, last + 1);
  }
  return runs.build();
}

/**
 * The same along columns, returned as runs of the transposed image (run "rows" are columns).
 * Scanned row by row with one open run per column, which keeps memory access sequential where
 * transposing an A4 page first would cost more than the search itself.
 */
export function longColumnRuns(image: BinaryImage, maxGap: number, minLength: number): Runs {
  const { ink, width, height } = image;
  const start = new Int32Array(width).fill(-1);
  const last = new Int32Array(width).fill(-1);
  const found: number[] = [];
  const close = (x: number) => {
    const s = start[x] as number;
    const end = (last[x] as number) + 1;
    if (s >= 0 && end - s >= minLength) found.push(x, s, end);
  };
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (ink[row + x] === 0) continue;
      if ((start[x] as number) < 0) start[x] = y;
      else if (y - (last[x] as number) - 1 > maxGap) {
        close(x);
        start[x] = y;
      }
      last[x] = y;
    }
  }
  for (let x = 0; x < width; x++) close(x);
  // Grouped by column, each column's runs in order, as Runs wants them.
  const order = Array.from({ length: found.length / 3 }, (_, i) => i).sort(
    (a, b) =>
      (found[a * 3] as number) - (found[b * 3] as number) ||
      (found[a * 3 + 1] as number) - (found[b * 3 + 1] as number),
  );
  const runs = new RunsBuilder(height, width);
  for (const i of order)
    runs.add(found[i * 3] as number, found[i * 3 + 1] as number, found[i * 3 + 2] as number);
  return runs.build();
}
