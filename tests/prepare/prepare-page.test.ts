import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BBox } from "../../workers/ocr/ocr-result.ts";
import { TesseractPool } from "../../workers/ocr/tesseract-pool.ts";
import { OcrTrialOrientation } from "../../workers/prepare/orientation.ts";
import { type PreparedPage, preparePage } from "../../workers/prepare/prepare-page.ts";
import type { QuarterTurn } from "../../workers/prepare/quarter-turn.ts";
import { createCaseProfile } from "../generator/fake-case.ts";
import { buildFormSpec } from "../generator/form-templates.ts";
import { createRandom } from "../generator/random.ts";
import { renderForm } from "../generator/render-form.ts";
import { applyScanEffects, type ScanEffects } from "../generator/scan-effects.ts";
import { darkShare, decodeGrey, inkKept, largestBoxError, pageCorrelation } from "./page-checks.ts";
import {
  ruledForm,
  showThroughPage,
  type TestPage,
  textPage,
  titleOnlyPage,
} from "./test-pages.ts";

/** An old yellowed sheet through an office scanner, saved as JPEG. */
const WORN: Omit<ScanEffects, "seed"> = { paperTone: 0.9, noise: 4, blur: 0.4, jpegQuality: 70 };

const pool = new TesseractPool({ size: 1 });
const orientation = new OcrTrialOrientation(pool);
afterAll(() => pool.terminate());

async function scanAndPrepare(
  page: TestPage,
  effects: Omit<ScanEffects, "seed"> = {},
): Promise<PreparedPage> {
  const scan = await applyScanEffects(page.png, { ...WORN, ...effects, seed: 7, dpi: page.dpi });
  return preparePage(scan.data, { orientation });
}

function undo(turn: QuarterTurn): QuarterTurn {
  return ((360 - turn) % 360) as QuarterTurn;
}

/** Degrees off horizontal of the most tilted horizontal ruling. */
function worstTilt(prepared: PreparedPage): number {
  return Math.max(
    ...prepared.rulings.horizontal.map(
      (s) => (Math.abs(Math.atan2(s.y2 - s.y1, s.x2 - s.x1)) * 180) / Math.PI,
    ),
  );
}

describe("preparePage on a ruled form at 200 dpi", () => {
  const form = ruledForm(200);

  it.each([0, 90, 180, 270] as const)(
    "undoes a page fed turned %i° (and 0.8° askew)",
    async (turn) => {
      const prepared = await scanAndPrepare(form, { rotate: turn, skewDegrees: 0.8 });
      expect(prepared.rotation).toBe(undo(turn));
      expect(prepared.blank).toBe(false);
      expect([prepared.upright.width, prepared.upright.height]).toEqual([form.width, form.height]);
      expect([prepared.forOcr.width, prepared.forOcr.height]).toEqual([form.width, form.height]);
      expect(Math.abs(prepared.skewDegrees - 0.8)).toBeLessThanOrEqual(0.3);
      expect(await pageCorrelation(prepared.upright.data, form.png)).toBeGreaterThan(0.85);
      expect(prepared.cells).toHaveLength(form.cells.length);
    },
  );

  it.each([2.5, -2.5])("corrects %f° of skew to within 0.3°", async (skew) => {
    const prepared = await scanAndPrepare(form, { skewDegrees: skew });
    expect(Math.abs(prepared.skewDegrees - skew)).toBeLessThanOrEqual(0.3);
    expect(worstTilt(prepared)).toBeLessThanOrEqual(0.3);
    expect(prepared.cells).toHaveLength(form.cells.length);
    // Turned back about the page centre, the cells return to where they were drawn.
    expect(largestBoxError(prepared.cells, form.cells)).toBeLessThanOrEqual(6);
  });

  describe("fed straight", () => {
    let prepared: PreparedPage;
    beforeAll(async () => {
      prepared = await scanAndPrepare(form);
    });

    it("finds the drawn cells, merged ones included, in reading order", () => {
      expect(prepared.cells).toHaveLength(17);
      expect(largestBoxError(prepared.cells, form.cells)).toBeLessThanOrEqual(3);
    });

    it("finds the ruled lines: 8 rows of horizontal rules, 8 vertical ones", () => {
      // Horizontal: the 8 row boundaries (the y = 50..70 label spans two rows but the value
      // column keeps the rule at y = 60, so every boundary is one segment or more).
      const rows = new Set(prepared.rulings.horizontal.map((s) => Math.round((s.y1 + s.y2) / 20)));
      expect(rows.size).toBe(8);
      expect(prepared.rulings.vertical.length).toBeGreaterThanOrEqual(5);
      for (const s of [...prepared.rulings.horizontal, ...prepared.rulings.vertical]) {
        expect(s.thickness).toBeGreaterThan(0.5);
        expect(s.thickness).toBeLessThan(8);
      }
    });

    it("removes the lines from the OCR image and keeps the text", async () => {
      const forOcr = await decodeGrey(prepared.forOcr.data);
      const drawn = await decodeGrey(form.png);
      for (const line of form.lines) expect(darkShare(forOcr, line)).toBeLessThan(0.01);
      for (const value of form.values)
        expect(inkKept(drawn, forOcr, value)).toBeGreaterThanOrEqual(0.95);
    });

    it("turns yellowed paper white: no ink off the text, white paper for reviewers", async () => {
      const forOcr = await decodeGrey(prepared.forOcr.data);
      const upright = await decodeGrey(prepared.upright.data);
      const top = Math.round(form.height / 2);
      const belowGrid: BBox = [0, top, form.width, form.height - top];
      expect(darkShare(forOcr, belowGrid)).toBeLessThan(0.0005);
      let sum = 0;
      const [, , width, height] = belowGrid;
      for (let y = top; y < top + height; y++) {
        for (let x = 0; x < width; x++) sum += upright.pixels[y * width + x] as number;
      }
      expect(sum / (width * height)).toBeGreaterThan(245);
    });
  });
});

