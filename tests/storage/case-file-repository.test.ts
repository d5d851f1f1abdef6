import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../storage/db/database.ts";
import { BatchRepository } from "../../storage/repositories/batch-repository.ts";
import {
  CaseFileRepository,
  type CaseFileSheet,
} from "../../storage/repositories/case-file-repository.ts";
import { RecordRepository } from "../../storage/repositories/record-repository.ts";
import { RowNotFoundError } from "../../storage/repositories/row-not-found-error.ts";
import { SourceFileRepository } from "../../storage/repositories/source-file-repository.ts";
import {
  createTestDatabase,
  TEST_DATABASE_KINDS,
  type TestDatabase,
} from "../helpers/test-databases.ts";

const sheet = (pageNumber: number, caseNumber: string | null): CaseFileSheet => ({
  pageNumber,
  batch: "2023年度 箱12",
  agency: "さくら市社会福祉協議会",
  box: "12",
  caseNumber,
  serial: pageNumber,
});

describe.each(TEST_DATABASE_KINDS)("case files: %s", (kind) => {
  let target: TestDatabase;
  let db: Database;
  let caseFiles: CaseFileRepository;

  beforeAll(async () => {
    target = await createTestDatabase(kind);
    db = await target.open();
    caseFiles = new CaseFileRepository(db);
  });

  afterAll(async () => {
    await db?.close();
    await target?.dispose();
  });

  async function newFile() {
    const batch = await new BatchRepository(db).getOrCreate(`箱 ${randomBytes(4).toString("hex")}`);
    const sha256 = randomBytes(32).toString("hex");
    const { file } = await new SourceFileRepository(db).insertFirstCopyOrDuplicate({
      batchId: batch.id,
      fileName: "箱12.pdf",
      sha256,
      sizeBytes: 1,
      objectKey: `originals/${sha256}`,
    });
    return { batch, file };
  }

  it("stores the cut of a file, idempotently, and a shorter re-cut drops the rest", async () => {
    const { batch, file } = await newFile();
    const cut = [
      { fileId: file.id, caseIndex: 0, pages: [1], sheet: null },
      { fileId: file.id, caseIndex: 1, pages: [3, 4, 5], sheet: sheet(2, "R5-0101") },
      { fileId: file.id, caseIndex: 2, pages: [], sheet: sheet(6, null) },
    ];
    const first = await caseFiles.replaceForFile(file.id, cut);
    expect(
      first.map(({ caseIndex, firstPage, lastPage, pageCount, sheet }) => ({
        caseIndex,
        range: [firstPage, lastPage, pageCount],
        sheet,
      })),
    ).toEqual([
      { caseIndex: 0, range: [1, 1, 1], sheet: null },
      { caseIndex: 1, range: [3, 5, 3], sheet: sheet(2, "R5-0101") },
      { caseIndex: 2, range: [null, null, 0], sheet: sheet(6, null) },
    ]);
    const again = await caseFiles.replaceForFile(file.id, cut);
    expect(again.map((each) => each.id)).toEqual(first.map((each) => each.id));
    await caseFiles.replaceForFile(file.id, cut.slice(0, 2));
    expect((await caseFiles.listByFile(file.id)).map((each) => each.caseIndex)).toEqual([0, 1]);
    expect((await caseFiles.listByBatch(batch.id)).map((each) => each.id)).toEqual(
      first.slice(0, 2).map((each) => each.id),
    );
  });

  it("ties a record to its case file, for the review and batch views to show", async () => {
    const { file } = await newFile();
    const [, withSheet] = await caseFiles.replaceForFile(file.id, [
      { fileId: file.id, caseIndex: 0, pages: [1], sheet: null },
      { fileId: file.id, caseIndex: 1, pages: [3], sheet: sheet(2, "R5-0101") },
    ]);
    const record = await new RecordRepository(db).upsertExtracted({
      fileId: file.id,
      formIndex: 1,
      docType: "intake",
      pages: [3],
      items: { common: {}, optional: {}, custom: {} },
      redactions: [],
      needsReview: true,
    });
    expect(await caseFiles.getForRecord(record.id)).toBeNull();
    await caseFiles.assignRecord(record.id, withSheet?.id ?? "");
    expect((await caseFiles.getForRecord(record.id))?.sheet?.caseNumber).toBe("R5-0101");
    await expect(
      caseFiles.assignRecord("00000000-0000-4000-8000-000000000000", withSheet?.id ?? ""),
    ).rejects.toThrow(RowNotFoundError);
  });

  it("refuses a case file whose sheet lacks what every sheet says", async () => {
    const { file } = await newFile();
    await expect(
      db.query(
        `INSERT INTO case_files (file_id, case_index, page_count, sheet_page, sheet_batch)
         VALUES ($1, 0, 0, 1, 'b')`,
        [file.id],
      ),
    ).rejects.toThrow();
  });
});
