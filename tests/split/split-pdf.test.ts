import { deflateSync } from "node:zlib";
import { createCanvas } from "@napi-rs/canvas";
import {
  beginText,
  degrees,
  endText,
  moveText,
  PDFDocument,
  rgb,
  StandardFonts,
  setFontAndSize,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
} from "pdf-lib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageImage } from "../../workers/split/page-image.ts";
import { splitFile } from "../../workers/split/split-file.ts";
import {
  A4,
  collect,
  flateGrey,
  flateImagePdf,
  japaneseTextPdf,
  makeTempDir,
  pngUpFiltered,
  scanJpeg,
  scannedJpegPdf,
  scanPixels,
  type TempDir,
} from "./fixtures.ts";

const pdf = { mediaType: "application/pdf", maxPixels: 100_000_000 } as const;

let dir: TempDir;

beforeAll(async () => {
  dir = await makeTempDir();
});

afterAll(() => dir.remove());

/** The page's pixels, after checking it is stored as a one-channel (grey) PNG. */
async function greyPixels(page: PageImage): Promise<Buffer> {
  expect((await sharp(page.data).metadata()).channels).toBe(1);
  return sharp(page.data).toColourspace("b-w").raw().toBuffer();
}

describe("splitFile on a scanned PDF", () => {
  it("copies each page's JPEG out byte for byte", async () => {
    const jpegs = await Promise.all([1, 2, 3].map((seed) => scanJpeg(620, 877, seed)));
    const path = await dir.write("相談 記録 ２０２３.pdf", await scannedJpegPdf(jpegs));

    const pages = await collect(splitFile(path, pdf));

    expect(pages.map((page) => page.pageNumber)).toEqual([1, 2, 3]);
    pages.forEach((page, index) => {
      expect(page).toMatchObject({
        format: "jpeg",
        width: 620,
        height: 877,
        method: "embedded-image",
      });
      expect(page.data.equals(jpegs[index] as Buffer)).toBe(true);
    });
  });

  it("turns a Flate grey image into a PNG with the same pixels", async () => {
    const pixels = scanPixels(300, 424, 5);
    const path = await dir.write("flate.pdf", await flateImagePdf([flateGrey(300, 424, pixels)]));

    const [page] = await collect(splitFile(path, pdf));

    expect(page).toMatchObject({ format: "png", width: 300, height: 424, method: "decoded-image" });
    expect((await greyPixels(page as PageImage)).equals(pixels)).toBe(true);
  });

  it("undoes PNG predictors (/Predictor 12)", async () => {
    const pixels = scanPixels(200, 283, 6);
    const image = {
      width: 200,
      height: 283,
      compressed: deflateSync(pngUpFiltered(pixels, 200)),
      decodeParms: { Predictor: 12, Colors: 1, BitsPerComponent: 8, Columns: 200 },
    };
    const path = await dir.write("predictor.pdf", await flateImagePdf([image]));

    const [page] = await collect(splitFile(path, pdf));

    expect(page?.method).toBe("decoded-image");
    expect((await greyPixels(page as PageImage)).equals(pixels)).toBe(true);
  });

  it("expands a 1-bit Flate image to black and white", async () => {
    // 16×2, 8 pixels a byte, and in 1-bit DeviceGray 0 is black: 0xF0 0x0F is four white,
    // eight black, four white; the second row is all black.
    const packed = Buffer.from([0xf0, 0x0f, 0x00, 0x00]);
    const image = {
      width: 16,
      height: 2,
      compressed: deflateSync(packed),
      bitsPerComponent: 1 as const,
    };
    const path = await dir.write("bilevel.pdf", await flateImagePdf([image]));

    const [page] = await collect(splitFile(path, pdf));

    const expected = Buffer.from([
      ...[255, 255, 255, 255, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 255, 255],
      ...new Array(16).fill(0),
    ]);
    expect((await greyPixels(page as PageImage)).equals(expected)).toBe(true);
  });

  it("still copies the JPEG when an earlier OCR left an invisible text layer on the page", async () => {
    const jpeg = await scanJpeg(620, 877, 10);
    const document = await PDFDocument.load(await scannedJpegPdf([jpeg]));
    const page = document.getPage(0);
    const font = await document.embedFont(StandardFonts.Helvetica);
    const fontName = page.node.newFontDictionary(font.name, font.ref);
    page.pushOperators(
      beginText(),
      setFontAndSize(fontName, 12),
      setTextRenderingMode(TextRenderingMode.Invisible),
      moveText(72, 700),
      showText(font.encodeText("Case record 2023")),
      endText(),
    );
    const path = await dir.write("ocr-layer.pdf", await document.save());

    const [extracted] = await collect(splitFile(path, pdf));

    expect(extracted?.method).toBe("embedded-image");
    expect(extracted?.data.equals(jpeg)).toBe(true);
  });

  it("renders a page made of two images", async () => {
    const document = await PDFDocument.create();
    const page = document.addPage([A4.width, A4.height]);
    for (const [seed, y] of [
      [1, 0],
      [2, A4.height / 2],
    ] as const) {
      const image = await document.embedJpg(await scanJpeg(310, 219, seed));
      page.drawImage(image, { x: 0, y, width: A4.width, height: A4.height / 2 });
    }
    const path = await dir.write("two-images.pdf", await document.save());

    const [rendered] = await collect(splitFile(path, { ...pdf, renderDpi: 72 }));

    expect(rendered).toMatchObject({ method: "rendered", width: A4.width, height: A4.height });
  });

  it("renders, rather than lifts the scan from under, a black box drawn over it", async () => {
    const jpeg = await scanJpeg(620, 877, 7);
    const document = await PDFDocument.load(await scannedJpegPdf([jpeg]));
    // A redaction: hides what is written at the top of the form.
    document
      .getPage(0)
      .drawRectangle({ x: 50, y: 700, width: 300, height: 60, color: rgb(0, 0, 0) });
    const path = await dir.write("redacted.pdf", await document.save());

    const [page] = await collect(splitFile(path, { ...pdf, renderDpi: 72 }));

    expect(page).toMatchObject({
      method: "rendered",
      format: "png",
      width: A4.width,
      height: A4.height,
    });
    const { data, info } = await sharp(page?.data).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => data[(y * info.width + x) * info.channels] as number;
    expect(at(200, A4.height - 730)).toBeLessThan(10);
  });

  it("renders a page with /Rotate, so it comes out upright", async () => {
    const jpeg = await scanJpeg(620, 877, 8);
    const document = await PDFDocument.load(await scannedJpegPdf([jpeg]));
    document.getPage(0).setRotation(degrees(90));
    const path = await dir.write("rotated.pdf", await document.save());

    const [page] = await collect(splitFile(path, { ...pdf, renderDpi: 72 }));

    expect(page).toMatchObject({ method: "rendered", width: A4.height, height: A4.width });
  });

  it("renders Japanese vector text at renderDpi, dark where the text is", async () => {
    const text = "相談記録";
    const { pdf: bytes, box, draw } = japaneseTextPdf(text);
    expect(bytes.includes("/CIDFontType2")).toBe(true); // really vector text in an embedded CJK font
    const path = await dir.write("typed.pdf", bytes);
    const renderDpi = 150;
    const scale = renderDpi / 72;

    const [page] = await collect(splitFile(path, { ...pdf, renderDpi }));

    const width = Math.round(A4.width * scale);
    const height = Math.round(A4.height * scale);
    expect(page).toMatchObject({ pageNumber: 1, method: "rendered", format: "png", width, height });
    const rendered = await sharp(page?.data).greyscale().raw().toBuffer();

    // The same text drawn by @napi-rs/canvas straight onto pixels is the reference: the
    // rendering must put ink where those glyphs are, and nowhere else.
    const reference = createCanvas(width, height);
    const context = reference.getContext("2d");
    context.fillStyle = "#fff";
    context.fillRect(0, 0, width, height);
    context.scale(scale, scale);
    draw(context);
    const expected = await sharp(reference.toBuffer("image/png")).greyscale().raw().toBuffer();

    let both = 0;
    let either = 0;
    let outside = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = y * width + x;
        const ink = (rendered[i] as number) < 128;
        const inkExpected = (expected[i] as number) < 128;
        if (ink && inkExpected) both++;
        if (ink || inkExpected) either++;
        const inBox =
          x >= box.left * scale &&
          x < box.right * scale &&
          y >= box.top * scale &&
          y < box.bottom * scale;
        if (ink && !inBox) outside++;
      }
    }
    expect(both).toBeGreaterThan(1000);
    // Glyph edges anti-alias a little differently (overlap about 0.87 here); the same words in
    // another Japanese font (Noto Sans CJK) overlap only about 0.67, boxes or blanks far less.
    expect(both / either).toBeGreaterThan(0.75);
    expect(outside).toBe(0);
  });
});

describe("splitFile reads a long PDF page by page", () => {
  it("yields page 1 before it has touched page 60", async () => {
    // Pages 1–59 are fine; page 60's image data is garbage, which is only found out when that
    // page is extracted. A generator that read ahead would fail on the very first next().
    const pixels = scanPixels(120, 170, 1);
    const images = Array.from({ length: 60 }, () => flateGrey(120, 170, pixels));
    images[59] = { width: 120, height: 170, compressed: Buffer.from("not zlib data at all") };
    const path = await dir.write("long.pdf", await flateImagePdf(images));

    const pages = splitFile(path, pdf);
    const first = await pages.next();
    expect(first.value).toMatchObject({ pageNumber: 1, method: "decoded-image" });

    let seen = 1;
    const rest = (async () => {
      for await (const page of pages) seen = page.pageNumber;
    })();
    await expect(rest).rejects.toMatchObject({ code: "pdf_damaged" });
    expect(seen).toBe(59);
  });
});
