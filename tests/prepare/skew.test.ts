import { describe, expect, it } from "vitest";
import { estimateSkew } from "../../workers/prepare/skew.ts";
import { blankInk, drawLine, fillInk } from "./synthetic.ts";

/** Ruled lines and rows of character blocks at 100 dpi, turned clockwise by `degrees`. */
function skewedPage(degrees: number, ruled: boolean) {
  const image = blankInk(830, 1170);
  const tan = Math.tan((degrees * Math.PI) / 180);
  const cx = 415;
  const cy = 585;
  // Clockwise turn about the centre: y grows with x by tan, x shrinks with y by tan.
  const at = (x: number, y: number): [number, number] => [
    cx + (x - cx) - (y - cy) * tan,
    cy + (y - cy) + (x - cx) * tan,
  ];
  if (ruled) {
    for (let y = 150; y <= 650; y += 50) drawLine(image, ...at(80, y), ...at(750, y), 2);
    for (const x of [80, 300, 750]) drawLine(image, ...at(x, 150), ...at(x, 650), 2);
  }
  for (let line = 0; line < 12; line++) {
    for (let char = 0; char < 30; char++) {
      const [x, y] = at(90 + char * 20, 700 + line * 30);
      fillInk(image, Math.round(x), Math.round(y), 14, 14);
    }
  }
  return image;
}

describe("estimateSkew", () => {
  it.each([0, 0.4, -1.3, 2.5, -2.5, 4.5])("finds %f° on a ruled page within 0.1°", (degrees) => {
    expect(Math.abs(estimateSkew(skewedPage(degrees, true)) - degrees)).toBeLessThanOrEqual(0.1);
  });

  it.each([1.7, -2.5])("finds %f° from text lines alone within 0.2°", (degrees) => {
    expect(Math.abs(estimateSkew(skewedPage(degrees, false)) - degrees)).toBeLessThanOrEqual(0.2);
  });

  it("reports 0 (not −0) for a straight page", () => {
    expect(Object.is(estimateSkew(skewedPage(0, true)), 0)).toBe(true);
  });
});
