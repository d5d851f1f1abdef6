import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { TesseractInputError, toTesseractInput } from "../../workers/ocr/tesseract-input.ts";

/** A 300×200 RGBA page: transparent paper with a grey "ink" block. */
async function transparentPage(): Promise<Buffer> {
  const width = 300;
  const height = 200;
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 80; y < 120; y++) {
    for (let x = 50; x < 250; x++) rgba.set([90, 90, 90, 255], (y * width + x) * 4);
  }
  return sharp(rgba, { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
}

describe("toTesseractInput", () => {
  it("returns an 8-bit grey PNG of the same size with ink black and paper white", async () => {
    const prepared = await toTesseractInput(await transparentPage());
    const meta = await sharp(prepared.png).metadata();
    expect([meta.width, meta.height, meta.channels, meta.depth]).toEqual([300, 200, 1, "uchar"]);
    expect([prepared.width, prepared.height, prepared.pixels.length]).toEqual([
      300,
      200,
      300 * 200,
    ]);
    expect(prepared.pixels[100 * 300 + 150]).toBe(0);
    // Transparent paper must come out white, not black.
    expect(prepared.pixels[10 * 300 + 10]).toBe(255);
  });

  it("stretches a low-contrast scan to the full range", async () => {
    const grey = Buffer.alloc(200 * 100, 230);
    grey.fill(120, 40 * 200, 60 * 200);
    const scan = await sharp(grey, { raw: { width: 200, height: 100, channels: 1 } })
      .jpeg({ quality: 95 })
      .toBuffer();
    const { pixels } = await toTesseractInput(scan);
    expect(Math.min(...pixels)).toBe(0);
    expect(Math.max(...pixels)).toBe(255);
  });

  it("keeps the resolution stated in the file and writes it into the PNG", async () => {
    const scan = await sharp({
      create: { width: 2480, height: 3508, channels: 3, background: "#fff" },
    })
      .withDensity(300)
      .jpeg()
      .toBuffer();
    const prepared = await toTesseractInput(scan);
    expect(prepared.dpi).toBe(300);
    expect((await sharp(prepared.png).metadata()).density).toBe(300);
  });

  it("rejects data that is not an image with TesseractInputError", async () => {
    await expect(toTesseractInput(Buffer.from("not an image"))).rejects.toBeInstanceOf(
      TesseractInputError,
    );
  });
});
