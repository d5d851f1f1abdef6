import { describe, expect, it } from "vitest";
import type { BBox } from "../../workers/ocr/ocr-result.ts";
import { findCells, readingOrder } from "../../workers/prepare/cells.ts";
import { removeRulings } from "../../workers/prepare/remove-rulings.ts";
import { findRulings } from "../../workers/prepare/rulings.ts";
import { blankInk, drawLine, fillInk } from "./synthetic.ts";

const DPI = 200;
const THICK = 3;

/**
 * At 200 dpi (~7.9 px/mm): a grid 1000 px wide with a label column spanning two rows on the
 * left, a row split in two, a heading across and a tall text box; plus a title stroke outside.
 *   y=100 ┌──────┬──────────┬────────┐
 *         │ A    │ B        │ C      │   x = 100, 300, 700, 1100
 *   y=180 ├──────┼──────────┴────────┤
 *         │ D    │ E                 │
 *   y=260 │      ├───────────────────┤
 *         │      │ F                 │
 *   y=340 ├──────┴───────────────────┤
 *         │ G                        │
 *   y=400 ├──────────────────────────┤
 *         │ H                        │
 *   y=600 └──────────────────────────┘
 */
function grid() {
  const image = blankInk(1200, 700);
  const h = (x1: number, x2: number, y: number) => drawLine(image, x1, y, x2, y, THICK);
  const v = (x: number, y1: number, y2: number) => drawLine(image, x, y1, x, y2, THICK);
  h(100, 1100, 100);
  h(100, 1100, 180);
  h(300, 1100, 260);
  h(100, 1100, 340);
  h(100, 1100, 400);
  h(100, 1100, 600);
  v(100, 100, 600);
  v(1100, 100, 600);
  v(300, 100, 340);
  v(700, 100, 180);
  // A 40 px stroke of a large character, away from the grid.
  fillInk(image, 500, 30, 3, 40);
  return image;
}

/** Inner area between lines at the given centre coordinates. */
function inner(left: number, top: number, right: number, bottom: number): BBox {
  const half = Math.ceil(THICK / 2);
  return [left + half, top + half, right - left - 2 * half, bottom - top - 2 * half];
}

describe("findRulings", () => {
  it("finds every ruled line as one segment and ignores character strokes", () => {
    const rulings = findRulings(grid(), DPI);
    // A 3 px line drawn at y covers rows y − 1 … y + 1: its centre is y + 0.5.
    const ys = rulings.horizontal.map((s) => (s.y1 + s.y2) / 2 - 0.5);
    expect(ys.map(Math.round)).toEqual([100, 180, 260, 340, 400, 600]);
    const xs = rulings.vertical.map((s) => (s.x1 + s.x2) / 2 - 0.5);
    expect(xs.map(Math.round).sort((a, b) => a - b)).toEqual([100, 300, 700, 1100]);
    const top = rulings.horizontal[0];
    expect(top?.x1).toBeCloseTo(99, -1);
    expect(top?.x2).toBeCloseTo(1101, -1);
    expect(top?.thickness).toBeCloseTo(THICK, 0);
  });

  it("follows a line that drifts a few pixels across the page", () => {
    const image = blankInk(1200, 300);
    drawLine(image, 100, 100, 1100, 104, 2);
    const [line] = findRulings(image, DPI).horizontal;
    // 2 px thick: rows y − 1 and y, centre y.
    expect(line?.y1).toBeCloseTo(100, 0);
    expect(line?.y2).toBeCloseTo(104, 0);
  });

  it("bridges small breaks in a worn line", () => {
    const image = blankInk(1200, 300);
    // 2 px breaks every 200 px: 0.25 mm at 200 dpi.
    for (let x = 100; x < 1100; x++) if (x % 200 > 1) fillInk(image, x, 100, 1, 2);
    const [line, ...others] = findRulings(image, DPI).horizontal;
    expect(others).toEqual([]);
    expect([line?.x1, line?.x2]).toEqual([100, 1100]);
  });
});

describe("findCells", () => {
  it("returns each enclosed cell, merged ones whole, in reading order", () => {
    const image = grid();
    const cells = findCells(findRulings(image, DPI), image.width, image.height, DPI);
    const expected = [
      inner(100, 100, 300, 180),
      inner(300, 100, 700, 180),
      inner(700, 100, 1100, 180),
      inner(100, 180, 300, 340),
      inner(300, 180, 1100, 260),
      inner(300, 260, 1100, 340),
      inner(100, 340, 1100, 400),
      inner(100, 400, 1100, 600),
    ];
    expect(cells).toHaveLength(expected.length);
    cells.forEach((cell, index) => {
      cell.forEach((value, i) => {
        expect(Math.abs(value - ((expected[index] as BBox)[i] as number))).toBeLessThanOrEqual(2);
      });
    });
  });

  it("closes a corner the print left open", () => {
    const image = blankInk(800, 500);
    drawLine(image, 100, 100, 700, 100, 2);
    drawLine(image, 100, 400, 700, 400, 2);
    drawLine(image, 100, 100, 100, 400, 2);
    // The right edge stops 4 px short of the bottom line.
    drawLine(image, 700, 100, 700, 395, 2);
    expect(findCells(findRulings(image, DPI), 800, 500, DPI)).toHaveLength(1);
  });
});

describe("readingOrder", () => {
  it("reads rows top to bottom and cells left to right, tolerating ragged tops", () => {
    const cells: BBox[] = [
      [500, 102, 10, 10],
      [100, 300, 10, 10],
      [100, 100, 10, 10],
      [300, 99, 10, 10],
    ];
    expect(readingOrder(cells, DPI)).toEqual([
      [100, 100, 10, 10],
      [300, 99, 10, 10],
      [500, 102, 10, 10],
      [100, 300, 10, 10],
    ]);
  });
});

describe("removeRulings", () => {
  it("erases the lines, crossings included, and keeps text that touches or crosses them", () => {
    const image = grid();
    // A character sitting on the line at y = 180, and a stroke written across it.
    fillInk(image, 400, 160, 30, 19);
    fillInk(image, 800, 150, 4, 60);
    const out = removeRulings(image, findRulings(image, DPI));
    const dark = (x: number, y: number) => out.pixels[y * out.width + x] === 0;
    expect(dark(200, 100)).toBe(false);
    expect(dark(100, 300)).toBe(false);
    expect(dark(300, 180)).toBe(false); // a crossing
    expect(dark(100, 100)).toBe(false); // a corner
    // The stroke keeps its pixels on the line, so it stays one piece.
    for (let y = 150; y < 210; y++) expect(dark(801, y)).toBe(true);
    // The character keeps everything above the line.
    for (let y = 160; y < 178; y++) expect(dark(410, y)).toBe(true);
    expect(dark(501, 50)).toBe(true);
  });
});
