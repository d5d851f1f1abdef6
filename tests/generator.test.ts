import { PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { toMultipageTiff, toScannedPdf } from "./generator/containers.ts";
import { generateCorpus } from "./generator/corpus.ts";
import { createCaseProfile } from "./generator/fake-case.ts";
import { DOC_TYPES, type DocType, TITLE_VARIANTS } from "./generator/field-vocabulary.ts";
import { buildFormSpec } from "./generator/form-templates.ts";
import type { FormTruth } from "./generator/form-truth.ts";
import { createRandom } from "./generator/random.ts";
import { renderForm } from "./generator/render-form.ts";
import { applyScanEffects } from "./generator/scan-effects.ts";

const DPI = 150;

function render(seed: number, docType: DocType, font: "gothic" | "mincho" = "gothic") {
  const random = createRandom(seed);
  const profile = createCaseProfile(random.fork(), { year: 2023 });
  return renderForm(buildFormSpec(docType, profile, random.fork()), { dpi: DPI, font });
}

function expectInsidePage(truth: FormTruth) {
  const boxes = [
    ...Object.values(truth.fields).map((field) => field.bbox),
    ...(truth.entries ?? []).map((entry) => entry.bbox),
  ];
  expect(boxes.length).toBeGreaterThan(0);
  for (const [x, y, width, height] of boxes) {
    expect(width).toBeGreaterThan(0);
    expect(height).toBeGreaterThan(0);
    expect(x).toBeGreaterThanOrEqual(0);
    expect(y).toBeGreaterThanOrEqual(0);
    expect(x + width).toBeLessThanOrEqual(truth.page.width);
    expect(y + height).toBeLessThanOrEqual(truth.page.height);
  }
}

/** The image streams of each page, as stored in the PDF. */
async function pdfPageImages(pdf: Buffer): Promise<{ filter: string; bytes: Buffer }[]> {
  const document = await PDFDocument.load(pdf);
  return document.getPages().map((page) => {
    const xObjects = page.node.Resources()?.lookup(PDFName.of("XObject"), PDFDict);
    const [name] = xObjects?.keys() ?? [];
    if (!xObjects || !name) throw new Error("Page without an image");
    const stream = xObjects.lookup(name);
    if (!(stream instanceof PDFRawStream)) throw new Error("Page image is not a raw stream");
    return {
      filter: String(stream.dict.get(PDFName.of("Filter"))),
      bytes: Buffer.from(stream.contents),
    };
  });
}

describe("sample-scan generator", () => {
  it("reproduces a page byte for byte from the same seed", () => {
    const first = render(42, "intake");
    const second = render(42, "intake");
    expect(first.png.equals(second.png)).toBe(true);
    expect(second.truth).toEqual(first.truth);
  });

  it("renders different pages from different seeds", () => {
    expect(render(42, "intake").png.equals(render(43, "intake").png)).toBe(false);
  });

  it.each(DOC_TYPES)("renders a %s form with its title and boxes inside the page", (docType) => {
    const { truth, width, height } = render(7, docType, docType === "plan" ? "mincho" : "gothic");
    expect(width).toBe(1240);
    expect(height).toBe(1754);
    expect(truth.docType).toBe(docType);
    expect(TITLE_VARIANTS[docType]).toContain(truth.title);
    expect(truth.lines[0] === truth.title || truth.lines[1] === truth.title).toBe(true);
    expect(truth.fields.case_number?.value).toMatch(/^(R\d+|\d{4})-\d{4}$/);
    expectInsidePage(truth);
    if (docType === "progress") {
      expect(truth.entries?.length).toBeGreaterThanOrEqual(3);
      expect(truth.entries?.length).toBeLessThanOrEqual(6);
    }
  });

  it("keeps the scanned JPEG bytes as the page images of the PDF", async () => {
    const pages = await Promise.all(
      (["intake", "assessment", "progress"] as const).map(async (docType, index) => {
        const { png } = render(11, docType);
        const scanned = await applyScanEffects(png, {
          seed: index,
          skewDegrees: 0.4,
          jpegQuality: 70,
          dpi: DPI,
        });
        return { ...scanned, dpi: DPI };
      }),
    );
    const pdf = await toScannedPdf(pages);
    const images = await pdfPageImages(pdf);
    expect(images).toHaveLength(3);
    images.forEach((image, index) => {
      expect(image.filter).toBe("/DCTDecode");
      expect(image.bytes.equals(pages[index]?.data as Buffer)).toBe(true);
    });
    const [firstPage] = (await PDFDocument.load(pdf)).getPages();
    expect(firstPage?.getWidth()).toBeCloseTo((210 / 25.4) * 72, 0);
  });

  it("moves the ground truth along when a page is scanned turned and askew", async () => {
    const { pages } = await generateCorpus({ seed: 5, forms: 3, dpi: DPI, turnedPages: 1 });
    expect(pages).toHaveLength(3);
    for (const page of pages) {
      expect(page.format).toBe("jpeg");
      expect([page.truth.page.width, page.truth.page.height]).toEqual([page.width, page.height]);
      expectInsidePage(page.truth);
      const [x, y, width, height] = page.truth.fields.client_name?.bbox ?? [0, 0, 0, 0];
      const { channels } = await sharp(page.data)
        .extract({ left: x, top: y, width, height })
        .greyscale()
        .stats();
      // Ink inside the box: the mapped box still covers the printed name.
      expect(channels[0]?.min).toBeLessThan(100);
    }
    expect(pages.some((page) => page.width > page.height)).toBe(true);
  });

  it("writes a multi-page TIFF", async () => {
    const pages = await Promise.all(
      (["meeting", "plan"] as const).map(async (docType, index) => {
        const { png } = render(12, docType);
        return (await applyScanEffects(png, { seed: index, mode: "bilevel" })).data;
      }),
    );
    const tiff = await toMultipageTiff(pages, { dpi: DPI, mode: "bilevel" });
    const metadata = await sharp(tiff).metadata();
    expect(metadata.format).toBe("tiff");
    expect(metadata.pages).toBe(2);
    expect(metadata.width).toBe(1240);
  });
});
