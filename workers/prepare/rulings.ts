import { labelComponents, type Runs } from "./ink-runs.ts";
import { longColumnRuns, longRowRuns } from "./long-runs.ts";
import type { BinaryImage } from "./raster.ts";

/**
 * A ruled line's centre line, from its left (horizontal) or top (vertical) end to the other, in
 * continuous pixel coordinates (pixel column x covers x..x+1).
 */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  thickness: number;
}

export interface Rulings {
  horizontal: Segment[];
  vertical: Segment[];
}

/** Shortest ruling: the divider of a single row of a grid (rows are ≥ 6 mm). */
const SHORTEST_MM = 4;
/**
 * Longer than any stroke of type up to ~30 pt. Shorter segments count only where both ends meet
 * the grid, which the long strokes of a large title never do.
 */
const ALONE_MM = 12;
/** Breaks left in a line by binarisation or a worn print. */
const BRIDGED_GAP_MM = 0.2;
/** Thicker than this is a filled area or a scanner's black border, not a ruled line. */
const THICKEST_MM = 1.5;
/** How near a short segment's end must come to a crossing ruling to be part of the grid. */
const MEET_MM = 1;

/**
 * Stage 6a: ruled lines as runs far longer than any stroke of a character (a morphological
 * opening with a long thin kernel, done on run lengths), tolerant of small breaks; runs that
 * touch across rows make one segment, its centre line fitted by least squares so a trace of
 * leftover skew does not cut it up.
 */
export function findRulings(image: BinaryImage, dpi: number): Rulings {
  const pxPerMm = dpi / 25.4;
  const gap = Math.max(1, Math.round(BRIDGED_GAP_MM * pxPerMm));
  const shortest = Math.round(SHORTEST_MM * pxPerMm);
  const horizontal = segments(longRowRuns(image, gap, shortest), pxPerMm);
  const vertical = segments(longColumnRuns(image, gap, shortest), pxPerMm).map(flip);
  const alone = ALONE_MM * pxPerMm;
  const meet = MEET_MM * pxPerMm;
  const longVertical = vertical.filter((s) => length(s) >= alone);
  // Flipped, horizontal segments run down the y axis like the vertical ones.
  const longHorizontal = horizontal.filter((s) => length(s) >= alone).map(flip);
  return {
    horizontal: horizontal.filter(
      (s) =>
        length(s) >= alone ||
        (onSegment(s.x1, s.y1, longVertical, meet) && onSegment(s.x2, s.y2, longVertical, meet)),
    ),
    vertical: vertical.filter(
      (s) =>
        length(s) >= alone ||
        (onSegment(s.y1, s.x1, longHorizontal, meet) &&
          onSegment(s.y2, s.x2, longHorizontal, meet)),
    ),
  };
}

/** Long runs touching across rows make one segment along the rows. */
function segments(runs: Runs, pxPerMm: number): Segment[] {
  const components = labelComponents(runs);
  // Per component: pixel count and the sums for a least-squares line y = a + b·x.
  const n = new Float64Array(components.count);
  const sx = new Float64Array(components.count);
  const sy = new Float64Array(components.count);
  const sxx = new Float64Array(components.count);
  const sxy = new Float64Array(components.count);
  for (let y = 0; y < runs.height; y++) {
    const cy = y + 0.5;
    for (let run = runs.rowStart[y] as number; run < (runs.rowStart[y + 1] as number); run++) {
      const c = components.ofRun[run] as number;
      const start = runs.start[run] as number;
      const count = (runs.end[run] as number) - start;
      // Pixel centres start + 0.5 … start + count − 0.5.
      const mean = start + count / 2;
      const runSx = count * mean;
      const runSxx = count * mean * mean + (count * (count * count - 1)) / 12;
      n[c] = (n[c] as number) + count;
      sx[c] = (sx[c] as number) + runSx;
      sy[c] = (sy[c] as number) + count * cy;
      sxx[c] = (sxx[c] as number) + runSxx;
      sxy[c] = (sxy[c] as number) + runSx * cy;
    }
  }
  const segments: Segment[] = [];
  for (let c = 0; c < components.count; c++) {
    const x1 = components.left[c] as number;
    const x2 = components.right[c] as number;
    const thickness = (n[c] as number) / (x2 - x1);
    if (thickness > THICKEST_MM * pxPerMm) continue;
    const count = n[c] as number;
    const denominator = count * (sxx[c] as number) - (sx[c] as number) ** 2;
    const slope =
      denominator > 0
        ? (count * (sxy[c] as number) - (sx[c] as number) * (sy[c] as number)) / denominator
        : 0;
    const intercept = ((sy[c] as number) - slope * (sx[c] as number)) / count;
    segments.push({ x1, y1: intercept + slope * x1, x2, y2: intercept + slope * x2, thickness });
  }
  return segments;
}

function length(s: Segment): number {
  return Math.hypot(s.x2 - s.x1, s.y2 - s.y1);
}

function flip({ x1, y1, x2, y2, thickness }: Segment): Segment {
  return { x1: y1, y1: x1, x2: y2, y2: x2, thickness };
}

/** Whether (x, y) lies within `tolerance` of one of `segments`, each running from top to bottom. */
function onSegment(x: number, y: number, segments: readonly Segment[], tolerance: number) {
  return segments.some((s) => {
    if (y < s.y1 - tolerance || y > s.y2 + tolerance) return false;
    const t = s.y2 === s.y1 ? 0 : (y - s.y1) / (s.y2 - s.y1);
    return Math.abs(s.x1 + (s.x2 - s.x1) * t - x) <= tolerance + s.thickness / 2;
  });
}
