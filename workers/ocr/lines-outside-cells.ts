import { centreInside } from "./centre-inside.ts";
import type { BBox, OcrLine } from "./ocr-result.ts";

/** Room around a line's ink when it is cut out, as a share of its height: no neighbour's ink. */
const LINE_MARGIN = 0.2;

/** Boxes of the whole-page lines' words that lie outside every ruled cell, one per line. */
export function linesOutsideCells(
  lines: readonly OcrLine[],
  cells: readonly BBox[],
  page: { width: number; height: number },
): BBox[] {
  const inCell = (box: BBox) => cells.some((cell) => centreInside(box, cell));
  return lines.flatMap((line) => {
    const boxes = line.words.map((word) => word.bbox).filter((box) => !inCell(box));
    if (boxes.length === 0) return [];
    const x0 = Math.min(...boxes.map((b) => b[0]));
    const y0 = Math.min(...boxes.map((b) => b[1]));
    const x1 = Math.max(...boxes.map((b) => b[0] + b[2]));
    const y1 = Math.max(...boxes.map((b) => b[1] + b[3]));
    const margin = Math.round(LINE_MARGIN * (y1 - y0));
    const left = Math.max(0, x0 - margin);
    const top = Math.max(0, y0 - margin);
    return [
      [
        left,
        top,
        Math.min(page.width, x1 + margin) - left,
        Math.min(page.height, y1 + margin) - top,
      ] as BBox,
    ];
  });
}
