import path from "node:path";
import type { SearchablePdfPage } from "../export/searchable-pdf.ts";
import { sha256OfFile } from "../ingest/hash-file.ts";
import { attachRedactions } from "./extract/attach-redactions.ts";
import { evidenceFromReading } from "./extract/evidence-from-reading.ts";
import { type ExtractFormsOptions, extractForms } from "./extract/extract-forms.ts";
import { recordIdFor } from "./extract/record-id.ts";
import { type RecordV1, toRecordV1 } from "./extract/record-v1.ts";
import { readPage } from "./ocr/read-page.ts";
import type { TesseractPool } from "./ocr/tesseract-pool.ts";
import { inspectFile } from "./split/inspect-file.ts";
import { splitFile } from "./split/split-file.ts";

export interface ExtractFileOptions {
  pool: TesseractPool;
  maxPixels: number;
  renderDpi: number;
  extraction?: ExtractFormsOptions;
}

export interface ExtractedFile {
  records: RecordV1[];
  /** The pages as the OCR stage would store them, in file order: what a searchable PDF is made of. */
  pages: SearchablePdfPage[];
}

/**
 * The whole pipeline for one file in this process, without Redis or a database: the same split,
 * OCR and extract stage functions the queue workers run. Used by `kamiroku extract`.
 */
export async function extractFileInProcess(
  filePath: string,
  options: ExtractFileOptions,
): Promise<ExtractedFile> {
  const { maxPixels, renderDpi, pool } = options;
  const sha256 = await sha256OfFile(filePath);
  const { mediaType } = await inspectFile(filePath, { maxPixels });
  const pending = [];
  for await (const page of splitFile(filePath, { mediaType, maxPixels, renderDpi })) {
    pending.push(
      readPage(page.data, pool).then(async (reading) => ({
        pageNumber: page.pageNumber,
        stored: { image: reading.image.data, ocr: reading.ocr },
        text: reading.ocr.text,
        redactions: reading.ocr.redactions,
        evidence: await evidenceFromReading(page.pageNumber, reading.ocr, reading.image.data),
      })),
    );
  }
  const pages = await Promise.all(pending);
  const pageTexts = new Map(pages.map((page) => [page.pageNumber, page.text]));
  const forms = attachRedactions(
    extractForms(
      pages.map((page) => page.evidence),
      options.extraction,
    ),
    pages,
  );
  const records = forms.map((form) =>
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
  return { records, pages: pages.map((page) => page.stored) };
}
