import { UnrecoverableError } from "bullmq";
import { storeSearchablePdf } from "../../export/store-searchable-pdf.ts";
import type { ObjectStore } from "../../storage/objects/object-store.ts";
import type { CaseFileRepository } from "../../storage/repositories/case-file-repository.ts";
import type { PageRepository } from "../../storage/repositories/page-repository.ts";
import type { RecordRepository } from "../../storage/repositories/record-repository.ts";
import type { SourceFileRepository } from "../../storage/repositories/source-file-repository.ts";
import { attachRedactions, type PageRedactions } from "../extract/attach-redactions.ts";
import { evidenceFromReading } from "../extract/evidence-from-reading.ts";
import type { ExtractFormsOptions } from "../extract/extract-forms.ts";
import { recordIdFor } from "../extract/record-id.ts";
import { CaseFileExtraction, groupPagesByCaseFile } from "../extract-forms-per-case-file.ts";
import type { OcrPageResult } from "../ocr/ocr-result.ts";
import type { ExtractJobData } from "../queues.ts";

/**
 * Handles `extract` jobs: all OCRed pages of one source file → records, each tied to its case
 * file, and the file's searchable PDF.
 */
export class ExtractService {
  constructor(
    private readonly objects: ObjectStore,
    private readonly files: SourceFileRepository,
    private readonly pages: PageRepository,
    private readonly records: RecordRepository,
    private readonly caseFiles: CaseFileRepository,
    private readonly options: ExtractFormsOptions,
  ) {}

  async handleExtract({ fileId }: ExtractJobData): Promise<void> {
    const file = await this.files.get(fileId);
    if (!file) throw new UnrecoverableError(`source file ${fileId} does not exist`);
    await this.files.setStatus(fileId, "extracting");

    // Page by page, one case file at a time: a 500-page batch never has all its pages in memory.
    let formIndex = 0;
    const caseFiles = await this.caseFiles.listByFile(fileId);
    const pageRows = await this.pages.listByFile(fileId);
    for (const { caseFile, pages } of groupPagesByCaseFile(pageRows, caseFiles)) {
      const redactions: PageRedactions[] = [];
      const extraction = new CaseFileExtraction(async (found) => {
        const [form] = attachRedactions([{ ...found, formIndex: formIndex++ }], redactions);
        if (!form) return;
        const record = await this.records.upsertExtracted({
          id: recordIdFor(file.sha256, form.formIndex),
          fileId,
          ...form,
        });
        if (caseFile) await this.caseFiles.assignRecord(record.id, caseFile.id);
      }, this.options);
      for (const page of pages) {
        if (!page.ocrKey) {
          throw new Error(`page ${page.pageNumber} of file ${fileId} has no OCR result yet`);
        }
        const json = await this.objects.getBuffer(page.ocrKey);
        const ocr = JSON.parse(json.toString("utf8")) as OcrPageResult;
        const image = await this.objects.getBuffer(page.imageKey);
        redactions.push({ pageNumber: page.pageNumber, redactions: ocr.redactions });
        await extraction.add(await evidenceFromReading(page.pageNumber, ocr, image));
      }
      await extraction.finish();
    }
    await storeSearchablePdf(this.objects, this.pages, file);
    await this.files.setStatus(fileId, "done");
  }
}
