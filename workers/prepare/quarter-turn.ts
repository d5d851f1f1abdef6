import type { BBox } from "../ocr/ocr-result.ts";
import type { Rulings, Segment } from "./rulings.ts";

/** Clockwise quarter turns, in degrees. */
export type QuarterTurn = 0 | 90 | 180 | 270;

export function addTurns(a: QuarterTurn, b: QuarterTurn): QuarterTurn {
  return ((a + b) % 360) as QuarterTurn;
}

/** Size of a width×height image after the turn. */
export function turnedSize(width: number, height: number, turn: QuarterTurn) {
  return turn === 90 || turn === 270 ? { width: height, height: width } : { width, height };
}

/** Where a point (continuous pixel coordinates) of a width×height image lands after the turn. */
export function turnPoint(
  x: number,
  y: number,
  turn: QuarterTurn,
  width: number,
  height: number,
): [number, number] {
  switch (turn) {
    case 0:
      return [x, y];
    case 90:
      return [height - y, x];
    case 180:
      return [width - x, height - y];
    case 270:
      return [y, width - x];
  }
}

export function turnBox(
  [x, y, w, h]: BBox,
  turn: QuarterTurn,
  width: number,
  height: number,
): BBox {
  const [ax, ay] = turnPoint(x, y, turn, width, height);
  const [bx, by] = turnPoint(x + w, y + h, turn, width, height);
  return [Math.min(ax, bx), Math.min(ay, by), Math.abs(bx - ax), Math.abs(by - ay)];
}

/** Ruled lines after the turn: a quarter turn makes horizontal lines vertical and back. */
export function turnRulings(
  rulings: Rulings,
  turn: QuarterTurn,
  width: number,
  height: number,
): Rulings {
  const move = (s: Segment): Segment => {
    const [ax, ay] = turnPoint(s.x1, s.y1, turn, width, height);
    const [bx, by] = turnPoint(s.x2, s.y2, turn, width, height);
    // Keep the left or top end first.
    const swap = ax + ay > bx + by;
    return swap
      ? { x1: bx, y1: by, x2: ax, y2: ay, thickness: s.thickness }
      : { x1: ax, y1: ay, x2: bx, y2: by, thickness: s.thickness };
  };
  const horizontal = rulings.horizontal.map(move);
  const vertical = rulings.vertical.map(move);
  return turn === 90 || turn === 270
    ? { horizontal: vertical, vertical: horizontal }
    : { horizontal, vertical };
}
