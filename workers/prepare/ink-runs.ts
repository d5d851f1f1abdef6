import type { BinaryImage } from "./raster.ts";

/** Horizontal runs of equal pixels, row by row; runs of row y are `rowStart[y]` to `rowStart[y + 1]`. */
export interface Runs {
  width: number;
  height: number;
  count: number;
  rowStart: Int32Array;
  /** First pixel of each run. */
  start: Int32Array;
  /** One past the last pixel. */
  end: Int32Array;
}

/** Collects runs row by row; rows must be added in order. */
export class RunsBuilder {
  #start = new Int32Array(1024);
  #end = new Int32Array(1024);
  #count = 0;
  readonly #rowStart: Int32Array;
  #row = 0;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.#rowStart = new Int32Array(height + 1);
  }

  add(y: number, start: number, end: number): void {
    while (this.#row < y) this.#rowStart[++this.#row] = this.#count;
    if (this.#count === this.#start.length) {
      const start = new Int32Array(this.#count * 2);
      const end = new Int32Array(this.#count * 2);
      start.set(this.#start);
      end.set(this.#end);
      this.#start = start;
      this.#end = end;
    }
    this.#start[this.#count] = start;
    this.#end[this.#count] = end;
    this.#count++;
  }

  build(): Runs {
    while (this.#row < this.height) this.#rowStart[++this.#row] = this.#count;
    return {
      width: this.width,
      height: this.height,
      count: this.#count,
      rowStart: this.#rowStart,
      start: this.#start,
      end: this.#end,
    };
  }
}

/** Runs of pixels equal to `value` (1: ink, 0: paper). */
export function findRuns(image: BinaryImage, value: 0 | 1 = 1): Runs {
  const { ink, width, height } = image;
  const runs = new RunsBuilder(width, height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let x = 0;
    while (x < width) {
      while (x < width && ink[row + x] !== value) x++;
      if (x === width) break;
      const start = x;
      while (x < width && ink[row + x] === value) x++;
      runs.add(y, start, x);
    }
  }
  return runs.build();
}

/** Connected components of runs, with their pixel count and bounding box (right and bottom exclusive). */
export interface Components {
  count: number;
  /** Component of each run. */
  ofRun: Int32Array;
  area: Float64Array;
  left: Int32Array;
  top: Int32Array;
  right: Int32Array;
  bottom: Int32Array;
  touchesBorder: Uint8Array;
}

/**
 * Union-find over runs rather than pixels: a page has a few hundred thousand runs against
 * millions of pixels. With 8-connectivity runs touching diagonally join; with 4 they must overlap.
 */
export function labelComponents(runs: Runs, connectivity: 4 | 8 = 8): Components {
  const { rowStart, start, end, count, height, width } = runs;
  const parent = new Int32Array(count);
  for (let i = 0; i < count; i++) parent[i] = i;
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[i] !== root) {
      const next = parent[i] as number;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  const reach = connectivity === 8 ? 1 : 0;
  for (let y = 1; y < height; y++) {
    let above = rowStart[y - 1] as number;
    const aboveEnd = rowStart[y] as number;
    const rowEnd = rowStart[y + 1] as number;
    for (let run = aboveEnd; run < rowEnd; run++) {
      const from = (start[run] as number) - reach;
      const to = (end[run] as number) + reach;
      while (above < aboveEnd && (end[above] as number) <= from) above++;
      for (let other = above; other < aboveEnd && (start[other] as number) < to; other++) {
        const a = find(run);
        const b = find(other);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }
  const ofRun = new Int32Array(count);
  const label = new Int32Array(count).fill(-1);
  let components = 0;
  for (let run = 0; run < count; run++) {
    const root = find(run);
    if (label[root] === -1) label[root] = components++;
    ofRun[run] = label[root] as number;
  }
  const area = new Float64Array(components);
  const left = new Int32Array(components).fill(width);
  const top = new Int32Array(components).fill(height);
  const right = new Int32Array(components);
  const bottom = new Int32Array(components);
  const touchesBorder = new Uint8Array(components);
  for (let y = 0; y < height; y++) {
    for (let run = rowStart[y] as number; run < (rowStart[y + 1] as number); run++) {
      const c = ofRun[run] as number;
      const s = start[run] as number;
      const e = end[run] as number;
      area[c] = (area[c] as number) + e - s;
      if (s < (left[c] as number)) left[c] = s;
      if (e > (right[c] as number)) right[c] = e;
      if (y < (top[c] as number)) top[c] = y;
      if (y + 1 > (bottom[c] as number)) bottom[c] = y + 1;
      if (s === 0 || e === width || y === 0 || y === height - 1) touchesBorder[c] = 1;
    }
  }
  return { count: components, ofRun, area, left, top, right, bottom, touchesBorder };
}

/** The same runs with gaps of at most `maxGap` pixels inside a row bridged. */
export function bridgeGaps(runs: Runs, maxGap: number): Runs {
  const bridged = new RunsBuilder(runs.width, runs.height);
  for (let y = 0; y < runs.height; y++) {
    const first = runs.rowStart[y] as number;
    const last = runs.rowStart[y + 1] as number;
    if (first === last) continue;
    let start = runs.start[first] as number;
    let end = runs.end[first] as number;
    for (let run = first + 1; run < last; run++) {
      if ((runs.start[run] as number) - end <= maxGap) {
        end = runs.end[run] as number;
        continue;
      }
      bridged.add(y, start, end);
      start = runs.start[run] as number;
      end = runs.end[run] as number;
    }
    bridged.add(y, start, end);
  }
  return bridged.build();
}
