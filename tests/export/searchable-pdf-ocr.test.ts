import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PageReading, readPage } from "../../workers/ocr/read-page.ts";
import { TesseractPool } from "../../workers/ocr/tesseract-pool.ts";
import { individualNumberCheckDigit } from "../../workers/redact/individual-number.ts";
import { renderForm } from "../ocr/render-form.ts";
import { pdfText, renderPdfPage } from "./poppler.ts";
import { writtenSearchablePdf } from "./written-pdf.ts";

const DPI = 200;
const NUMBER = `98765432109${individualNumberCheckDigit("98765432109")}`;

describe("searchable PDF of a page read by the OCR stage", () => {
  const pool = new TesseractPool({ size: 2 });
  let reading: PageReading;
  let pdf: Uint8Array;

  beforeAll(async () => {
    const form = renderForm({
      lines: [
        ["相談受付票"],
        ["氏名", "山田 花子"],
        ["個人番号", `${NUMBER.slice(0, 4)} ${NUMBER.slice(4, 8)} ${NUMBER.slice(8)}`],
      ],
      dpi: DPI,
      heightMm: 70,
    });
    const scan = await sharp(form.png).withMetadata({ density: DPI }).png().toBuffer();
    reading = await readPage(scan, pool);
    pdf = await writtenSearchablePdf([{ image: reading.image.data, ocr: reading.ocr }]);
  });
  afterAll(() => pool.terminate());

  it("is searchable for the page text, Japanese without spaces", () => {
    const text = pdfText(pdf);
    expect(text).toContain("相談受付票");
    expect(text).toMatch(/山田 ?花子/);
    for (const part of reading.ocr.text.split(/\s+/)) expect(text).toContain(part);
  });

  it("keeps the redacted Individual Number out of the text and out of the image", async () => {
    expect(reading.ocr.redactions).toHaveLength(1);
    expect(pdfText(pdf).replace(/\s/g, "")).not.toContain(NUMBER.slice(0, 8));
    expect(pdfText(pdf)).toContain("個人番号削除");
    const page = sharp(renderPdfPage(pdf, 1, DPI));
    for (const { bbox } of reading.ocr.redactions) {
      const [left, top, width, height] = bbox;
      const pixels = await page
        .clone()
        .extract({ left, top, width, height })
        .greyscale()
        .raw()
        .toBuffer();
      expect(Math.max(...pixels)).toBeLessThan(60); // solid black as the stored image
    }
  });
});
