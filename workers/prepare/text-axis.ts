import { bridgeGaps, findRuns, labelComponents, type Runs } from "./ink-runs.ts";
import { type BinaryImage, transpose } from "./raster.ts";

/**
 * Larger marks are ruled lines (a grid is one large mark) or pictures, and are left out of
 * the measure; characters up to ~28 pt are smaller.
 */
const LARGEST_CHARACTER_MM = 10;
/**
 * Gaps bridged when smearing: wider than the space between two characters of a line (~0.1–0.3
 * em, under 1 mm at 10–11 pt), narrower than the space between lines (≥ 0.4 em on forms).
 */
const CHARACTER_GAP_MM = 1;
/**
 * How much longer the smeared runs must be one way than the other to decide without OCR. Text
 * pages measure 1.7–3 to 1 at 100–400 dpi; a wrong call only costs time, since the orientation
 * detector still tries the other two turns when neither of the first two reads well.
 */
const DECISIVE_RATIO = 1.5;

/** Which way the text lines run on the (deskewed) page, if the page says so clearly. */
export type TextAxis = "rows" | "columns" | "unclear";

/**
 * Stage 4a, a projection-style pre-check that needs no OCR: keeping only character-sized marks,
 * smear them together along rows and, separately, along columns. Where text lines run along
 * rows, row smearing joins each line into one long run while column smearing stops at every
 * line gap, and the other way round for a page lying sideways. Compares the length-weighted
 * mean run length both ways.
 */
export function textAxis(image: BinaryImage, dpi: number): TextAxis {
  const pxPerMm = dpi / 25.4;
  const characters = characterRuns(image, LARGEST_CHARACTER_MM * pxPerMm);
  const gap = Math.max(1, Math.round(CHARACTER_GAP_MM * pxPerMm));
  const alongRows = smearedLength(characters, gap);
  const alongColumns = smearedLength(findRuns(transpose(paint(characters))), gap);
  if (alongRows >= DECISIVE_RATIO * alongColumns) return "rows";
  if (alongColumns >= DECISIVE_RATIO * alongRows) return "columns";
  return "unclear";
}

function characterRuns(image: BinaryImage, largest: number): Runs {
  const runs = findRuns(image);
  const { ofRun, left, right, top, bottom } = labelComponents(runs);
  const start = new Int32Array(runs.count);
  const end = new Int32Array(runs.count);
  const rowStart = new Int32Array(runs.height + 1);
  let count = 0;
  for (let y = 0; y < runs.height; y++) {
    rowStart[y] = count;
    for (let run = runs.rowStart[y] as number; run < (runs.rowStart[y + 1] as number); run++) {
      const c = ofRun[run] as number;
      const width = (right[c] as number) - (left[c] as number);
      const height = (bottom[c] as number) - (top[c] as number);
      if (width > largest || height > largest) continue;
      start[count] = runs.start[run] as number;
      end[count] = runs.end[run] as number;
      count++;
    }
  }
  rowStart[runs.height] = count;
  return { width: runs.width, height: runs.height, count, rowStart, start, end };
}

function paint(runs: Runs): BinaryImage {
  const ink = new Uint8Array(runs.width * runs.height);
  for (let y = 0; y < runs.height; y++) {
    for (let run = runs.rowStart[y] as number; run < (runs.rowStart[y + 1] as number); run++) {
      ink.fill(
        1,
        y * runs.width + (runs.start[run] as number),
        y * runs.width + (runs.end[run] as number),
      );
    }
  }
  return { ink, width: runs.width, height: runs.height };
}

/** Σ length² / Σ length of the runs after bridging character gaps. */
function smearedLength(runs: Runs, gap: number): number {
  const smeared = bridgeGaps(runs, gap);
  let sum = 0;
  let squares = 0;
  for (let run = 0; run < smeared.count; run++) {
    const length = (smeared.end[run] as number) - (smeared.start[run] as number);
    sum += length;
    squares += length * length;
  }
  return sum === 0 ? 0 : squares / sum;
}
