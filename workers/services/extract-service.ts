import { UnrecoverableError } from "bullmq";
import type { ObjectStore } from "../../storage/objects/object-store.ts";
import type { PageRepository } from "../../storage/repositories/page-repository.ts";
import type { RecordRepository } from "../../storage/repositories/record-repository.ts";
import type { SourceFileRepository } from "../../storage/repositories/source-file-repository.ts";
import { extractForms, type OcredPage } from "../extract/extract-forms.ts";
import { recordIdFor } from "../extract/record-id.ts";
import type { OcrPageResult } from "../ocr/ocr-result.ts";
import type { ExtractJobData } from "../queues.ts";

/** Handles `extract` jobs: all OCRed pages of one source file → records. */
export class ExtractService {
  constructor(
    private readonly objects: ObjectStore,
    private readonly files: SourceFileRepository,
    private readonly pages: PageRepository,
    private readonly records: RecordRepository,
  ) {}

  async handleExtract({ fileId }: ExtractJobData): Promise<void> {
    const file = await this.files.get(fileId);
    if (!file) throw new UnrecoverableError(`source file ${fileId} does not exist`);
    await this.files.setStatus(fileId, "extracting");

    const ocredPages: OcredPage[] = [];
    for (const page of await this.pages.listByFile(fileId)) {
      if (!page.ocrKey)
        throw new Error(`page ${page.pageNumber} of file ${fileId} has no OCR result yet`);
      const ocr = JSON.parse(
        (await this.objects.getBuffer(page.ocrKey)).toString("utf8"),
      ) as OcrPageResult;
      ocredPages.push({ pageNumber: page.pageNumber, ocr });
    }
    for (const form of extractForms(ocredPages)) {
      await this.records.upsertExtracted({
        id: recordIdFor(file.sha256, form.formIndex),
        fileId,
        ...form,
      });
    }
    await this.files.setStatus(fileId, "done");
  }
}
