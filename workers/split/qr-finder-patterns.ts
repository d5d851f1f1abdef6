import type { GreyImage } from "./grey-image.ts";

/** The centre of a QR finder pattern (the 7×7-module "eye" in three corners of the code). */
export interface FinderPattern {
  x: number;
  y: number;
  /** Size of one module, in pixels. */
  module: number;
  /** How many scanned rows crossed it: one stray match is noise. */
  rows: number;
}

/**
 * Finds QR finder patterns of modules between `minModule` and `maxModule` pixels: runs of ink,
 * paper, ink, paper, ink in the ratio 1:1:3:1:1 along a row, confirmed down the column through
 * their middle. This is the cheap question asked of every page ("is there a QR code of a
 * separator sheet's size at all?"): one pass over rows half a module apart, nothing allocated
 * per pixel. The ratio survives a few degrees of skew and a half turn.
 */
export function findFinderPatterns(
  image: GreyImage,
  threshold: number,
  size: { minModule: number; maxModule: number },
): FinderPattern[] {
  const { pixels, width, height } = image;
  const found: FinderPattern[] = [];
  const runs = new Int32Array(width + 1);
  const rowStep = Math.max(1, Math.floor(size.minModule / 2));
  for (let y = 0; y < height; y += rowStep) {
    const row = y * width;
    // Run lengths along the row; runs[0] is paper, so even indices are paper and odd ones ink.
    let count = 0;
    let dark = false;
    let length = 0;
    for (let x = 0; x < width; x++) {
      const isDark = (pixels[row + x] as number) < threshold;
      if (isDark === dark) {
        length++;
      } else {
        runs[count++] = length;
        dark = isDark;
        length = 1;
      }
    }
    runs[count++] = length;

    // Only windows starting on ink (odd i) can be a pattern; `start` is where run i begins.
    let start = runs[0] as number;
    for (let i = 1; i + 4 < count; i += 2) {
      const module = finderModule(runs, i, size);
      if (module !== null) {
        const x =
          start + (runs[i] as number) + (runs[i + 1] as number) + (runs[i + 2] as number) / 2;
        const vertical = crossCheckColumn(image, threshold, Math.floor(x), y, module);
        if (vertical) {
          remember(found, { x, y: vertical.y, module: (module + vertical.module) / 2, rows: 1 });
        }
      }
      start += (runs[i] as number) + (runs[i + 1] as number);
    }
  }
  return found.filter((pattern) => pattern.rows >= 2);
}

/** The module size when the five runs from `i` are a finder pattern of an allowed size. */
function finderModule(
  runs: Int32Array,
  i: number,
  size: { minModule: number; maxModule: number },
): number | null {
  const run = (k: number) => runs[i + k] as number;
  const module = (run(0) + run(1) + run(2) + run(3) + run(4)) / 7;
  if (module < size.minModule || module > size.maxModule) return null;
  return finderRatio(run(0), run(1), run(2), run(3), run(4), module) ? module : null;
}

function finderRatio(a: number, b: number, c: number, d: number, e: number, module: number) {
  const one = (run: number) => Math.abs(run - module) < module * 0.7;
  return one(a) && one(b) && Math.abs(c - 3 * module) < module * 1.5 && one(d) && one(e);
}

/**
 * Walks up and down the column from the row's match and checks the same 1:1:3:1:1 pattern,
 * about as large as across: a row that merely cuts through lines of text fails here.
 */
function crossCheckColumn(
  { pixels, width, height }: GreyImage,
  threshold: number,
  x: number,
  y: number,
  module: number,
): { y: number; module: number } | null {
  const dark = (row: number) => (pixels[row * width + x] as number) < threshold;
  const limit = Math.ceil(module * 5);
  const walk = (step: 1 | -1): [number, number, number] | null => {
    // From the centre outwards: ink of the centre square, paper ring, ink ring.
    const lengths: number[] = [];
    let row = y;
    for (let part = 0; part < 3; part++) {
      const wantDark = part !== 1;
      let length = 0;
      while (row >= 0 && row < height && dark(row) === wantDark) {
        if (++length > limit) return null;
        row += step;
      }
      if (length === 0) return null;
      lengths.push(length);
    }
    return lengths as [number, number, number];
  };
  if (!dark(y)) return null;
  const up = walk(-1);
  const down = walk(1);
  if (!up || !down) return null;
  const centre = up[0] + down[0] - 1;
  const total = centre + up[1] + up[2] + down[1] + down[2];
  const vertical = total / 7;
  if (Math.abs(vertical - module) > module * 0.4) return null;
  if (!finderRatio(up[2], up[1], centre, down[1], down[2], vertical)) return null;
  return { y: y - up[0] + 1 + centre / 2, module: vertical };
}

/** Several rows cross one pattern: they count as one, with the number of rows seen. */
function remember(found: FinderPattern[], pattern: FinderPattern): void {
  for (const known of found) {
    if (
      Math.abs(known.x - pattern.x) < known.module * 2 &&
      Math.abs(known.y - pattern.y) < known.module * 2
    ) {
      known.rows++;
      return;
    }
  }
  found.push(pattern);
}
