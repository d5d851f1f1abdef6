import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { circledInOrder } from "../../workers/extract/circled-words.ts";
import type { GreyImage } from "../../workers/ocr/grey-image.ts";

async function fixture(name: string): Promise<GreyImage> {
  const file = path.join(import.meta.dirname, "fixtures", name);
  const { data, info } = await sharp(file).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { pixels: new Uint8Array(data), width: info.width, height: info.height, inkLevel: 128 };
}

describe("circled words read in printed order", () => {
  it("reads (有) 無 on a binarised scan, whose loop binarisation broke up", async () => {
    // The left of the cell of 情報共有の同意 on a generated 1-bit TIFF (seed 12). OCR read the
    // loop and 有 as の and 無 as 、; its line runs from y 69 to 129. Without the loop's pieces
    // the line's ink is only 無's top strokes, too thin to hold 有.
    const ink = await fixture("circled-yes-binarised.png");
    const band = { top: 69, bottom: 129.5, left: 2, right: 303, em: 60.5 };
    expect(circledInOrder(ink, band, 2)).toEqual([1, 0]);
  });

  it("reads (有) 無 whose loop the area searched cuts, left of OCR's only word", async () => {
    // 情報共有の同意 on a generated page (seed 12): OCR read 無 as 舞 and nothing of the circled
    // 有, so the area searched starts 2 em left of 舞, inside the loop (y 60 to 90 is 舞's line).
    const ink = await fixture("circled-yes-cut.png");
    const band = { top: 60, bottom: 90, left: 105, right: 253, em: 30 };
    expect(circledInOrder(ink, band, 2)).toEqual([1, 0]);
  });
});
