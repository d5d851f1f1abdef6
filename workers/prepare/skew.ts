import type { BinaryImage } from "./raster.ts";

/** Pages are fed at most a few degrees askew; searching wider only invites false peaks. */
const MAX_SKEW_DEGREES = 5;
const COARSE_STEP = 0.2;
const FINE_STEP = 0.02;
/** Enough points for a sharp profile; more only cost time. The coarse search needs fewer. */
const FINE_POINTS = 60_000;
const COARSE_POINTS = 20_000;

/**
 * Stage 5: how far the page is turned clockwise off the pixel grid, in degrees, found as the
 * angle at which ink projects onto the sharpest profile (the largest sum of squared bin counts).
 * Rows and columns are projected together: ruled lines and text lines run along one axis or the
 * other whether the page lies upright or sideways, and a quarter turn does not change the skew.
 * Measured on the analysis image (~100 dpi), where a ruled line spans ~700 bins.
 */
export function estimateSkew(image: BinaryImage): number {
  const many = inkPoints(image, FINE_POINTS);
  const few = inkPoints(image, COARSE_POINTS);
  const coarse = bestAngle(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES, COARSE_STEP, (degrees) =>
    sharpness(few, image, degrees),
  );
  const fine = bestAngle(coarse - COARSE_STEP, coarse + COARSE_STEP, FINE_STEP, (degrees) =>
    sharpness(many, image, degrees),
  );
  // + 0 turns −0 into 0.
  return Math.round(fine * 100) / 100 + 0;
}

interface Points {
  x: Float32Array;
  y: Float32Array;
  count: number;
}

/** Coordinates relative to the page centre, so turning about it keeps bins in range. */
function inkPoints({ ink, width, height }: BinaryImage, most: number): Points {
  let total = 0;
  for (let i = 0; i < ink.length; i++) total += ink[i] as number;
  const every = Math.max(1, Math.ceil(total / most));
  const x = new Float32Array(Math.ceil(total / every));
  const y = new Float32Array(x.length);
  let seen = 0;
  let count = 0;
  for (let row = 0; row < height; row++) {
    for (let column = 0; column < width; column++) {
      if (ink[row * width + column] === 0) continue;
      if (seen++ % every !== 0) continue;
      x[count] = column - width / 2;
      y[count] = row - height / 2;
      count++;
    }
  }
  return { x, y, count };
}

/**
 * A horizontal line turned clockwise by s runs along y = x·tan s, a vertical one along
 * x = −y·tan s: at the right angle both collapse into single bins. Each point is shared between
 * its two nearest bins, so the measure changes smoothly with the angle instead of in steps as
 * points cross bin edges, which left a plateau ±0.1° wide around the true angle.
 */
function sharpness(points: Points, { width, height }: BinaryImage, degrees: number): number {
  const tan = Math.tan((degrees * Math.PI) / 180);
  const margin = Math.ceil((width + height) * Math.abs(tan)) + 2;
  const rows = new Float64Array(height + 2 * margin);
  const columns = new Float64Array(width + 2 * margin);
  for (let i = 0; i < points.count; i++) {
    const x = points.x[i] as number;
    const y = points.y[i] as number;
    const row = y - x * tan + height / 2 + margin;
    const column = x + y * tan + width / 2 + margin;
    const r = Math.floor(row);
    const c = Math.floor(column);
    rows[r] = (rows[r] as number) + 1 - (row - r);
    rows[r + 1] = (rows[r + 1] as number) + row - r;
    columns[c] = (columns[c] as number) + 1 - (column - c);
    columns[c + 1] = (columns[c + 1] as number) + column - c;
  }
  let sum = 0;
  for (const count of rows) sum += count * count;
  for (const count of columns) sum += count * count;
  return sum;
}

/** The best angle of a grid search, refined by a parabola through it and its neighbours. */
function bestAngle(from: number, to: number, step: number, score: (degrees: number) => number) {
  const angles: number[] = [];
  for (let a = from; a <= to + step / 2; a += step) angles.push(a);
  const scores = angles.map(score);
  let best = 0;
  for (let i = 1; i < scores.length; i++)
    if ((scores[i] as number) > (scores[best] as number)) best = i;
  const angle = angles[best] as number;
  if (best === 0 || best === scores.length - 1) return angle;
  const left = scores[best - 1] as number;
  const centre = scores[best] as number;
  const right = scores[best + 1] as number;
  const curvature = left - 2 * centre + right;
  return curvature < 0 ? angle + (step * (left - right)) / (2 * curvature) : angle;
}
