import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OcrCell, OcrPageResult } from "../../workers/ocr/ocr-result.ts";
import { readPage } from "../../workers/ocr/read-page.ts";
import { TesseractPool } from "../../workers/ocr/tesseract-pool.ts";
import { createCaseProfile } from "../generator/fake-case.ts";
import { buildFormSpec } from "../generator/form-templates.ts";
import { createRandom } from "../generator/random.ts";
import { renderForm as renderCaseForm } from "../generator/render-form.ts";
import { varyFormSpec } from "../generator/vary-form.ts";
import { characterAccuracy } from "../helpers/text-metrics.ts";

/** A ruled intake sheet: values in cells, and a title and notes outside them. */
function ruledIntake(): Buffer {
  const random = createRandom(4242);
  const profile = createCaseProfile(random.fork(), { year: 2023 });
  const spec = varyFormSpec(buildFormSpec("intake", profile, random.fork()), random.fork(), {
    layouts: ["ruled-grid"],
  });
  return renderCaseForm(spec, { dpi: 200, font: "gothic" }).png;
}

describe("readPage reads a page twice", () => {
  const pool = new TesseractPool({ size: 2 });
  let ocr: OcrPageResult;

  beforeAll(async () => {
    ocr = (await readPage(ruledIntake(), pool)).ocr;
  }, 120_000);
  afterAll(() => pool.terminate());

  it("reads every cell a second time, enlarged, in the first reading's boxes and pixels", () => {
    expect(ocr.cells.length).toBeGreaterThan(10);
    expect(ocr.rescaledCells?.map((cell) => cell.bbox)).toEqual(ocr.cells.map((cell) => cell.bbox));
    expectWordsWithin(ocr.rescaledCells ?? []);
    const firstText = ocr.cells.map((cell) => cell.text).join("\n");
    const secondText = ocr.rescaledCells?.map((cell) => cell.text).join("\n") ?? "";
    expect(characterAccuracy(firstText, secondText)).toBeGreaterThan(0.9);
  });

  it("reads once when the second reading is turned off, with the same first reading", async () => {
    const once = (await readPage(ruledIntake(), pool, { secondReading: false })).ocr;
    expect(once.rescaledCells).toEqual([]);
    expect(once.rescaledLines).toEqual([]);
    expect(once.cells.map((cell) => cell.text)).toEqual(ocr.cells.map((cell) => cell.text));
  }, 120_000);

  it("reads the lines outside the cells a second time, each on its own", () => {
    const lines = ocr.rescaledLines ?? [];
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.flatMap((line) => line.words).length).toBeGreaterThan(0);
    expectWordsWithin(lines);
  });
});

/** Every word's centre in its region: boxes came back from the enlarged image to the page's. */
function expectWordsWithin(regions: readonly OcrCell[]) {
  for (const { bbox, words } of regions) {
    const [x, y, w, h] = bbox;
    for (const word of words) {
      const [wx, wy, ww, wh] = word.bbox;
      expect(wx + ww / 2).toBeGreaterThanOrEqual(x);
      expect(wx + ww / 2).toBeLessThanOrEqual(x + w);
      expect(wy + wh / 2).toBeGreaterThanOrEqual(y);
      expect(wy + wh / 2).toBeLessThanOrEqual(y + h);
    }
  }
}
