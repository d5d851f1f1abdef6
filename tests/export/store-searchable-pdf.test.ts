import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinFormDefinitions } from "../../config/forms/builtin-form-definitions.ts";
import type { SearchablePdfPage } from "../../export/searchable-pdf.ts";
import type { Database } from "../../storage/db/database.ts";
import { FilesystemObjectStore } from "../../storage/objects/filesystem-object-store.ts";
import {
  ocrResultKey,
  originalKey,
  pageImageKey,
  searchablePdfKey,
  uprightPageImageKey,
} from "../../storage/objects/object-keys.ts";
import { InvalidObjectKeyError } from "../../storage/objects/valid-object-key.ts";
import { BatchRepository } from "../../storage/repositories/batch-repository.ts";
import { CaseFileRepository } from "../../storage/repositories/case-file-repository.ts";
import { PageRepository } from "../../storage/repositories/page-repository.ts";
import { RecordRepository } from "../../storage/repositories/record-repository.ts";
import { SourceFileRepository } from "../../storage/repositories/source-file-repository.ts";
import { ExtractService } from "../../workers/services/extract-service.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-databases.ts";
import { blankReadPage, handReadPage } from "./hand-read-page.ts";
import { pdfPages, pdfText } from "./poppler.ts";

describe("searchablePdfKey", () => {
  it("fans out by the file's SHA-256 like the originals", () => {
    const sha256 = "ab".repeat(32);
    expect(searchablePdfKey(sha256)).toBe(`searchable/ab/ab/${sha256}.pdf`);
    expect(() => searchablePdfKey("../x")).toThrow(InvalidObjectKeyError);
  });
});

describe("the extract job stores the file's searchable PDF", () => {
  let database: TestDatabase;
  let db: Database;
  let dir: string;
  let objects: FilesystemObjectStore;
  let files: SourceFileRepository;
  let service: ExtractService;
  let fileId: string;
  const sha256 = createHash("sha256").update("store-searchable-pdf test").digest("hex");

  beforeAll(async () => {
    database = await createTestDatabase("postgresql");
    db = await database.open();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "kamiroku-searchable-"));
    objects = await FilesystemObjectStore.open({ root: dir });
    files = new SourceFileRepository(db);
    const pages = new PageRepository(db);
    const records = new RecordRepository(db);
    service = new ExtractService(objects, files, pages, records, new CaseFileRepository(db), {
      definitions: builtinFormDefinitions,
    });
    const batch = await new BatchRepository(db).getOrCreate("searchable-pdf");
    const { file } = await files.insertFirstCopyOrDuplicate({
      batchId: batch.id,
      fileName: "相談受付票.pdf",
      sha256,
      sizeBytes: 1,
      objectKey: originalKey(sha256),
    });
    fileId = file.id;
    const front = await handReadPage([["相談受付票"], ["氏名", "山田 花子"]]);
    const back = await blankReadPage(front.form.width, front.form.height);
    for (const [index, page] of [front, back].entries()) {
      await storeOcredPage(objects, pages, { id: fileId, sha256 }, index + 1, page);
    }
  });
  afterAll(async () => {
    await db?.close();
    await database?.dispose();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("under the file's key, with every page and the page text, the same on a retry", async () => {
    await service.handleExtract({ fileId });
    const pdf = await objects.getBuffer(searchablePdfKey(sha256));
    expect(pdfPages(pdf).count).toBe(2);
    expect(pdfText(pdf)).toContain("相談受付票");
    expect(pdfText(pdf)).toContain("山田 花子");
    expect((await files.get(fileId))?.status).toBe("done");

    await service.handleExtract({ fileId });
    expect((await objects.getBuffer(searchablePdfKey(sha256))).equals(pdf)).toBe(true);
  });
});

/** What the split and OCR stages leave behind for a page: its row, image and OCR JSON. */
async function storeOcredPage(
  objects: FilesystemObjectStore,
  pages: PageRepository,
  file: { id: string; sha256: string },
  pageNumber: number,
  { image, ocr }: SearchablePdfPage,
): Promise<void> {
  const { id: fileId, sha256 } = file;
  const { width, height } = ocr;
  await pages.upsertSplitPage({
    fileId,
    pageNumber,
    imageKey: pageImageKey(sha256, pageNumber, "png"),
    width,
    height,
    splitMethod: "embedded-image",
  });
  const imageKey = uprightPageImageKey(sha256, pageNumber);
  const ocrKey = ocrResultKey(sha256, pageNumber);
  await objects.put(imageKey, image);
  await objects.put(ocrKey, Buffer.from(JSON.stringify(ocr)));
  await pages.saveOcr({
    fileId,
    pageNumber,
    ocrKey,
    text: ocr.text,
    confidence: ocr.confidence,
    blank: ocr.blank,
    image: { key: imageKey, width, height },
  });
}
