import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../storage/db/database.ts";
import { migrate } from "../../storage/db/migrations.ts";
import { openDatabase } from "../../storage/db/open-database.ts";
import { DEFAULT_AGENCY_ID } from "../../storage/repositories/agency-repository.ts";
import { BatchRepository } from "../../storage/repositories/batch-repository.ts";
import { PageRepository } from "../../storage/repositories/page-repository.ts";
import { RecordRepository } from "../../storage/repositories/record-repository.ts";
import { RowNotFoundError } from "../../storage/repositories/row-not-found-error.ts";
import {
  type NewSourceFile,
  SourceFileRepository,
} from "../../storage/repositories/source-file-repository.ts";
import {
  createTestDatabase,
  TEST_DATABASE_KINDS,
  type TestDatabase,
} from "../helpers/test-databases.ts";

const MISSING_ID = "00000000-0000-4000-8000-000000000000";

const migrationFiles = (
  await readdir(new URL("../../storage/db/migrations/", import.meta.url))
).filter((file) => file.endsWith(".sql"));

function randomSha256(): string {
  return randomBytes(32).toString("hex");
}

function uniqueName(prefix: string): string {
  return `${prefix} ${randomBytes(4).toString("hex")}`;
}

/** The JS type of each column, to compare what the two implementations return. */
function typesOf(row: object | undefined): Record<string, string> {
  const typeOf = (value: unknown): string => {
    if (value === null) return "null";
    if (value instanceof Date) return "Date";
    if (Array.isArray(value)) return `${[...new Set(value.map(typeOf))].join("|")}[]`;
    return typeof value;
  };
  return Object.fromEntries(
    Object.entries(row ?? {}).map(([column, value]) => [column, typeOf(value)]),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(TEST_DATABASE_KINDS)("database contract: %s", (kind) => {
  let target: TestDatabase;
  let db: Database;
  let batches: BatchRepository;
  let files: SourceFileRepository;
  let pages: PageRepository;
  let records: RecordRepository;

  beforeAll(async () => {
    target = await createTestDatabase(kind);
    db = await target.open();
    batches = new BatchRepository(db);
    files = new SourceFileRepository(db);
    pages = new PageRepository(db);
    records = new RecordRepository(db);
  });

  afterAll(async () => {
    await db?.close();
    await target?.dispose();
  });

  /** A new batch with one file in it: the starting point of most tests. */
  async function newFile(overrides: Partial<NewSourceFile> = {}) {
    const batch = await batches.getOrCreate(uniqueName("batch"));
    const sha256 = overrides.sha256 ?? randomSha256();
    const { file } = await files.insertFirstCopyOrDuplicate({
      batchId: batch.id,
      fileName: "相談票 2024-04.pdf",
      sha256,
      sizeBytes: 123_456,
      objectKey: `originals/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`,
      ...overrides,
    });
    return { batch, file };
  }

  describe("migrations", () => {
    it("applies every migration once and records it", async () => {
      const rows = await db.query<{ version: number; name: string; applied_at: Date }>(
        "SELECT version, name, applied_at FROM schema_migrations ORDER BY version",
      );
      expect(
        rows.map(({ version, name }) => `${String(version).padStart(3, "0")}_${name}.sql`),
      ).toEqual(migrationFiles.sort());
      expect(rows[0]?.applied_at).toBeInstanceOf(Date);
    });

    it("does nothing when run again on the same database", async () => {
      expect(await migrate(db)).toEqual([]);
      expect(await migrate(db)).toEqual([]);
      const [count] = await db.query<{ n: number }>("SELECT count(*) AS n FROM schema_migrations");
      expect(count?.n).toBe(migrationFiles.length);
    });

    it("reports what it applied on a new database", async () => {
      const fresh = await createTestDatabase(kind);
      const other = await fresh.open();
      try {
        await other.query(
          `DROP TABLE near_duplicates, case_files, webhook_deliveries, record_exports, field_reviews, audit_log, api_tokens,
             sessions, users, records, pages, source_files, batches, agencies, schema_migrations
             CASCADE;
           DROP SEQUENCE record_export_seq;
           DROP FUNCTION audit_log_is_append_only, records_status_transition_allowed`,
        );
        expect(await migrate(other)).toEqual([
          { version: 1, name: "initial" },
          { version: 2, name: "page_reading" },
          { version: 3, name: "review" },
          { version: 4, name: "platform" },
          { version: 5, name: "case_files" },
          { version: 6, name: "near_duplicates" },
        ]);
      } finally {
        await other.close();
        await fresh.dispose();
      }
    });

    // PGlite has one connection per database, so only PostgreSQL can race two starts.
    if (kind === "postgresql") {
      it("migrates once when several pools start on a new schema at the same moment", async () => {
        const fresh = await createTestDatabase(kind);
        const opened = await Promise.allSettled([fresh.open(), fresh.open(), fresh.open()]);
        const dbs = opened.flatMap((result) =>
          result.status === "fulfilled" ? [result.value] : [],
        );
        try {
          expect(opened.filter((result) => result.status === "rejected")).toEqual([]);
          for (const each of dbs) {
            const [count] = await each.query<{ n: number }>(
              "SELECT count(*) AS n FROM schema_migrations",
            );
            expect(count?.n).toBe(migrationFiles.length);
          }
        } finally {
          await Promise.all(dbs.map((each) => each.close()));
          await fresh.dispose();
        }
      });
    }
  });

  // The default when no PostgreSQL URL is configured.
  if (kind === "pglite") {
    it("keeps its data in embeddedDir across restarts", async () => {
      const folder = await mkdtemp(join(tmpdir(), "kamiroku-pglite-"));
      const embeddedDir = join(folder, "db");
      try {
        const first = await openDatabase({ embeddedDir });
        await new BatchRepository(first).getOrCreate("persisted");
        await first.close();

        const reopened = await openDatabase({ embeddedDir });
        try {
          expect(reopened.describe()).toBe(`pglite:${embeddedDir}`);
          expect(await migrate(reopened)).toEqual([]);
          expect(await new BatchRepository(reopened).findByName("persisted")).not.toBeNull();
        } finally {
          await reopened.close();
        }
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    });
  }

  describe("transactions", () => {
    it("commits when the work resolves", async () => {
      const name = uniqueName("committed");
      await db.transaction((tx) => new BatchRepository(tx).getOrCreate(name));
      expect(await batches.findByName(name)).not.toBeNull();
    });

    it("rolls back when the work throws", async () => {
      const name = uniqueName("rolled back");
      await expect(
        db.transaction(async (tx) => {
          await new BatchRepository(tx).getOrCreate(name);
          throw new Error("stop");
        }),
      ).rejects.toThrow("stop");
      expect(await batches.findByName(name)).toBeNull();
    });

    it("runs a multi-statement script when given no params", async () => {
      const rows = await db.query<{ b: number }>("SELECT 1 AS a; SELECT 2 AS b");
      expect(rows).toEqual([{ b: 2 }]);
    });
  });

  describe("constraints", () => {
    it("rejects an unknown file status", async () => {
      const { file } = await newFile();
      await expect(
        db.query("UPDATE source_files SET status = 'lost' WHERE id = $1", [file.id]),
      ).rejects.toThrow(/check constraint/);
    });

    it("rejects a duplicate without its first copy, and a failure without a message", async () => {
      const { file } = await newFile();
      await expect(
        db.query("UPDATE source_files SET status = 'duplicate' WHERE id = $1", [file.id]),
      ).rejects.toThrow(/check constraint/);
      await expect(
        db.query("UPDATE source_files SET status = 'failed' WHERE id = $1", [file.id]),
      ).rejects.toThrow(/check constraint/);
    });

    it("rejects a second first copy of one content", async () => {
      const { batch, file } = await newFile();
      await expect(
        db.query(
          "INSERT INTO source_files (batch_id, file_name, sha256, size_bytes, object_key) VALUES ($1, 'b.pdf', $2, 1, 'k')",
          [batch.id, file.sha256],
        ),
      ).rejects.toThrow(/unique/);
    });

    it("rejects an unknown page status, record status and document type", async () => {
      const { file } = await newFile();
      await pages.upsertSplitPage({
        fileId: file.id,
        pageNumber: 1,
        imageKey: "k",
        width: 1,
        height: 1,
        splitMethod: "rendered",
      });
      await expect(
        db.query("UPDATE pages SET status = 'lost' WHERE file_id = $1", [file.id]),
      ).rejects.toThrow(/check constraint/);
      await expect(
        records.upsertExtracted({
          fileId: file.id,
          formIndex: 0,
          docType: "letter" as "intake",
          pages: [1],
          items: { common: {}, optional: {}, custom: {} },
          redactions: [],
          needsReview: true,
        }),
      ).rejects.toThrow(/check constraint/);
    });
  });

  describe("batches", () => {
    it("creates a batch once and finds it by name and id", async () => {
      const name = uniqueName("2024年4月 相談記録");
      const created = await batches.getOrCreate(name);
      expect(created).toEqual({
        id: expect.any(String),
        name,
        agencyId: DEFAULT_AGENCY_ID,
        createdAt: expect.any(Date),
      });
      expect(await batches.getOrCreate(name)).toEqual(created);
      expect(await batches.findByName(name)).toEqual(created);
      expect(await batches.get(created.id)).toEqual(created);
    });

    it("returns null for an unknown batch", async () => {
      expect(await batches.findByName(uniqueName("unknown"))).toBeNull();
      expect(await batches.get(MISSING_ID)).toBeNull();
    });

    it("gives concurrent creators of one name the same batch", async () => {
      const name = uniqueName("concurrent");
      const results = await Promise.all(
        Array.from({ length: 10 }, () => batches.getOrCreate(name)),
      );
      expect(new Set(results.map((batch) => batch.id)).size).toBe(1);
    });
  });

  describe("source files", () => {
    it("inserts the first copy of a content as 'stored'", async () => {
      const batch = await batches.getOrCreate(uniqueName("batch"));
      const sha256 = randomSha256();
      const inserted = await files.insertFirstCopyOrDuplicate({
        batchId: batch.id,
        fileName: "面談記録.pdf",
        sha256,
        sizeBytes: 5_000_000_000,
        objectKey: "originals/x",
      });
      expect(inserted).toEqual({
        file: {
          id: expect.any(String),
          batchId: batch.id,
          fileName: "面談記録.pdf",
          sha256,
          sizeBytes: 5_000_000_000,
          mediaType: null,
          objectKey: "originals/x",
          status: "stored",
          errorCode: null,
          errorMessage: null,
          duplicateOf: null,
          pageCount: null,
          createdAt: expect.any(Date),
          updatedAt: expect.any(Date),
        },
        duplicateOf: null,
      });
      expect(await files.get(inserted.file.id)).toEqual(inserted.file);
    });

    it("records a later copy of the same content as a duplicate of the first", async () => {
      const { file: first } = await newFile();
      const otherBatch = await batches.getOrCreate(uniqueName("other batch"));
      const second = await files.insertFirstCopyOrDuplicate({
        batchId: otherBatch.id,
        fileName: "copy.pdf",
        sha256: first.sha256,
        sizeBytes: first.sizeBytes,
        objectKey: first.objectKey,
      });
      expect(second.duplicateOf).toEqual(first);
      expect(second.file).toMatchObject({
        batchId: otherBatch.id,
        fileName: "copy.pdf",
        status: "duplicate",
        duplicateOf: first.id,
      });
      expect(second.file.id).not.toBe(first.id);

      const third = await files.insertFirstCopyOrDuplicate({ ...second.file, fileName: "3.pdf" });
      expect(third.duplicateOf?.id).toBe(first.id);
    });

    it("makes exactly one of 10 concurrent uploads of one content the first copy", async () => {
      const batch = await batches.getOrCreate(uniqueName("concurrent uploads"));
      const sha256 = randomSha256();
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          files.insertFirstCopyOrDuplicate({
            batchId: batch.id,
            fileName: `scan-${index}.pdf`,
            sha256,
            sizeBytes: 1,
            objectKey: "originals/x",
          }),
        ),
      );
      const firsts = results.filter((result) => result.duplicateOf === null);
      expect(firsts).toHaveLength(1);
      const firstId = firsts[0]?.file.id;
      for (const result of results.filter((each) => each.duplicateOf !== null)) {
        expect(result.duplicateOf?.id).toBe(firstId);
        expect(result.file).toMatchObject({ status: "duplicate", duplicateOf: firstId });
      }
      expect(await files.listByBatch(batch.id)).toHaveLength(10);
    });

    it("updates media type, page count and status, touching updated_at each time", async () => {
      const { file } = await newFile();
      let previous = file.updatedAt;
      const expectTouched = (updatedAt: Date) => {
        expect(updatedAt.getTime()).toBeGreaterThan(previous.getTime());
        previous = updatedAt;
      };

      await sleep(5);
      const typed = await files.setMediaType(file.id, "application/pdf");
      expect(typed.mediaType).toBe("application/pdf");
      expectTouched(typed.updatedAt);

      await sleep(5);
      const counted = await files.setPageCount(file.id, 12);
      expect(counted.pageCount).toBe(12);
      expectTouched(counted.updatedAt);

      await sleep(5);
      const queued = await files.setStatus(file.id, "queued");
      expect(queued.status).toBe("queued");
      expectTouched(queued.updatedAt);

      expect(await files.get(file.id)).toEqual(queued);
    });

    it("marks a file failed with its error, and clears the error when it is retried", async () => {
      const { file } = await newFile();
      const failed = await files.markFailed(file.id, {
        code: "pdf_encrypted",
        message: "PDFにパスワードが設定されています。",
      });
      expect(failed).toMatchObject({
        status: "failed",
        errorCode: "pdf_encrypted",
        errorMessage: "PDFにパスワードが設定されています。",
      });
      expect(failed.updatedAt.getTime()).toBeGreaterThanOrEqual(file.updatedAt.getTime());

      const retried = await files.setStatus(file.id, "queued");
      expect(retried).toMatchObject({ status: "queued", errorCode: null, errorMessage: null });
    });

    it("refuses to move a duplicate into processing", async () => {
      const { file: first } = await newFile();
      const { file: duplicate } = await files.insertFirstCopyOrDuplicate({ ...first });
      await expect(files.setStatus(duplicate.id, "queued")).rejects.toThrow(/check constraint/);
      await expect(files.markFailed(duplicate.id, { code: "empty", message: "x" })).rejects.toThrow(
        /check constraint/,
      );
    });

    it("throws RowNotFoundError when updating an unknown file, and get returns null", async () => {
      expect(await files.get(MISSING_ID)).toBeNull();
      await expect(files.setStatus(MISSING_ID, "queued")).rejects.toBeInstanceOf(RowNotFoundError);
      await expect(files.setMediaType(MISSING_ID, "image/png")).rejects.toBeInstanceOf(
        RowNotFoundError,
      );
      await expect(files.setPageCount(MISSING_ID, 1)).rejects.toBeInstanceOf(RowNotFoundError);
      await expect(
        files.markFailed(MISSING_ID, { code: "empty", message: "x" }),
      ).rejects.toBeInstanceOf(RowNotFoundError);
    });

    it("lists a batch's files in the order they were handed in, then by name", async () => {
      const batch = await batches.getOrCreate(uniqueName("listing"));
      const insert = (repository: SourceFileRepository, fileName: string) =>
        repository.insertFirstCopyOrDuplicate({
          batchId: batch.id,
          fileName,
          sha256: randomSha256(),
          sizeBytes: 1,
          objectKey: "k",
        });
      // One upload of three files, then a later one.
      await db.transaction(async (tx) => {
        const repository = new SourceFileRepository(tx);
        for (const fileName of ["c.pdf", "a.pdf", "b.pdf"]) {
          await insert(repository, fileName);
        }
      });
      await sleep(5);
      await insert(files, "0.pdf");

      expect((await files.listByBatch(batch.id)).map((file) => file.fileName)).toEqual([
        "a.pdf",
        "b.pdf",
        "c.pdf",
        "0.pdf",
      ]);
      expect(await files.listByBatch(MISSING_ID)).toEqual([]);
    });
  });

  describe("pages", () => {
    const split = (fileId: string, pageNumber: number) => ({
      fileId,
      pageNumber,
      imageKey: `pages/x/${String(pageNumber).padStart(4, "0")}.png`,
      width: 2480,
      height: 3508,
      splitMethod: "embedded-image",
    });

    it("upserts a split page idempotently", async () => {
      const { file } = await newFile();
      const first = await pages.upsertSplitPage(split(file.id, 1));
      expect(first).toEqual({
        id: expect.any(String),
        ...split(file.id, 1),
        status: "split",
        ocrKey: null,
        ocrText: null,
        ocrConfidence: null,
        blank: false,
        createdAt: expect.any(Date),
        updatedAt: expect.any(Date),
      });
      const again = await pages.upsertSplitPage(split(file.id, 1));
      expect(again.id).toBe(first.id);
      expect(await pages.listByFile(file.id)).toHaveLength(1);
      expect(await pages.get(file.id, 1)).toEqual(again);
    });

    it("lists pages in page order and counts those with OCR done", async () => {
      const { file } = await newFile();
      for (const pageNumber of [3, 1, 2]) {
        await pages.upsertSplitPage(split(file.id, pageNumber));
      }
      expect((await pages.listByFile(file.id)).map((page) => page.pageNumber)).toEqual([1, 2, 3]);
      expect(await pages.countOcrDone(file.id)).toBe(0);

      const done = await pages.saveOcr({
        fileId: file.id,
        pageNumber: 2,
        ocrKey: "pages/x/0002.ocr.json",
        text: "氏名 山田太郎",
        confidence: 0.875,
        blank: false,
        image: { key: "pages/x/0002.upright.png", width: 2400, height: 3400 },
      });
      expect(done).toMatchObject({
        status: "ocr_done",
        imageKey: "pages/x/0002.upright.png",
        width: 2400,
        blank: false,
        ocrKey: "pages/x/0002.ocr.json",
        ocrText: "氏名 山田太郎",
        ocrConfidence: 0.875,
      });
      expect(await pages.countOcrDone(file.id)).toBe(1);
      expect(await pages.countOcrDone(MISSING_ID)).toBe(0);
    });

    it("keeps OCR when a retried split yields the same image, drops it when the image changed", async () => {
      const { file } = await newFile();
      await pages.upsertSplitPage(split(file.id, 1));
      const ocr = {
        fileId: file.id,
        pageNumber: 1,
        ocrKey: "pages/x/0001.ocr.json",
        text: "相談内容",
        confidence: 0.5,
        blank: false,
        // The same image as split stored: the split retry below must keep the OCR.
        image: { key: split(file.id, 1).imageKey, width: 2480, height: 3508 },
      };
      await pages.saveOcr(ocr);

      const retried = await pages.upsertSplitPage(split(file.id, 1));
      expect(retried).toMatchObject({ status: "ocr_done", ocrText: "相談内容" });

      const resplit = await pages.upsertSplitPage({
        ...split(file.id, 1),
        width: 1240,
        height: 1754,
      });
      expect(resplit).toMatchObject({
        width: 1240,
        status: "split",
        ocrKey: null,
        ocrText: null,
        ocrConfidence: null,
      });
    });

    it("returns null for an unknown page and refuses OCR for it", async () => {
      const { file } = await newFile();
      expect(await pages.get(file.id, 1)).toBeNull();
      await expect(
        pages.saveOcr({
          fileId: file.id,
          pageNumber: 1,
          ocrKey: "k",
          text: "",
          confidence: 0,
          blank: true,
          image: { key: "k.png", width: 1, height: 1 },
        }),
      ).rejects.toBeInstanceOf(RowNotFoundError);
    });
  });

  describe("records", () => {
    const extracted = (fileId: string, formIndex: number) => ({
      fileId,
      formIndex,
      docType: "intake" as const,
      pages: [1, 2],
      items: {
        common: { name: "山田 太郎", consultedOn: "2024-04-01" },
        optional: {},
        custom: { 備考: ["a", "b"] },
      },
      redactions: [{ page: 1, bbox: [10, 20, 30, 40], reason: "my_number" }],
      needsReview: true,
    });

    it("upserts extracted records idempotently per file and form index", async () => {
      const { file } = await newFile();
      const first = await records.upsertExtracted(extracted(file.id, 0));
      expect(first).toEqual({
        id: expect.any(String),
        ...extracted(file.id, 0),
        status: "extracted",
        createdAt: expect.any(Date),
        updatedAt: expect.any(Date),
      });
      const rerun = await records.upsertExtracted({
        ...extracted(file.id, 0),
        docType: "assessment",
        pages: [1],
        needsReview: false,
      });
      expect(rerun).toMatchObject({
        id: first.id,
        docType: "assessment",
        pages: [1],
        needsReview: false,
      });
      expect(await records.listByFile(file.id)).toHaveLength(1);
      expect(await records.get(first.id)).toEqual(rerun);
    });

    it("gives a new record the id the caller derived, and keeps it on a re-run", async () => {
      const { file } = await newFile();
      const id = "5d2b1c3a-1111-8222-9333-444455556666";
      const first = await records.upsertExtracted({ ...extracted(file.id, 0), id });
      expect(first.id).toBe(id);
      const rerun = await records.upsertExtracted({ ...extracted(file.id, 0), id, pages: [2] });
      expect(rerun).toMatchObject({ id, pages: [2] });
    });

    it("leaves a record a person has started reviewing untouched", async () => {
      const { file } = await newFile();
      const first = await records.upsertExtracted(extracted(file.id, 0));
      await db.query("UPDATE records SET status = 'in_review' WHERE id = $1", [first.id]);

      const rerun = await records.upsertExtracted({ ...extracted(file.id, 0), docType: "plan" });
      expect(rerun).toEqual({ ...first, status: "in_review" });
    });

    it("lists records by file and by batch in order", async () => {
      const { batch, file } = await newFile();
      await sleep(5);
      const { file: second } = await files.insertFirstCopyOrDuplicate({
        batchId: batch.id,
        fileName: "z.pdf",
        sha256: randomSha256(),
        sizeBytes: 1,
        objectKey: "k",
      });
      await records.upsertExtracted(extracted(second.id, 0));
      await records.upsertExtracted(extracted(file.id, 1));
      await records.upsertExtracted(extracted(file.id, 0));

      expect((await records.listByFile(file.id)).map((record) => record.formIndex)).toEqual([0, 1]);
      expect(
        (await records.listByBatch(batch.id)).map((record) => [record.fileId, record.formIndex]),
      ).toEqual([
        [file.id, 0],
        [file.id, 1],
        [second.id, 0],
      ]);
      expect(await records.get(MISSING_ID)).toBeNull();
    });
  });

  describe("batch summaries", () => {
    it("counts files by status, pages and records", async () => {
      const { batch, file: processing } = await newFile();
      await files.setStatus(processing.id, "ocr");
      await files.insertFirstCopyOrDuplicate({ ...processing, fileName: "again.pdf" });
      const { file: broken } = await files.insertFirstCopyOrDuplicate({
        ...processing,
        sha256: randomSha256(),
      });
      await files.markFailed(broken.id, { code: "pdf_damaged", message: "壊れています" });

      for (const pageNumber of [1, 2, 3]) {
        await pages.upsertSplitPage({
          fileId: processing.id,
          pageNumber,
          imageKey: "k",
          width: 1,
          height: 1,
          splitMethod: "rendered",
        });
      }
      await pages.saveOcr({
        fileId: processing.id,
        pageNumber: 1,
        ocrKey: "k",
        text: "",
        confidence: 0,
        blank: true,
        image: { key: "k.png", width: 1, height: 1 },
      });

      const record = {
        fileId: processing.id,
        docType: "progress" as const,
        pages: [1],
        items: { common: {}, optional: {}, custom: {} },
        redactions: [],
      };
      await records.upsertExtracted({ ...record, formIndex: 0, needsReview: true });
      await records.upsertExtracted({ ...record, formIndex: 1, needsReview: false });
      const verified = await records.upsertExtracted({
        ...record,
        formIndex: 2,
        needsReview: true,
      });
      await db.query("UPDATE records SET status = 'verified' WHERE id = $1", [verified.id]);

      const summary = await batches.summary(batch.id);
      expect(summary).toEqual({
        ...batch,
        files: {
          total: 3,
          byStatus: {
            stored: 0,
            queued: 0,
            splitting: 0,
            ocr: 1,
            extracting: 0,
            done: 0,
            failed: 1,
            duplicate: 1,
          },
        },
        pages: { total: 3, ocrDone: 1 },
        records: { total: 3, needsReview: 1 },
      });
      expect((await batches.listSummaries()).find((each) => each.id === batch.id)).toEqual(summary);
    });

    it("summarises an empty batch with zeros", async () => {
      const batch = await batches.getOrCreate(uniqueName("empty"));
      const summary = await batches.summary(batch.id);
      expect(summary.files.total).toBe(0);
      expect(Object.values(summary.files.byStatus).every((n) => n === 0)).toBe(true);
      expect(summary.pages).toEqual({ total: 0, ocrDone: 0 });
      expect(summary.records).toEqual({ total: 0, needsReview: 0 });
    });

    it("lists summaries oldest first and rejects an unknown batch", async () => {
      const summaries = await batches.listSummaries();
      const times = summaries.map((summary) => summary.createdAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      await expect(batches.summary(MISSING_ID)).rejects.toBeInstanceOf(RowNotFoundError);
    });
  });

  describe("row types", () => {
    // The same expectations for both implementations, so code above the repositories never
    // has to know which database it runs on.
    it("returns the same JS types for every column", async () => {
      const { batch, file } = await newFile();
      await files.setMediaType(file.id, "application/pdf");
      await files.setPageCount(file.id, 1);
      await pages.upsertSplitPage({
        fileId: file.id,
        pageNumber: 1,
        imageKey: "k",
        width: 10,
        height: 20,
        splitMethod: "rendered",
      });
      await pages.saveOcr({
        fileId: file.id,
        pageNumber: 1,
        ocrKey: "k",
        text: "t",
        confidence: 0.93,
        blank: false,
        image: { key: "k.png", width: 10, height: 20 },
      });
      await records.upsertExtracted({
        fileId: file.id,
        formIndex: 0,
        docType: "meeting",
        pages: [1],
        items: { common: { a: 1 }, optional: {}, custom: {} },
        redactions: [{ page: 1 }],
        needsReview: true,
      });

      const [batchRow] = await db.query("SELECT * FROM batches WHERE id = $1", [batch.id]);
      expect(typesOf(batchRow)).toEqual({
        id: "string",
        name: "string",
        agency_id: "string",
        created_at: "Date",
      });

      const [fileRow] = await db.query("SELECT * FROM source_files WHERE id = $1", [file.id]);
      expect(typesOf(fileRow)).toEqual({
        id: "string",
        batch_id: "string",
        file_name: "string",
        sha256: "string",
        size_bytes: "number",
        media_type: "string",
        object_key: "string",
        status: "string",
        error_code: "null",
        error_message: "null",
        duplicate_of: "null",
        page_count: "number",
        created_at: "Date",
        updated_at: "Date",
      });
      expect(fileRow).toMatchObject({ sha256: file.sha256, size_bytes: 123_456 });

      const [pageRow] = await db.query("SELECT * FROM pages WHERE file_id = $1", [file.id]);
      expect(typesOf(pageRow)).toEqual({
        id: "string",
        file_id: "string",
        page_number: "number",
        image_key: "string",
        width: "number",
        height: "number",
        split_method: "string",
        status: "string",
        ocr_key: "string",
        ocr_text: "string",
        ocr_confidence: "number",
        blank: "boolean",
        created_at: "Date",
        updated_at: "Date",
        fingerprint: "null",
      });
      expect(pageRow).toMatchObject({ ocr_confidence: 0.93 });

      const [recordRow] = await db.query("SELECT * FROM records WHERE file_id = $1", [file.id]);
      expect(typesOf(recordRow)).toEqual({
        id: "string",
        file_id: "string",
        form_index: "number",
        doc_type: "string",
        status: "string",
        pages: "number[]",
        items: "object",
        redactions: "object[]",
        needs_review: "boolean",
        created_at: "Date",
        updated_at: "Date",
        version: "number",
        lease_user_id: "null",
        lease_expires_at: "null",
        reviewed_by: "null",
        reviewed_at: "null",
        reject_reason: "null",
        case_file_id: "null",
      });
      expect(recordRow).toMatchObject({ items: { common: { a: 1 } }, redactions: [{ page: 1 }] });
    });

    it("reads counts and bigints as numbers, beyond 2^53 as bigint", async () => {
      const [row] = await db.query<Record<string, unknown>>(
        "SELECT count(*) AS n, 5000000000::bigint AS size, 9007199254740993::bigint AS huge",
      );
      expect(row).toEqual({ n: 1, size: 5_000_000_000, huge: 9_007_199_254_740_993n });
    });

    it("reads timestamps as the right instant", async () => {
      const before = Date.now();
      const { batch } = await newFile();
      expect(Math.abs(batch.createdAt.getTime() - before)).toBeLessThan(60_000);
    });
  });

  it("describes itself without a password", () => {
    expect(db.describe()).toMatch(
      kind === "postgresql" ? /^postgresql:\/\// : /^pglite:memory:\/\//,
    );
    expect(db.describe()).not.toContain("search_path");
  });
});
