import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { searchablePdfKey } from "../storage/objects/object-keys.ts";
import type { ObjectStore } from "../storage/objects/object-store.ts";
import type { PageRepository } from "../storage/repositories/page-repository.ts";
import type { OcrPageResult } from "../workers/ocr/ocr-result.ts";
import { type SearchablePdfPage, writeSearchablePdf } from "./searchable-pdf.ts";

/**
 * Builds a source file's searchable PDF from its stored page images and OCR JSON and stores it
 * under `searchablePdfKey`. Built afresh and overwritten on every call, so a retried or repeated
 * extract job leaves the PDF of the pages as they are now, never a stale one. Returns the key.
 *
 * The PDF is written to a temporary file first, not held in memory, since a long file's PDF is
 * as large as all its page images together; and not streamed into the store as it is built, so
 * that the store learns its size up front (an S3 store then uploads it in one request) and a page
 * that fails to build leaves the stored PDF as it was instead of breaking off an upload.
 */
export async function storeSearchablePdf(
  objects: ObjectStore,
  pages: PageRepository,
  file: { id: string; sha256: string },
): Promise<string> {
  const key = searchablePdfKey(file.sha256);
  const dir = await mkdtemp(join(tmpdir(), "kamiroku-searchable-pdf-"));
  try {
    const path = join(dir, "searchable.pdf");
    await writeSearchablePdf(storedPages(objects, pages, file.id), createWriteStream(path));
    const { size } = await stat(path);
    const body = createReadStream(path);
    try {
      await objects.put(key, body, { size, contentType: "application/pdf" });
    } finally {
      // A store that rejects before reading it all would otherwise leave the file open.
      body.destroy();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return key;
}

/** One page at a time: a long file's page images are never all in memory at once. */
async function* storedPages(
  objects: ObjectStore,
  pages: PageRepository,
  fileId: string,
): AsyncGenerator<SearchablePdfPage> {
  for (const page of await pages.listByFile(fileId)) {
    if (!page.ocrKey) {
      throw new Error(`page ${page.pageNumber} of file ${fileId} has no OCR result yet`);
    }
    const [image, json] = await Promise.all([
      objects.getBuffer(page.imageKey),
      objects.getBuffer(page.ocrKey),
    ]);
    yield { image, ocr: JSON.parse(json.toString("utf8")) as OcrPageResult };
  }
}
