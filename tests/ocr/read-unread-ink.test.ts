import fs from "node:fs";
import { createCanvas } from "@napi-rs/canvas";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import type { GreyImage } from "../../workers/ocr/grey-image.ts";
import { joinLineWords } from "../../workers/ocr/japanese-spacing.ts";
import type { BBox, OcrCell } from "../../workers/ocr/ocr-result.ts";
import { readCells } from "../../workers/ocr/read-cells.ts";
import { readRegions, withLostLinesRead } from "../../workers/ocr/read-unread-ink.ts";
import { TesseractPool } from "../../workers/ocr/tesseract-pool.ts";
import { cssFont, formFonts } from "../generator/fonts.ts";

const DPI = 200;
const SIZE = 26;
/** A ruled box under its label, holding a paragraph of two lines. */
const BOX: BBox = [40, 40, 700, 120];
const LINES = ["友人が親身になって支えて", "くれている。"];

function paragraphPage(): GreyImage {
  const width = 800;
  const height = 220;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "white";
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = "black";
  ctx.font = cssFont(formFonts("gothic").filledIn, SIZE);
  LINES.forEach((line, index) => {
    ctx.fillText(line, 60, 80 + index * 44);
  });
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (rgba[i * 4] as number) < 128 ? 0 : 255;
  return { pixels, width, height, inkLevel: 128 };
}

async function fixture(name: string): Promise<GreyImage> {
  const { data, info } = await sharp(fs.readFileSync(new URL(`fixtures/${name}`, import.meta.url)))
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { pixels: data, width: info.width, height: info.height, inkLevel: 128 };
}

const textOf = (cell: OcrCell | undefined) => (cell?.text ?? "").replace(/\s/gu, "");

describe("reading ink a reading left unread", () => {
  const pool = new TesseractPool({ size: 1 });
  afterAll(() => pool.terminate());

  it("reads enlarged a short line tesseract.js reads as nothing at its own size", async () => {
    const image = await fixture("short-line-read-as-nothing.png");
    const whole: BBox = [0, 0, image.width, image.height];
    // Cut from a generated page at 200 dpi (seed 27): the tesseract CLI reads it at 1×.
    const [once] = await readCells(image, [whole], pool, { dpi: DPI });
    expect(once?.words).toEqual([]);
    const [words] = await readRegions(image, [whole], pool, DPI);
    expect(joinLineWords(words ?? [])).toBe("くれている。");
  }, 60_000);

  it("puts back into its cell a paragraph's last line that the cell's reading lost", async () => {
    const page = paragraphPage();
    const [read] = await readCells(page, [BOX], pool, { dpi: DPI });
    expect(textOf(read)).toBe(LINES.join(""));
    const firstLineOnly: OcrCell = {
      ...(read as OcrCell),
      text: LINES[0] as string,
      words: (read as OcrCell).words.filter((word) => word.bbox[1] < 90),
    };
    const [mended] = await withLostLinesRead(page, [firstLineOnly], pool, DPI);
    expect(textOf(mended)).toBe(LINES.join(""));
    // A cell read whole, and a cell read as nothing, are left as they are.
    const empty: OcrCell = { bbox: [745, 40, 50, 50], text: "", confidence: 0, words: [] };
    const [whole, blank] = await withLostLinesRead(page, [read as OcrCell, empty], pool, DPI);
    expect(whole).toBe(read);
    expect(blank).toBe(empty);
  }, 60_000);
});
