import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputFileError } from "../../ingest/input-file-error.ts";
import { splitFile } from "../../workers/split/split-file.ts";
import {
  collect,
  makeTempDir,
  pointStripsPastEnd,
  scanJpeg,
  scanPixels,
  type TempDir,
} from "./fixtures.ts";

const maxPixels = 100_000_000;

let dir: TempDir;

beforeAll(async () => {
  dir = await makeTempDir();
});

afterAll(() => dir.remove());

describe("splitFile on image files", () => {
  it("turns a 3-page LZW TIFF into 3 lossless PNG pages", async () => {
    const [width, height] = [240, 340];
    const originals = [1, 2, 3].map((seed) => scanPixels(width, height, seed));
    const pages = await Promise.all(
      originals.map((pixels) =>
        sharp(pixels, { raw: { width, height, channels: 1 } })
          .png()
          .toBuffer(),
      ),
    );
    const tiff = await sharp(pages, { join: { animated: true } })
      .toColourspace("b-w")
      .tiff({ compression: "lzw" })
      .toBuffer();
    const path = await dir.write("case.tif", tiff);

    const split = await collect(splitFile(path, { mediaType: "image/tiff", maxPixels }));

    expect(
      split.map(({ pageNumber, format, width, height, method }) => ({
        pageNumber,
        format,
        width,
        height,
        method,
      })),
    ).toEqual(
      [1, 2, 3].map((pageNumber) => ({
        pageNumber,
        format: "png",
        width,
        height,
        method: "decoded-image",
      })),
    );
    for (const [index, page] of split.entries()) {
      expect((await sharp(page.data).metadata()).channels).toBe(1);
      const pixels = await sharp(page.data).toColourspace("b-w").raw().toBuffer();
      expect(pixels.equals(originals[index] as Buffer)).toBe(true);
    }
  });

  it("yields the good pages of a TIFF, then refuses the damaged one by number", async () => {
    const page = (seed: number) =>
      sharp(scanPixels(200, 300, seed), { raw: { width: 200, height: 300, channels: 1 } })
        .png()
        .toBuffer();
    const tiff = await sharp(await Promise.all([page(1), page(2)]), { join: { animated: true } })
      .toColourspace("b-w")
      .tiff()
      .toBuffer();
    const path = await dir.write("damaged.tif", pointStripsPastEnd(tiff, 1));

    const pages = splitFile(path, { mediaType: "image/tiff", maxPixels });

    expect((await pages.next()).value).toMatchObject({ pageNumber: 1, width: 200, height: 300 });
    const error = await pages.next().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InputFileError);
    expect(error).toMatchObject({ code: "image_damaged" });
    expect((error as InputFileError).message).toContain("2ページ目");
  });

  it("passes a JPEG on untouched, with its stored dimensions", async () => {
    const jpeg = await scanJpeg(300, 200, 4);
    const path = await dir.write("photo.jpeg", jpeg);

    const [page] = await collect(splitFile(path, { mediaType: "image/jpeg", maxPixels }));

    expect(page).toMatchObject({ pageNumber: 1, format: "jpeg", width: 300, height: 200 });
    expect(page?.method).toBe("embedded-image");
    expect(page?.data.equals(jpeg)).toBe(true);
  });

  it("passes a PNG named .jpg on untouched as PNG", async () => {
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    const path = await dir.write("scan.jpg", png);

    const [page] = await collect(splitFile(path, { mediaType: "image/png", maxPixels }));

    expect(page).toMatchObject({ format: "png", width: 64, height: 48, method: "embedded-image" });
    expect(page?.data.equals(png)).toBe(true);
  });
});
