import { searchablePdfKey } from "../storage/objects/object-keys.ts";
import type { ObjectStore } from "../storage/objects/object-store.ts";
import type { PageRepository } from "../storage/repositories/page-repository.ts";
import type { OcrPageResult } from "../workers/ocr/ocr-result.ts";
import { buildSearchablePdf, type SearchablePdfPage } from "./searchable-pdf.ts";

/**
 * Builds a source file's searchable PDF from its stored page images and OCR JSON and stores it
 * under `searchablePdfKey`. Built afresh and overwritten on every call, so a retried or repeated
 * extract job leaves the PDF of the pages as they are now, never a stale one. Returns the key.
 */
export async function storeSearchablePdf(
  objects: ObjectStore,
  pages: PageRepository,
  file: { id: string; sha256: string },
): Promise<string> {
  const pdf = Buffer.from(await buildSearchablePdf(storedPages(objects, pages, file.id)));
  const key = searchablePdfKey(file.sha256);
  await objects.put(key, pdf, { size: pdf.length, contentType: "application/pdf" });
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
