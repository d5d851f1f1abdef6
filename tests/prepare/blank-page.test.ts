import { describe, expect, it } from "vitest";
import { isBlankPage } from "../../workers/prepare/blank-page.ts";
import type { GreyImage } from "../../workers/prepare/raster.ts";
import { blankInk, fillInk } from "./synthetic.ts";

const DPI = 100;

/** The grey page behind a binarised one: ink at `inkLevel`, paper white. */
function greyOf(ink: Uint8Array, width: number, height: number, inkLevel: number): GreyImage {
  return { pixels: ink.map((value) => (value ? inkLevel : 255)), width, height };
}

describe("isBlankPage", () => {
  it("calls a page with only specks, a hair and scanner shadow at the edge blank", () => {
    const image = blankInk(830, 1170);
    for (let i = 0; i < 40; i++) fillInk(image, 20 + i * 19, 30 + i * 27, 2, 2);
    fillInk(image, 400, 500, 1, 80); // a hair
    fillInk(image, 0, 0, 830, 12); // the lid's shadow along the top edge
    expect(isBlankPage(image, greyOf(image.ink, 830, 1170, 30), DPI)).toBe(true);
  });

  it("does not call three character-sized marks blank", () => {
    const image = blankInk(830, 1170);
    for (const x of [300, 330, 360]) fillInk(image, x, 100, 20, 20);
    expect(isBlankPage(image, greyOf(image.ink, 830, 1170, 30), DPI)).toBe(false);
  });

  it("calls text that binarised from faint show-through blank", () => {
    const image = blankInk(830, 1170);
    for (let i = 0; i < 20; i++) fillInk(image, 100 + i * 30, 100, 20, 20);
    expect(isBlankPage(image, greyOf(image.ink, 830, 1170, 190), DPI)).toBe(true);
  });
});
