import type { BBox } from "../ocr/ocr-result.ts";
import { findRuns, labelComponents } from "./ink-runs.ts";
import type { BinaryImage } from "./raster.ts";
import type { Rulings } from "./rulings.ts";
import { visitSpans } from "./segment-spans.ts";

/** Lines are drawn this much longer at both ends, closing corners a worn print left open. */
const CORNER_GAP_MM = 0.8;
/** Narrower or lower than this is the space between a double rule, not a cell. */
const SMALLEST_CELL_MM = 2;
/** A region enclosed by lines but far from rectangular is the space around a table, not a cell. */
const LEAST_FILL = 0.8;
/** Cells whose tops are this close are one row of the reading order. */
const SAME_ROW_MM = 1.5;

/**
 * Stage 6b: cells are the regions of paper that the ruled lines enclose, found by redrawing the
 * lines as a mask and labelling what lies between them, so merged cells (a label spanning two
 * rows, a text box across the page) come out as one cell without any grid model. Each box is
 * the cell's inner area, inside its lines; cells are listed in reading order.
 */
export function findCells(rulings: Rulings, width: number, height: number, dpi: number): BBox[] {
  if (rulings.horizontal.length === 0 || rulings.vertical.length === 0) return [];
  const pxPerMm = dpi / 25.4;
  const mask: BinaryImage = { ink: new Uint8Array(width * height), width, height };
  const extend = CORNER_GAP_MM * pxPerMm;
  // Half a pixel wider than the measured thickness, so a line's grey fringe stays out of cells.
  for (const segment of rulings.horizontal) {
    visitSpans(segment, false, mask, extend, 0.5, (x, top, bottom) => {
      for (let y = top; y < bottom; y++) mask.ink[y * width + x] = 1;
    });
  }
  for (const segment of rulings.vertical) {
    visitSpans(segment, true, mask, extend, 0.5, (y, left, right) => {
      mask.ink.fill(1, y * width + left, y * width + right);
    });
  }
  const regions = labelComponents(findRuns(mask, 0), 4);
  const smallest = SMALLEST_CELL_MM * pxPerMm;
  const cells: BBox[] = [];
  for (let c = 0; c < regions.count; c++) {
    if (regions.touchesBorder[c]) continue;
    const x = regions.left[c] as number;
    const y = regions.top[c] as number;
    const w = (regions.right[c] as number) - x;
    const h = (regions.bottom[c] as number) - y;
    if (w < smallest || h < smallest || (regions.area[c] as number) < LEAST_FILL * w * h) continue;
    cells.push([x, y, w, h]);
  }
  return readingOrder(cells, dpi);
}

/** Rows top to bottom, by the cells' top edges; left to right within a row. */
export function readingOrder(cells: readonly BBox[], dpi: number): BBox[] {
  const sameRow = (SAME_ROW_MM * dpi) / 25.4;
  const byTop = [...cells].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const rows: BBox[][] = [];
  for (const cell of byTop) {
    const row = rows.at(-1);
    if (row && cell[1] - (row[0] as BBox)[1] <= sameRow) row.push(cell);
    else rows.push([cell]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a[0] - b[0]));
}
