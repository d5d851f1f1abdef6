import { describe, expect, it } from "vitest";
import type { BBox } from "../../workers/ocr/ocr-result.ts";
import {
  type QuarterTurn,
  turnBox,
  turnedSize,
  turnPoint,
  turnRulings,
} from "../../workers/prepare/quarter-turn.ts";
import { rawGrey, toGreyImage } from "../../workers/prepare/raster.ts";
import { turnAndDeskew } from "../../workers/prepare/rotate-page.ts";
import { greyPage } from "./synthetic.ts";

const TURNS: QuarterTurn[] = [0, 90, 180, 270];
const page = greyPage(40, 30, (x, y) => (x * 7 + y * 13) % 256);

describe("turnAndDeskew", () => {
  it.each(TURNS)("turns %i° exactly as sharp does", async (turn) => {
    const ours = turnAndDeskew(page, turn, 0);
    const theirs = await toGreyImage(rawGrey(page).rotate(turn));
    expect([ours.width, ours.height]).toEqual([theirs.width, theirs.height]);
    expect(Buffer.from(ours.pixels).equals(Buffer.from(theirs.pixels))).toBe(true);
  });

  it("undoes a skew: a line turned clockwise comes back level, on white", async () => {
    const width = 400;
    const height = 300;
    const level = greyPage(width, height, (_, y) => (y >= 149 && y < 151 ? 0 : 255));
    const skewed = await toGreyImage(
      rawGrey(level)
        .rotate(2, { background: "#ffffff" })
        .extract({ left: 0, top: 0, width, height }),
    );
    // Sharp grows the canvas when it turns; our turn keeps the page size and centre, so compare
    // the straightened line's rows rather than positions.
    const straight = turnAndDeskew(skewed, 0, 2);
    const darkRows = (x: number) => {
      const rows: number[] = [];
      for (let y = 0; y < height; y++)
        if ((straight.pixels[y * width + x] as number) < 128) rows.push(y);
      return rows;
    };
    expect(darkRows(60)).toEqual(darkRows(340));
    expect(straight.pixels[0]).toBe(255);
  });
});

describe("quarter turns of coordinates", () => {
  it.each(TURNS)("move a box as the pixels move (%i°)", (turn) => {
    const box: BBox = [3, 5, 7, 4];
    const marked = greyPage(40, 30, (x, y) => (x >= 3 && x < 10 && y >= 5 && y < 9 ? 0 : 255));
    const turned = turnAndDeskew(marked, turn, 0);
    const [x, y, w, h] = turnBox(box, turn, 40, 30);
    let inside = 0;
    for (let row = y; row < y + h; row++) {
      for (let column = x; column < x + w; column++) {
        if (turned.pixels[row * turned.width + column] === 0) inside++;
      }
    }
    expect(inside).toBe(7 * 4);
    expect(turnedSize(40, 30, turn)).toEqual({ width: turned.width, height: turned.height });
  });

  it("keep segments left-to-right and top-to-bottom, and swap them on a quarter turn", () => {
    const rulings = {
      horizontal: [{ x1: 10, y1: 5, x2: 30, y2: 6, thickness: 2 }],
      vertical: [{ x1: 4, y1: 2, x2: 4, y2: 25, thickness: 1 }],
    };
    expect(turnRulings(rulings, 180, 40, 30)).toEqual({
      horizontal: [{ x1: 10, y1: 24, x2: 30, y2: 25, thickness: 2 }],
      vertical: [{ x1: 36, y1: 5, x2: 36, y2: 28, thickness: 1 }],
    });
    const sideways = turnRulings(rulings, 90, 40, 30);
    expect(sideways.vertical).toEqual([{ x1: 25, y1: 10, x2: 24, y2: 30, thickness: 2 }]);
    expect(sideways.horizontal).toEqual([{ x1: 5, y1: 4, x2: 28, y2: 4, thickness: 1 }]);
    expect(turnPoint(0, 0, 270, 40, 30)).toEqual([0, 40]);
  });
});
