import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { SearchablePdfPage } from "../../export/searchable-pdf.ts";
import { REDACTED_INDIVIDUAL_NUMBER } from "../../workers/redact/find-individual-numbers.ts";
import { individualNumberCheckDigit } from "../../workers/redact/individual-number.ts";
import { blankReadPage, HAND_READ_DPI, type HandReadPage, handReadPage } from "./hand-read-page.ts";
import { pdfImageEncodings, pdfPages, pdfText, pdfWordBoxes, renderPdfPage } from "./poppler.ts";
import { writtenSearchablePdf } from "./written-pdf.ts";

const POINTS_PER_PIXEL = 72 / HAND_READ_DPI;
const NUMBER = `12345678901${individualNumberCheckDigit("12345678901")}`;
const WRAPPED = `98765432109${individualNumberCheckDigit("98765432109")}`;

const LINES = [
  ["相談受付票"],
  ["氏名", "山田 花子"],
  ["個人番号", REDACTED_INDIVIDUAL_NUMBER],
  // OCR output stored before redaction existed: the number is still in the text.
  ["番号", `${NUMBER.slice(0, 4)} ${NUMBER.slice(4, 8)} ${NUMBER.slice(8)}`],
  ["𠮷野 太郎", "TEL 043-123-4567"],
  // A number tesseract read over two lines: neither line holds it whole.
  ["振込先", `${WRAPPED.slice(0, 4)} ${WRAPPED.slice(4, 8)}`],
  [`${WRAPPED.slice(8)} まで`],
];

describe("writeSearchablePdf from hand-read pages", () => {
  let page: HandReadPage;
  let pages: SearchablePdfPage[];
  let pdf: Uint8Array;
  let text: string;

  beforeAll(async () => {
    page = await handReadPage(LINES);
    pages = [page, await blankReadPage(page.form.width, page.form.height)];
    pdf = await writtenSearchablePdf(pages);
    text = pdfText(pdf);
  });

  it("has one page per page image, blank ones too, at paper size", () => {
    expect(pdfPages(pdf)).toMatchObject({ count: 2, width: expect.closeTo(595.3, 0) });
  });

  it("lets Japanese be found without spaces between characters, and keeps real gaps", () => {
    expect(text).toContain("相談受付票");
    expect(text).toContain("山田 花子");
    expect(text).toContain("TEL 043-123-4567");
  });

  it("maps characters outside the BMP back exactly", () => {
    expect(text).toContain("𠮷野 太郎");
  });

  it("places each word where it is printed", () => {
    const title = pdfWordBoxes(pdf).find((word) => word.text === "相談受付票");
    const drawn = page.form.segments.find((segment) => segment.text === "相談受付票");
    const [x, y, w, h] = drawn?.bbox ?? [0, 0, 0, 0];
    const printed = [x, y, x + w, y + h].map((px) => px * POINTS_PER_PIXEL);
    expect(title).toBeDefined();
    for (const [i, edge] of (title?.box ?? []).entries()) {
      expect(Math.abs(edge - (printed[i] ?? 0))).toBeLessThan(1.5);
    }
  });

  it("carries no Individual Number in its text, only the redaction marker", () => {
    expect(text.replace(/\s/g, "")).not.toContain(NUMBER);
    expect(text.replace(/\s/g, "")).not.toContain(NUMBER.slice(0, 8));
    expect(text.replace(/\s/g, "")).not.toContain(WRAPPED.slice(4, 8));
    expect(text.replace(/\s/g, "")).not.toContain(WRAPPED.slice(8));
    expect(text).toContain("まで");
    expect(text.match(/［個人番号削除］/g)).toHaveLength(3);
  });

  it("embeds a clean page's PNG data as it is stored, without a pixel changed", async () => {
    // Black on white without paper grain, as a form rendered from a born-digital PDF.
    const clean = await sharp(page.image).threshold(160).toColourspace("b-w").png().toBuffer();
    const cleanPdf = await writtenSearchablePdf([{ image: clean, ocr: page.ocr }]);
    expect(pdfImageEncodings(cleanPdf)).toEqual(["image"]);
    const shown = await sharp(renderPdfPage(cleanPdf, 1, HAND_READ_DPI))
      .greyscale()
      .raw()
      .toBuffer();
    const stored = await sharp(clean).greyscale().raw().toBuffer();
    expect(shown.length).toBe(stored.length);
    expect(shown.equals(stored)).toBe(true);
  });

  it("adds little beyond the page images: a font without glyphs, no image re-inflated", () => {
    const images = pages.reduce((sum, { image }) => sum + image.length, 0);
    expect(pdf.length).toBeLessThan(images + 10_000);
  });

  it("gives the same bytes for the same pages", async () => {
    expect((await writtenSearchablePdf(pages)).equals(Buffer.from(pdf))).toBe(true);
  });
});
