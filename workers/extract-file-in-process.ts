import path from "node:path";
import type { SearchablePdfPage } from "../export/searchable-pdf.ts";
import { sha256OfFile } from "../ingest/hash-file.ts";
import { attachRedactions } from "./extract/attach-redactions.ts";
import { evidenceFromReading } from "./extract/evidence-from-reading.ts";
import type { ExtractFormsOptions } from "./extract/extract-forms.ts";
import type { ExtractedForm } from "./extract/extracted-form.ts";
import { recordIdFor } from "./extract/record-id.ts";
import { type RecordV1, toRecordV1 } from "./extract/record-v1.ts";
import { CaseFileExtraction, groupPagesByCaseFile } from "./extract-forms-per-case-file.ts";
import { type ReadPageOptions, readPage } from "./ocr/read-page.ts";
import type { TesseractPool } from "./ocr/tesseract-pool.ts";
import { CaseFileCuts } from "./split/case-file-cut.ts";
import { inspectFile } from "./split/inspect-file.ts";
import { splitFile } from "./split/split-file.ts";
import { splitIntoCaseFiles } from "./split/split-into-case-files.ts";

export interface ExtractFileOptions {
  pool: TesseractPool;
  maxPixels: number;
  renderDpi: number;
  /** As the OCR stage's; default on. */
  reading?: ReadPageOptions;
  extraction?: ExtractFormsOptions;
}

export interface ExtractedFile {
  records: RecordV1[];
  /** The pages as the OCR stage would store them, in file order: what a searchable PDF is made of. */
  pages: SearchablePdfPage[];
}

/**
 * The whole pipeline for one file in this process, without Redis or a database: the same split,
 * OCR and extract stage functions the queue workers run, separator sheets included. Used by
 * `kamiroku extract`.
 */
export async function extractFileInProcess(
  filePath: string,
  options: ExtractFileOptions,
): Promise<ExtractedFile> {
  const { maxPixels, renderDpi, pool } = options;
  const sha256 = await sha256OfFile(filePath);
  const { mediaType } = await inspectFile(filePath, { maxPixels });
  const pending = [];
  const cuts = new CaseFileCuts();
  const split = splitFile(filePath, { mediaType, maxPixels, renderDpi });
  for await (const item of splitIntoCaseFiles(split)) {
    cuts.add(item);
    if (item.kind === "sheet") continue;
    const { page } = item;
    pending.push(
      readPage(page.data, pool, options.reading).then(async (reading) => ({
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
  // Forms never run across a separator sheet; the sheets' metadata has no place in
  // kamiroku.record/v1, so here it only decides where case files begin.
  const caseFiles = cuts.list().map(({ pages: own }) => ({
    firstPage: own[0] ?? null,
    lastPage: own.at(-1) ?? null,
  }));
  const forms: ExtractedForm[] = [];
  for (const group of groupPagesByCaseFile(pages, caseFiles)) {
    const extraction = new CaseFileExtraction(async (form) => {
      forms.push(...attachRedactions([{ ...form, formIndex: forms.length }], pages));
    }, options.extraction);
    for (const page of group.pages) await extraction.add(page.evidence);
    await extraction.finish();
  }
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
