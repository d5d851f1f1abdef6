import { type BlockGrid, blockMeans } from "./block-means.ts";
import type { GreyImage } from "./raster.ts";

/** Background cells of about 1 mm: finer than any paper tone change, coarser than a stroke. */
const CELL_MM = 1;
/**
 * The brightest cell within this distance is taken for paper. Wider than the largest printed
 * character and than half a shaded label cell, so neither is mistaken for paper (shading stays
 * an even grey for reviewers); far narrower than the fading of old paper.
 */
const PAPER_REACH_MM = 15;
/** No background darker than this: a black scanner border must not be brightened into paper. */
const DARKEST_PAPER = 96;
/** Share of pixels taken as the darkest ink when stretching contrast. */
const BLACK_SHARE = 0.001;
/**
 * The black point never rises above this share of the paper, so faint marks (show-through from
 * the back of the sheet, grain) on a page with no real ink are not stretched into ink.
 */
const HIGHEST_BLACK = 0.25;

/**
 * Stage 1: divide every pixel by the local paper tone, so yellowed, unevenly lit or grey paper
 * becomes white and ink keeps its contrast against it; then stretch the darkest ink to black.
 * The paper tone is the brightest 1 mm cell nearby (blurred), measured on cell means so scanner
 * grain does not lift it.
 */
export function normaliseBackground(grey: GreyImage, dpi: number): GreyImage {
  const { width, height } = grey;
  const cell = Math.max(2, Math.round((CELL_MM * dpi) / 25.4));
  const reach = Math.max(1, Math.round(PAPER_REACH_MM / CELL_MM));
  const paper = smooth(brightestNearby(blockMeans(grey, cell), reach), reach);
  const gains = paperGains(paper);
  const pixels = applyGains(grey, gains, cell, blackPoint(grey, gains, cell));
  return { pixels, width, height };
}

/** Separable (2·reach+1)² window: max for the paper, mean to soften its cell edges. */
function brightestNearby(grid: BlockGrid, reach: number): BlockGrid {
  return slide(slide(grid, reach, true, "max"), reach, false, "max");
}

function smooth(grid: BlockGrid, reach: number): BlockGrid {
  return slide(slide(grid, reach, true, "mean"), reach, false, "mean");
}

/** The cell grid is a few hundred cells a side, so the plain window loop costs nothing. */
function slide(
  { values, columns, rows }: BlockGrid,
  reach: number,
  alongRows: boolean,
  kind: "max" | "mean",
): BlockGrid {
  const out = new Float32Array(values.length);
  const length = alongRows ? columns : rows;
  const lines = alongRows ? rows : columns;
  const step = alongRows ? 1 : columns;
  for (let line = 0; line < lines; line++) {
    const base = alongRows ? line * columns : line;
    for (let i = 0; i < length; i++) {
      const from = Math.max(0, i - reach);
      const to = Math.min(length - 1, i + reach);
      let max = 0;
      let sum = 0;
      for (let j = from; j <= to; j++) {
        const value = values[base + j * step] as number;
        if (value > max) max = value;
        sum += value;
      }
      out[base + i * step] = kind === "max" ? max : sum / (to - from + 1);
    }
  }
  return { values: out, columns, rows };
}

/** 255 / paper tone per cell: what brings that cell's paper to white. */
function paperGains({ values, columns, rows }: BlockGrid): BlockGrid {
  const gains = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    gains[i] = 255 / Math.max(DARKEST_PAPER, values[i] as number);
  }
  return { values: gains, columns, rows };
}

/** Level of the darkest ink after division, from every fourth row with each cell's own gain. */
function blackPoint({ pixels, width, height }: GreyImage, gains: BlockGrid, cell: number): number {
  const histogram = new Uint32Array(256);
  let sampled = 0;
  for (let y = 0; y < height; y += 4) {
    const row = ((y / cell) | 0) * gains.columns;
    const offset = y * width;
    for (let c = 0; c < gains.columns; c++) {
      const gain = gains.values[row + c] as number;
      const end = offset + Math.min(width, (c + 1) * cell);
      for (let i = offset + c * cell; i < end; i++) {
        const level = Math.min(255, ((pixels[i] as number) * gain) | 0);
        histogram[level] = (histogram[level] as number) + 1;
      }
    }
    sampled += width;
  }
  const highest = Math.round(255 * HIGHEST_BLACK);
  let black = 0;
  for (let darker = histogram[0] as number; black < highest; ) {
    if (darker >= BLACK_SHARE * sampled) break;
    black++;
    darker += histogram[black] as number;
  }
  return black;
}

/**
 * out = (pixel · gain − black) · 255 / (255 − black), the gain interpolated bilinearly between
 * cell centres. Along a row the gain changes linearly between two centres, so it is stepped by
 * addition rather than recomputed per pixel (in 16.16 fixed point).
 */
function applyGains(
  { pixels, width, height }: GreyImage,
  gains: BlockGrid,
  cell: number,
  black: number,
): Uint8Array {
  const out = new Uint8Array(width * height);
  const { values, columns, rows } = gains;
  const stretch = 255 / (255 - black);
  const offsetLevel = Math.round(black * stretch * ONE) | 0;
  const rowGains = new Float64Array(columns);
  const firstCentre = Math.min(width, Math.round(cell / 2));
  for (let y = 0; y < height; y++) {
    const position = Math.min(Math.max((y + 0.5) / cell - 0.5, 0), rows - 1);
    const r = Math.floor(position);
    const next = Math.min(r + 1, rows - 1);
    const weight = position - r;
    for (let c = 0; c < columns; c++) {
      const top = values[r * columns + c] as number;
      const bottom = values[next * columns + c] as number;
      rowGains[c] = (top + (bottom - top) * weight) * stretch * ONE;
    }
    const offset = y * width;
    // Left of the first and right of the last cell centre the gain is held constant.
    const first = rowGains[0] as number;
    gainSpan(pixels, out, offset, 0, firstCentre, first, 0, offsetLevel);
    let x = firstCentre;
    for (let c = 0; c < columns - 1; c++) {
      const end = Math.min(width, Math.round((c + 1.5) * cell));
      const from = rowGains[c] as number;
      const step = ((rowGains[c + 1] as number) - from) / cell;
      gainSpan(
        pixels,
        out,
        offset,
        x,
        end,
        from + step * (x + 0.5 - (c + 0.5) * cell),
        step,
        offsetLevel,
      );
      x = Math.max(x, end);
    }
    gainSpan(pixels, out, offset, x, width, rowGains[columns - 1] as number, 0, offsetLevel);
  }
  return out;
}

const ONE = 65536;

/** Pixels [from, to) of the row at `offset`, the gain starting at `gain` and changing by `step` per pixel (both × ONE). */
function gainSpan(
  pixels: Uint8Array,
  out: Uint8Array,
  offset: number,
  from: number,
  to: number,
  gain: number,
  step: number,
  offsetLevel: number,
): void {
  let g = Math.round(gain) | 0;
  const s = Math.round(step) | 0;
  for (let i = offset + from; i < offset + to; i++) {
    const level = ((pixels[i] as number) * g - offsetLevel) >> 16;
    out[i] = level < 0 ? 0 : Math.min(level, 255);
    g = (g + s) | 0;
  }
}
