import path from "node:path";
import { sha256OfFile } from "../ingest/hash-file.ts";
import { extractForms, type OcredPage } from "./extract/extract-forms.ts";
import { recordIdFor } from "./extract/record-id.ts";
import { type RecordV1, toRecordV1 } from "./extract/record-v1.ts";
import { ocrPage } from "./ocr/ocr-page.ts";
import type { TesseractPool } from "./ocr/tesseract-pool.ts";
import { inspectFile } from "./split/inspect-file.ts";
import { splitFile } from "./split/split-file.ts";

export interface ExtractFileOptions {
  pool: TesseractPool;
  maxPixels: number;
  renderDpi: number;
}

/**
 * The whole pipeline for one file in this process, without Redis or a database: the same split,
 * OCR and extract stage functions the queue workers run. Used by `kamiroku extract`.
 */
export async function extractFileInProcess(
  filePath: string,
  options: ExtractFileOptions,
): Promise<RecordV1[]> {
  const { maxPixels, renderDpi, pool } = options;
  const sha256 = await sha256OfFile(filePath);
  const { mediaType } = await inspectFile(filePath, { maxPixels });
  const pending: Promise<OcredPage>[] = [];
  for await (const page of splitFile(filePath, { mediaType, maxPixels, renderDpi })) {
    pending.push(ocrPage(page.data, pool).then((ocr) => ({ pageNumber: page.pageNumber, ocr })));
  }
  const pages = await Promise.all(pending);
  const pageTexts = new Map(pages.map((page) => [page.pageNumber, page.ocr.text]));
  return extractForms(pages).map((form) =>
    toRecordV1({
      recordId: recordIdFor(sha256, form.formIndex),
      docType: form.docType,
      status: "extracted",
      batchId: null,
      fileName: path.basename(filePath),
      sha256,
      pages: form.pages,
      items: form.items,
      redactions: form.redactions,
      pageTexts,
    }),
  );
}
