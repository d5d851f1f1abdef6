import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { binarise } from "../../workers/prepare/binarise.ts";
import { decodeScan } from "../../workers/prepare/decode-scan.ts";
import { despeckle } from "../../workers/prepare/despeckle.ts";
import { normaliseBackground } from "../../workers/prepare/normalise-background.ts";
import { createRandom } from "../generator/random.ts";
import { blankInk, countInk, fillInk, greyPage, inkAt } from "./synthetic.ts";

const DPI = 200;
const SIZE = 600;

/**
 * Paper darkening from 235 at the left to 180 at the right (yellowed, unevenly lit), with grain,
 * ink strokes at 40 and a faint shadow of text from the other side at 15 % contrast.
 */
function yellowedScan() {
  const random = createRandom(5);
  const isStroke = (x: number, y: number) =>
    (y >= 100 && y < 106 && x >= 50 && x < 550) || (x >= 300 && x < 306 && y >= 200 && y < 400);
  const isShowThrough = (x: number, y: number) => y >= 480 && y < 486 && x >= 50 && x < 550;
  return greyPage(SIZE, SIZE, (x, y) => {
    const paper = 235 - (55 * x) / SIZE;
    const level = isStroke(x, y) ? 40 : isShowThrough(x, y) ? paper * 0.85 : paper;
    return level + random.gaussian() * 4;
  });
}

describe("decodeScan", () => {
  it("reads a 1-bit PNG as 8-bit grey with its resolution", async () => {
    const pixels = new Uint8Array(2480 * 100).fill(255);
    pixels.fill(0, 50 * 2480, 51 * 2480);
    const png = await sharp(pixels, { raw: { width: 2480, height: 100, channels: 1 } })
      .png({ palette: true, colours: 2 })
      .withDensity(300)
      .toBuffer();
    // IHDR bit depth: a two-colour palette is written with 1 bit per pixel.
    expect(png[24]).toBe(1);
    const { grey, dpi } = await decodeScan(png);
    expect(dpi).toBe(300);
    expect([grey.width, grey.height, grey.pixels.length]).toEqual([2480, 100, 2480 * 100]);
    expect([grey.pixels[50 * 2480 + 7], grey.pixels[7]]).toEqual([0, 255]);
  });

  it("rejects what is not an image", async () => {
    await expect(decodeScan(Buffer.from("not an image"))).rejects.toThrow(/could not decode/);
  });
});

describe("normaliseBackground", () => {
  it("brings uneven yellowed paper to white and keeps ink dark", () => {
    const { pixels, width } = normaliseBackground(yellowedScan(), DPI);
    for (const x of [20, 250, 580]) {
      expect(pixels[300 * width + x]).toBeGreaterThanOrEqual(235);
    }
    expect(pixels[103 * width + 500]).toBeLessThan(70);
    expect(pixels[300 * width + 303]).toBeLessThan(70);
  });
});

describe("binarise", () => {
  it("gives white paper and black strokes on yellowed paper, and leaves show-through white", () => {
    const ink = binarise(normaliseBackground(yellowedScan(), DPI), DPI);
    expect(inkAt(ink, 300, 103)).toBe(true);
    expect(inkAt(ink, 303, 300)).toBe(true);
    // Paper, grain and show-through: no ink at all away from the strokes.
    let stray = 0;
    for (let y = 0; y < SIZE; y++) {
      for (let x = 0; x < SIZE; x++) {
        const nearStroke = (y >= 96 && y < 110) || (x >= 296 && x < 310 && y >= 196 && y < 404);
        if (!nearStroke && inkAt(ink, x, y)) stray++;
      }
    }
    expect(stray).toBe(0);
  });

  it("keeps the inside of a wide solid mark and a faint but real stroke", () => {
    const grey = greyPage(400, 400, (x, y) => {
      if (x >= 100 && x < 160 && y >= 100 && y < 160) return 20;
      if (y >= 300 && y < 304 && x >= 50 && x < 350) return 150;
      return 250;
    });
    const ink = binarise(grey, DPI);
    expect(inkAt(ink, 130, 130)).toBe(true);
    expect(inkAt(ink, 200, 301)).toBe(true);
  });
});

describe("despeckle", () => {
  it("erases dust but keeps dakuten-sized dots", () => {
    const image = blankInk(200, 200);
    fillInk(image, 10, 10, 2, 2); // dust, 0.03 mm² at 300 dpi
    fillInk(image, 50, 50, 1, 1);
    fillInk(image, 100, 100, 4, 4); // a dot of a dakuten, 0.1 mm²
    fillInk(image, 150, 20, 3, 40); // a stroke
    despeckle(image, 300);
    expect(inkAt(image, 10, 10)).toBe(false);
    expect(inkAt(image, 50, 50)).toBe(false);
    expect(inkAt(image, 101, 101)).toBe(true);
    expect(countInk(image)).toBe(16 + 120);
  });
});
