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
import type { PageEvidence } from "../extract/page-evidence.ts";
import { recordIdFor } from "../extract/record-id.ts";
import { extractFormsPerCaseFile, groupPagesByCaseFile } from "../extract-forms-per-case-file.ts";
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

    const evidence: PageEvidence[] = [];
    const redactions: PageRedactions[] = [];
    for (const page of await this.pages.listByFile(fileId)) {
      if (!page.ocrKey) {
        throw new Error(`page ${page.pageNumber} of file ${fileId} has no OCR result yet`);
      }
      const json = await this.objects.getBuffer(page.ocrKey);
      const ocr = JSON.parse(json.toString("utf8")) as OcrPageResult;
      const image = await this.objects.getBuffer(page.imageKey);
      evidence.push(await evidenceFromReading(page.pageNumber, ocr, image));
      redactions.push({ pageNumber: page.pageNumber, redactions: ocr.redactions });
    }
    const caseFiles = await this.caseFiles.listByFile(fileId);
    const found = extractFormsPerCaseFile(groupPagesByCaseFile(evidence, caseFiles), this.options);
    const forms = attachRedactions(
      found.map(({ form }) => form),
      redactions,
    );
    for (const [index, form] of forms.entries()) {
      const record = await this.records.upsertExtracted({
        id: recordIdFor(file.sha256, form.formIndex),
        fileId,
        ...form,
      });
      const caseFile = found[index]?.caseFile;
      if (caseFile) await this.caseFiles.assignRecord(record.id, caseFile.id);
    }
    await storeSearchablePdf(this.objects, this.pages, file);
    await this.files.setStatus(fileId, "done");
  }
}
