import { copyFile } from "node:fs/promises";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputFileError } from "../../ingest/input-file-error.ts";
import { inspectFile } from "../../workers/split/inspect-file.ts";
import {
  encryptWithQpdf,
  headerOnlyPng,
  makeTempDir,
  scanJpeg,
  scannedJpegPdf,
  type TempDir,
} from "./fixtures.ts";

const options = { maxPixels: 100_000_000 };
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

let dir: TempDir;
let scannedPdf: Uint8Array;

beforeAll(async () => {
  dir = await makeTempDir();
  const pages = await Promise.all([1, 2, 3, 4].map((seed) => scanJpeg(620, 877, seed)));
  scannedPdf = await scannedJpegPdf(pages);
});

afterAll(() => dir.remove());

/** Runs inspectFile and returns the InputFileError it throws, failing if it does not. */
async function refusal(path: string): Promise<InputFileError> {
  const error = await inspectFile(path, options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InputFileError);
  const inputError = error as InputFileError;
  // Messages are for the clerk: Japanese, and never quoting the file's name.
  expect(inputError.message).toMatch(JAPANESE);
  expect(inputError.message).not.toContain(".pdf");
  return inputError;
}

describe("inspectFile refuses", () => {
  it("a zero-byte file", async () => {
    const error = await refusal(await dir.write("空.pdf", ""));
    expect(error.code).toBe("empty");
    expect(error.message).toContain("空");
  });

  it("a text file named .pdf, saying it looks like text", async () => {
    const path = await dir.write("相談メモ.pdf", "4月12日 来所。生活保護の相談。\n");
    const error = await refusal(path);
    expect(error.code).toBe("unsupported_type");
    expect(error.message).toContain("テキストファイル");
    expect(error.message).toContain("PDF");
    expect(error.message).not.toContain("生活保護");
  });

  it("a scanned PDF cut in half", async () => {
    const half = scannedPdf.subarray(0, Math.floor(scannedPdf.length / 2));
    const error = await refusal(await dir.write("truncated.pdf", half));
    expect(error.code).toBe("pdf_damaged");
    expect(error.message).toContain("壊れて");
  });

  it("a PDF that ends properly but whose body is not PDF at all", async () => {
    const path = await dir.write(
      "garbage.pdf",
      `%PDF-1.4\n${"壊れたデータ ".repeat(200)}\n%%EOF\n`,
    );
    const error = await refusal(path);
    expect(error.code).toBe("pdf_damaged");
  });

  it("a PDF whose page JPEG stops before its end", async () => {
    const jpeg = await scanJpeg(620, 877, 9);
    const pdf = await scannedJpegPdf([jpeg.subarray(0, Math.floor(jpeg.length * 0.6))]);
    const error = await refusal(await dir.write("short-image.pdf", pdf));
    expect(error.code).toBe("pdf_damaged");
  });

  it("a password-protected PDF (qpdf AES-256)", async () => {
    const plain = await dir.write("plain.pdf", scannedPdf);
    const encrypted = dir.path("encrypted.pdf");
    encryptWithQpdf(plain, encrypted);
    const error = await refusal(encrypted);
    expect(error.code).toBe("pdf_encrypted");
    expect(error.message).toContain("パスワード");
  });

  it("a PDF with no pages", async () => {
    // pdf-lib adds a blank page on save unless told not to.
    const empty = await (await PDFDocument.create()).save({ addDefaultPage: false });
    const error = await refusal(await dir.write("no-pages.pdf", empty));
    expect(error.code).toBe("pdf_no_pages");
    expect(error.message).toContain("ページ");
  });

  it("a 30000×30000 PNG from its header alone", async () => {
    // The file holds a header and no pixels: decoding it would fail as damaged, so "too large"
    // shows the size was judged before any decoding.
    const error = await refusal(await dir.write("huge.png", headerOnlyPng(30_000, 30_000)));
    expect(error.code).toBe("image_too_large");
    expect(error.message).toContain("30000×30000");
    expect(error.message).toContain("300〜400 dpi");
  });

  it("a JPEG cut short", async () => {
    const jpeg = await scanJpeg(620, 877, 3);
    const error = await refusal(await dir.write("cut.jpg", jpeg.subarray(0, jpeg.length / 2)));
    expect(error.code).toBe("image_damaged");
  });

  it("a PNG with a garbled header", async () => {
    const png = await sharp(Buffer.alloc(100 * 100, 128), {
      raw: { width: 100, height: 100, channels: 1 },
    })
      .png()
      .toBuffer();
    png.fill(0xee, 12, 30);
    const error = await refusal(await dir.write("garbled.png", png));
    expect(error.code).toBe("image_damaged");
  });

  it("one oversized page of a multi-page TIFF, naming the page", async () => {
    const page = () =>
      sharp({ create: { width: 20, height: 20, channels: 3, background: "#fff" } })
        .png()
        .toBuffer();
    const tiff = await sharp(await Promise.all([page(), page()]), { join: { animated: true } })
      .tiff()
      .toBuffer();
    const error = await inspectFile(await dir.write("pages.tif", tiff), { maxPixels: 399 }).catch(
      (thrown: unknown) => thrown as InputFileError,
    );
    expect(error).toMatchObject({ code: "image_too_large" });
    expect((error as InputFileError).message).toContain("1ページ目");
  });
});

describe("inspectFile accepts", () => {
  it("a scanned PDF and counts its pages", async () => {
    const path = await dir.write("scan.pdf", scannedPdf);
    await expect(inspectFile(path, options)).resolves.toEqual({
      mediaType: "application/pdf",
      pageCount: 4,
    });
  });

  it("a PNG named .jpg, by its content", async () => {
    const png = await sharp({ create: { width: 50, height: 40, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    const path = await dir.write("scan.jpg", png);
    await expect(inspectFile(path, options)).resolves.toEqual({
      mediaType: "image/png",
      pageCount: 1,
    });
  });

  it("a file name with Japanese characters and spaces", async () => {
    const path = dir.path("相談 記録 ２０２３.pdf");
    await copyFile(await dir.write("source.pdf", scannedPdf), path);
    await expect(inspectFile(path, options)).resolves.toEqual({
      mediaType: "application/pdf",
      pageCount: 4,
    });
  });

  it("a multi-page TIFF and counts its pages", async () => {
    const page = () =>
      sharp({ create: { width: 30, height: 40, channels: 3, background: "#fff" } })
        .png()
        .toBuffer();
    const tiff = await sharp(await Promise.all([page(), page(), page()]), {
      join: { animated: true },
    })
      .tiff({ compression: "lzw" })
      .toBuffer();
    await expect(inspectFile(await dir.write("three.tif", tiff), options)).resolves.toEqual({
      mediaType: "image/tiff",
      pageCount: 3,
    });
  });
});
