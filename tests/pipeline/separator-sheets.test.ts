import fs from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { waitForBatch } from "../../cli/wait-for-batch.ts";
import { separatorSheet } from "../../ingest/separator-sheets/separator-sheet.ts";
import { CaseFileRepository } from "../../storage/repositories/case-file-repository.ts";
import { type ScannedPage, toScannedPdf } from "../generator/containers.ts";
import { createCaseProfile } from "../generator/fake-case.ts";
import type { DocType } from "../generator/field-vocabulary.ts";
import { renderFormSheets } from "../generator/form-sheets.ts";
import { buildFormSpec } from "../generator/form-templates.ts";
import { createRandom } from "../generator/random.ts";
import { applyScanEffects } from "../generator/scan-effects.ts";
import { runningPipeline } from "../helpers/running-pipeline.ts";
import { printSheets, scanSheet } from "../split/separator-sheet-scans.ts";

const BATCH = "2023年度 箱12";
const AGENCY = "さくら市社会福祉協議会";
const SHEETS = ["R5-0101", "R5-0102", null].map((caseNumber, index) =>
  separatorSheet({ batch: BATCH, agency: AGENCY, box: "12", caseNumber, serial: index + 1 }),
);

/** The sheets of one form as an office scanner returns them, at 200 dpi. */
async function scannedForm(docType: DocType, seed: number, continued: boolean) {
  const random = createRandom(seed);
  const spec = buildFormSpec(docType, createCaseProfile(random.fork()), random.fork());
  const sheets = renderFormSheets(spec, { dpi: 200, font: "gothic" }, continued);
  return Promise.all(
    sheets.map(async (sheet, index) => {
      const scanned = await applyScanEffects(sheet.png, {
        seed: seed * 10 + index,
        dpi: 200,
        skewDegrees: 0.4,
        jpegQuality: 85,
      });
      return { ...scanned, dpi: 200 } satisfies ScannedPage;
    }),
  );
}

describe("pipeline: a batch file with separator sheets becomes case files with their metadata", () => {
  const pipeline = runningPipeline();
  let caseFiles: CaseFileRepository;

  beforeAll(async () => {
    caseFiles = new CaseFileRepository(pipeline.runtime.db);
  });

  it("cuts at the sheets, drops them, keeps forms within their case file and records each record's case", async () => {
    const printed = await printSheets(SHEETS);
    const [intake] = await scannedForm("intake", 1, false);
    // The second sheet of a long form, without a title: in one case file it would continue the
    // form before it; here a separator sheet stands between them.
    const [, continuation] = await scannedForm("assessment", 2, true);
    const [progress] = await scannedForm("progress", 3, false);
    if (!intake || !continuation || !progress) throw new Error("form sheets missing");
    const good = [
      await scanSheet(printed, 1, { dpi: 150, seed: 11, skewDegrees: 3, jpegQuality: 60 }),
      intake,
      await scanSheet(printed, 2, {
        dpi: 150,
        seed: 12,
        skewDegrees: -3,
        rotate: 180,
        jpegQuality: 50,
        noise: 6,
      }),
      continuation,
      await scanSheet(printed, 3, { dpi: 200, seed: 13, skewDegrees: 1.5, rotate: 180 }),
      progress,
    ];
    const damaged = [
      good[0] as ScannedPage,
      intake,
      await scanSheet(printed, 2, {
        dpi: 150,
        seed: 14,
        skewDegrees: 2,
        jpegQuality: 60,
        damage: "blotted",
      }),
      progress,
    ];
    await fs.writeFile(path.join(pipeline.inputDir, "箱12.pdf"), await toScannedPdf(good));
    await fs.writeFile(path.join(pipeline.inputDir, "箱12 汚れ.pdf"), await toScannedPdf(damaged));

    const batch = await pipeline.runtime.batches.getOrCreate(BATCH);
    for (const name of ["箱12.pdf", "箱12 汚れ.pdf"]) {
      await pipeline.ingest.ingestLocalFile(batch.id, path.join(pipeline.inputDir, name), name);
    }
    await waitForBatch(pipeline.runtime.batches, batch.id, () => {});
    const [file, failed] = await pipeline.runtime.files.listByBatch(batch.id);
    if (!file || !failed) throw new Error("files missing from the batch");

    expect(file.status).toBe("done");
    expect(file.pageCount).toBe(6); // every page of the file, sheets included
    const pages = await pipeline.runtime.pages.listByFile(file.id);
    expect(pages.map((page) => [page.pageNumber, page.status])).toEqual([
      [2, "ocr_done"],
      [4, "ocr_done"],
      [6, "ocr_done"],
    ]);

    const cases = await caseFiles.listByFile(file.id);
    expect(
      cases.map((each) => ({
        caseIndex: each.caseIndex,
        pages: [each.firstPage, each.lastPage, each.pageCount],
        sheet: each.sheet,
      })),
    ).toEqual(
      SHEETS.map((sheet, index) => ({
        caseIndex: index,
        pages: [2 * index + 2, 2 * index + 2, 1],
        sheet: { pageNumber: 2 * index + 1, ...sheet },
      })),
    );

    const records = await pipeline.runtime.records.listByFile(file.id);
    expect(records.map((record) => record.pages)).toEqual([[2], [4], [6]]);
    for (const [index, record] of records.entries()) {
      const caseFile = await caseFiles.getForRecord(record.id);
      expect(caseFile?.caseIndex, `record on page ${record.pages}`).toBe(index);
      expect(caseFile?.sheet?.caseNumber).toBe(SHEETS[index]?.caseNumber);
    }
    expect((await caseFiles.listByBatch(batch.id)).length).toBe(3);

    // The damaged sheet stops its file with the clerk's reason; nothing of it goes on to OCR.
    expect(failed.status).toBe("failed");
    expect(failed.errorCode).toBe("separator_sheet_unreadable");
    expect(failed.errorMessage).toMatch(/^3ページ目は区切り紙のようですが/);
    expect(await pipeline.runtime.records.listByFile(failed.id)).toEqual([]);
    expect(await caseFiles.listByFile(failed.id)).toEqual([]);
    const failedPages = await pipeline.runtime.pages.listByFile(failed.id);
    expect(failedPages.every((page) => page.status === "split")).toBe(true);
  });
});
