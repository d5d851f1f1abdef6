import { PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { CaseFile } from "./generator/case-files.ts";
import { generateCaseFiles } from "./generator/case-files.ts";
import { toMultipageTiff, toScannedPdf } from "./generator/containers.ts";
import { generateCorpus } from "./generator/corpus.ts";
import { createCaseProfile } from "./generator/fake-case.ts";
import { DOC_TYPES, type DocType, TITLE_VARIANTS } from "./generator/field-vocabulary.ts";
import type { FormLayout } from "./generator/form-spec.ts";
import { buildFormSpec } from "./generator/form-templates.ts";
import type { FormTruth } from "./generator/form-truth.ts";
import {
  fakeIndividualNumber,
  individualNumberCheckDigit,
  isValidIndividualNumber,
  writeIndividualNumber,
} from "./generator/individual-number.ts";
import { createRandom } from "./generator/random.ts";
import { renderForm } from "./generator/render-form.ts";
import { applyScanEffects, mapTruth } from "./generator/scan-effects.ts";
import { FORM_LAYOUTS, type FormVariation, varyFormSpec } from "./generator/vary-form.ts";
import { characterRecall } from "./helpers/text-metrics.ts";

const DPI = 150;

function render(seed: number, docType: DocType, font: "gothic" | "mincho" = "gothic") {
  const random = createRandom(seed);
  const profile = createCaseProfile(random.fork(), { year: 2023 });
  return renderForm(buildFormSpec(docType, profile, random.fork()), { dpi: DPI, font });
}

function renderVaried(seed: number, docType: DocType, variation: FormVariation) {
  const random = createRandom(seed);
  const profile = createCaseProfile(random.fork(), { year: 2023 });
  const spec = varyFormSpec(
    buildFormSpec(docType, profile, random.fork()),
    random.fork(),
    variation,
  );
  return renderForm(spec, { dpi: DPI, font: "gothic" });
}

/** Darkest grey level inside a box of a page image: ink if well under the paper's. */
async function darkestIn(image: Buffer, [x, y, width, height]: readonly number[]) {
  const { channels } = await sharp(image)
    .extract({
      left: x as number,
      top: y as number,
      width: width as number,
      height: height as number,
    })
    .greyscale()
    .stats();
  return channels[0]?.min ?? 255;
}

function expectInsidePage(truth: FormTruth) {
  const boxes = [
    ...Object.values(truth.fields).map((field) => field.bbox),
    ...(truth.entries ?? []).map((entry) => entry.bbox),
    ...(truth.individualNumbers ?? []).map((number) => number.bbox),
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

describe("form layouts, handwriting and 個人番号", () => {
  it.each(FORM_LAYOUTS)("renders every docType in the %s layout", (layout: FormLayout) => {
    for (const docType of DOC_TYPES) {
      const { truth } = renderVaried(21, docType, { layouts: [layout] });
      expect(truth.lines).toContain(truth.title);
      expectInsidePage(truth);
      // Every label is printed, whatever the layout; a grid breaks a long one into lines that
      // are read together with the value beside them, so only its characters' order is certain.
      const text = truth.lines.join("");
      for (const field of Object.values(truth.fields)) {
        expect(characterRecall(field.label, text)).toBe(1);
      }
    }
  });

  it("draws handwritten values in a hand with ink inside their boxes", async () => {
    const { png, truth } = renderVaried(22, "intake", { handwrittenValues: 1 });
    const handwritten = Object.entries(truth.fields).filter(([, field]) => field.handwritten);
    expect(handwritten.map(([key]) => key)).toContain("client_name");
    for (const [, field] of handwritten) {
      expect(await darkestIn(png, field.bbox)).toBeLessThan(100);
    }
    // Options are printed and words to circle pre-printed: never written by hand.
    expect(truth.fields.sex?.handwritten).toBeUndefined();
    const typed = renderVaried(22, "intake", { handwrittenValues: 0 }).truth;
    expect(Object.values(typed.fields).some((field) => field.handwritten)).toBe(false);
  });

  it("computes the spec's check digit", () => {
    expect(individualNumberCheckDigit("12345678901")).toBe(8);
    expect(isValidIndividualNumber("123456789018")).toBe(true);
    expect(isValidIndividualNumber("123456789012")).toBe(false);
    const random = createRandom(3);
    for (let index = 0; index < 50; index++) {
      const digits = fakeIndividualNumber(random);
      expect(isValidIndividualNumber(digits)).toBe(true);
      const printed = writeIndividualNumber(digits, random);
      expect(printed.normalize("NFKC").replace(/[\s-]/g, "")).toBe(digits);
    }
  });

  it("prints a 個人番号 row on intake forms and keeps it out of the fields", async () => {
    const { png, truth } = renderVaried(23, "intake", { individualNumbers: 1 });
    const [number] = truth.individualNumbers ?? [];
    expect(number).toBeDefined();
    if (!number) return;
    expect(isValidIndividualNumber(number.digits)).toBe(true);
    expect(truth.lines.some((line) => line.includes(number.printed))).toBe(true);
    expect(JSON.stringify(truth.fields)).not.toContain(number.printed);
    expect(await darkestIn(png, number.bbox)).toBeLessThan(100);
    const assessment = renderVaried(23, "assessment", { individualNumbers: 1 }).truth;
    expect(assessment.individualNumbers).toBeUndefined();
  });

  it("moves 個人番号 boxes along with a turned page", async () => {
    const { png, truth } = renderVaried(24, "intake", { individualNumbers: 1 });
    const scanned = await applyScanEffects(png, { seed: 1, rotate: 90, skewDegrees: 1.5 });
    const mapped = mapTruth(truth, scanned.transform);
    const [number] = mapped.individualNumbers ?? [];
    expect(number).toBeDefined();
    if (!number) return;
    expect(number.bbox[3]).toBeGreaterThan(number.bbox[2]);
    expect(await darkestIn(scanned.data, number.bbox)).toBeLessThan(100);
  });
});

describe("case files", () => {
  let files: CaseFile[] = [];
  const options = {
    seed: 8,
    caseFiles: 4,
    dpis: [150] as const,
    formats: ["pdf", "tiff", "jpeg"] as const,
    blankPages: 0.5,
    continuations: 1,
    turnedPages: 0.3,
    individualNumbers: 1,
    handwrittenValues: 0.3,
  };

  it("numbers pages and ties every non-blank page to its form", async () => {
    files = await generateCaseFiles(options);
    expect(files).toHaveLength(4);
    for (const { truth, pages } of files) {
      expect(truth.pages.map((page) => page.pageNumber)).toEqual(pages.map((_, i) => i + 1));
      truth.forms.forEach((form, formIndex) => {
        const own = truth.pages.filter((page) => page.form === formIndex);
        expect(own.map((page) => page.pageNumber)).toEqual(form.pages);
        expect(own[0]?.title).toBe(form.title);
        expect(own.slice(1).every((page) => page.continuationOf === formIndex)).toBe(true);
        expect(own.slice(1).every((page) => page.title === null)).toBe(true);
        for (const field of Object.values(form.fields)) expect(form.pages).toContain(field.page);
      });
      for (const page of truth.pages) {
        expect([page.page.width, page.page.height]).toEqual([
          pages[page.pageNumber - 1]?.width,
          pages[page.pageNumber - 1]?.height,
        ]);
        if (page.blank) {
          expect(page.docType).toBeNull();
          expect(page.form).toBeNull();
          expect(page.lines).toEqual([]);
        } else {
          expectInsidePage({ ...page, docType: page.docType ?? "intake", title: page.title ?? "" });
        }
      }
    }
    const allPages = files.flatMap((file) => file.truth.pages);
    expect(allPages.some((page) => page.blank)).toBe(true);
    expect(allPages.some((page) => page.continuationOf !== undefined)).toBe(true);
    expect(allPages.some((page) => page.scan.rotate !== 0)).toBe(true);
    const intakes = files.flatMap((file) => file.truth.forms).filter((f) => f.docType === "intake");
    for (const form of intakes) expect(form.individualNumbers).toHaveLength(1);
  });

  it("is reproducible from its seed", async () => {
    const again = await generateCaseFiles({ ...options, caseFiles: 1 });
    expect(again[0]?.bytes.equals(files[0]?.bytes as Buffer)).toBe(true);
    expect(again[0]?.truth).toEqual(files[0]?.truth);
  });

  it("writes each file in its format with every page", async () => {
    for (const file of files) {
      if (file.format === "pdf") {
        expect(file.fileName).toMatch(/\.pdf$/);
        expect((await PDFDocument.load(file.bytes)).getPageCount()).toBe(file.pages.length);
      } else if (file.format === "tiff") {
        const metadata = await sharp(file.bytes).metadata();
        expect(metadata.format).toBe("tiff");
        expect(metadata.pages).toBe(file.pages.length);
        // Binarised: nothing but black and white.
        const { data } = await sharp(file.bytes)
          .greyscale()
          .raw()
          .toBuffer({ resolveWithObject: true });
        expect(data.every((level) => level === 0 || level === 255)).toBe(true);
      } else {
        expect(file.pages).toHaveLength(1);
        expect((await sharp(file.bytes).metadata()).format).toBe("jpeg");
      }
    }
    expect(new Set(files.map((file) => file.format)).size).toBeGreaterThan(1);
  });

  it("leaves blank pages without text-like ink", async () => {
    const blanks = files.flatMap((file) =>
      file.truth.pages.filter((page) => page.blank).map((page) => file.pages[page.pageNumber - 1]),
    );
    expect(blanks.length).toBeGreaterThan(0);
    for (const page of blanks) {
      const { channels } = await sharp(page?.data).greyscale().stats();
      expect(channels[0]?.mean).toBeGreaterThan(200);
    }
  });
});
