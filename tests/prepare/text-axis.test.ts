import { describe, expect, it } from "vitest";
import { binarise } from "../../workers/prepare/binarise.ts";
import { decodeScan } from "../../workers/prepare/decode-scan.ts";
import { normaliseBackground } from "../../workers/prepare/normalise-background.ts";
import { transpose } from "../../workers/prepare/raster.ts";
import { shrinkDarkest } from "../../workers/prepare/shrink.ts";
import { textAxis } from "../../workers/prepare/text-axis.ts";
import { blankInk, fillInk } from "./synthetic.ts";
import { ruledForm, type TestPage, textPage } from "./test-pages.ts";

const DPI = 100;

/** As preparePage makes its analysis image: a 200 dpi page shrunk to 100 dpi, then binarised. */
async function binarised(page: TestPage) {
  const { grey } = await decodeScan(page.png);
  return binarise(shrinkDarkest(normaliseBackground(grey, page.dpi), 2), DPI);
}

describe("textAxis", () => {
  it.each([
    ["running text", textPage],
    ["a ruled form", ruledForm],
  ])("sees the lines of %s run along rows, and along columns once turned", async (_, make) => {
    const ink = await binarised(make(200));
    expect(textAxis(ink, DPI)).toBe("rows");
    expect(textAxis(transpose(ink), DPI)).toBe("columns");
  });

  it("will not decide on a page without text lines", () => {
    const image = blankInk(830, 1170);
    for (let y = 100; y < 1000; y += 60) {
      for (let x = 100; x < 700; x += 60) fillInk(image, x, y, 15, 15);
    }
    expect(textAxis(image, DPI)).toBe("unclear");
  });
});
