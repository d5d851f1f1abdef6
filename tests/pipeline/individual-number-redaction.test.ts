import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecordV1 } from "../../workers/extract/record-v1.ts";
import { extractFileInProcess } from "../../workers/extract-file-in-process.ts";
import { readPage } from "../../workers/ocr/read-page.ts";
import { TesseractPool } from "../../workers/ocr/tesseract-pool.ts";
import { createCaseProfile } from "../generator/fake-case.ts";
import { buildFormSpec } from "../generator/form-templates.ts";
import type { FormTruth } from "../generator/form-truth.ts";
import { createRandom } from "../generator/random.ts";
import { renderForm } from "../generator/render-form.ts";
import { varyFormSpec } from "../generator/vary-form.ts";

function intakeWithIndividualNumber(seed: number): { png: Buffer; truth: FormTruth } {
  const random = createRandom(seed);
  const profile = createCaseProfile(random.fork(), { year: 2023 });
  const spec = varyFormSpec(buildFormSpec("intake", profile, random.fork()), random.fork(), {
    layouts: ["ruled-grid"],
    individualNumbers: 1,
  });
  const { png, truth } = renderForm(spec, { dpi: 200, font: "gothic" });
  return { png, truth };
}

describe("Individual Number (個人番号) redaction", () => {
  let pool: TesseractPool;
  let dir: string;
  const { png, truth } = intakeWithIndividualNumber(7);
  const digits = truth.individualNumbers?.[0]?.digits ?? "";

  beforeAll(async () => {
    pool = new TesseractPool({ size: 2 });
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "kamiroku-redact-"));
  });
  afterAll(async () => {
    await pool?.terminate();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("the test form really carries a valid 12-digit number", () => {
    expect(digits).toMatch(/^\d{12}$/);
  });

  it("blacks the number out of the stored page image and keeps it out of the OCR output", async () => {
    const reading = await readPage(png, pool);
    expect(reading.ocr.redactions).toHaveLength(1); // read twice (page and cell), redacted once
    const serialised = JSON.stringify(reading.ocr).replace(/[\s\-‐－]/g, "");
    expect(serialised).not.toContain(digits);
    expect(serialised).toContain("個人番号削除");
    for (const { bbox } of reading.ocr.redactions) {
      const [x, y, w, h] = bbox;
      const pixels = await sharp(reading.image.data)
        .extract({ left: x, top: y, width: w, height: h })
        .greyscale()
        .raw()
        .toBuffer();
      expect(Math.max(...pixels)).toBeLessThan(40); // solid black: no ink of the digits left
    }
  });

  it("lists the redaction on the record (page and box), never the number", async () => {
    const file = path.join(dir, "受付票.png");
    await fs.writeFile(file, png);
    const { records } = await extractFileInProcess(file, {
      pool,
      maxPixels: 100_000_000,
      renderDpi: 300,
    });
    expect(records).toHaveLength(1);
    const record = records[0] as RecordV1;
    expect(record.redactions.length).toBeGreaterThanOrEqual(1);
    expect(record.redactions[0]).toMatchObject({ kind: "individual_number", page: 1 });
    expect(record.redactions[0]?.bbox).toHaveLength(4);
    expect(JSON.stringify(record).replace(/[\s\-‐－]/g, "")).not.toContain(digits);
  });
});