describe("preparePage on a page of unruled text at 200 dpi", () => {
  const page = textPage(200);

  it.each([90, 180] as const)("undoes a page fed turned %i° and 1.5° askew", async (turn) => {
    const prepared = await scanAndPrepare(page, { rotate: turn, skewDegrees: -1.5 });
    expect(prepared.rotation).toBe(undo(turn));
    expect(Math.abs(prepared.skewDegrees + 1.5)).toBeLessThanOrEqual(0.3);
    expect(await pageCorrelation(prepared.upright.data, page.png)).toBeGreaterThan(0.85);
    expect(prepared.rulings).toEqual({ horizontal: [], vertical: [] });
    expect(prepared.cells).toEqual([]);
  });
});

describe("blank pages", () => {
  it("calls the noisy, yellowed back of a sheet with show-through blank", async () => {
    const prepared = await scanAndPrepare(showThroughPage(200), { paperTone: 1, noise: 6 });
    expect(prepared.blank).toBe(true);
    expect(prepared.rotation).toBe(0);
    expect(prepared.cells).toEqual([]);
    const forOcr = await decodeGrey(prepared.forOcr.data);
    expect(darkShare(forOcr, [0, 0, forOcr.width, forOcr.height])).toBeLessThan(0.0005);
  });

  it("does not call a page with only a title blank, and turns it upright", async () => {
    const prepared = await scanAndPrepare(titleOnlyPage(200), {
      paperTone: 1,
      noise: 6,
      rotate: 180,
    });
    expect(prepared.blank).toBe(false);
    expect(prepared.rotation).toBe(180);
  });
});

describe("preparePage on the project's generated forms", () => {
  const random = createRandom(20230412);
  const profile = createCaseProfile(random.fork(), { year: 2023 });

  it.each([
    ["progress", "gothic", 90, 1.2],
    ["assessment", "mincho", 180, -0.7],
    ["meeting", "mincho", 270, 2.5],
  ] as const)("turns a %s form (%s) fed at %i° upright", async (docType, font, turn, skew) => {
    const form = renderForm(buildFormSpec(docType, profile, random.fork()), { dpi: 200, font });
    const scan = await applyScanEffects(form.png, {
      ...WORN,
      seed: 3,
      rotate: turn,
      skewDegrees: skew,
      dpi: 200,
    });
    const prepared = await preparePage(scan.data, { orientation });
    expect(prepared.rotation).toBe(undo(turn));
    expect(Math.abs(prepared.skewDegrees - skew)).toBeLessThanOrEqual(0.3);
    expect(await pageCorrelation(prepared.upright.data, form.png)).toBeGreaterThan(0.8);
    expect(prepared.cells.length).toBeGreaterThan(5);
  });
});

describe("preparePage at 300 dpi", () => {
  it("undoes a form fed sideways and 2.5° askew, as a bilevel scan", async () => {
    const form = ruledForm(300);
    const prepared = await scanAndPrepare(form, {
      rotate: 270,
      skewDegrees: -2.5,
      mode: "bilevel",
      jpegQuality: undefined,
    });
    expect(prepared.rotation).toBe(90);
    expect(Math.abs(prepared.skewDegrees + 2.5)).toBeLessThanOrEqual(0.3);
    expect(worstTilt(prepared)).toBeLessThanOrEqual(0.3);
    expect(prepared.cells).toHaveLength(form.cells.length);
    expect(largestBoxError(prepared.cells, form.cells)).toBeLessThanOrEqual(8);
  });
});
