import { UnrecoverableError } from "bullmq";
import { InputFileError } from "../../ingest/input-file-error.ts";
import { pageImageKey } from "../../storage/objects/object-keys.ts";
import type { ObjectStore } from "../../storage/objects/object-store.ts";
import type { PageRepository } from "../../storage/repositories/page-repository.ts";
import type { SourceFileRepository } from "../../storage/repositories/source-file-repository.ts";
import type { JobRepository } from "../job-repository.ts";
import type { SplitJobData } from "../queues.ts";
import { inspectFile } from "../split/inspect-file.ts";
import { splitFile } from "../split/split-file.ts";
import { withLocalCopy } from "./local-copy.ts";

export interface SplitServiceOptions {
  maxPixels: number;
  renderDpi: number;
  workDir: string;
}

/** Handles `split` jobs: source file → stored page images → one OCR job per page. */
export class SplitService {
  constructor(
    private readonly objects: ObjectStore,
    private readonly files: SourceFileRepository,
    private readonly pages: PageRepository,
    private readonly jobs: JobRepository,
    private readonly options: SplitServiceOptions,
  ) {}

  async handleSplit({ fileId }: SplitJobData): Promise<void> {
    const file = await this.files.get(fileId);
    if (!file) throw new UnrecoverableError(`source file ${fileId} does not exist`);
    if (file.status === "failed" || file.status === "duplicate") return;
    await this.files.setStatus(fileId, "splitting");

    const pageNumbers = await withLocalCopy(
      this.objects,
      file.objectKey,
      this.options.workDir,
      (localPath) => this.storePages(fileId, file.sha256, localPath),
    );
    await this.files.setPageCount(fileId, pageNumbers.length);
    await this.files.setStatus(fileId, "ocr");
    await this.jobs.enqueueOcrThenExtract(fileId, pageNumbers);
  }

  private async storePages(fileId: string, sha256: string, localPath: string): Promise<number[]> {
    const { maxPixels, renderDpi } = this.options;
    const pageNumbers: number[] = [];
    try {
      const { mediaType } = await inspectFile(localPath, { maxPixels });
      for await (const page of splitFile(localPath, { mediaType, maxPixels, renderDpi })) {
        pageNumbers.push(page.pageNumber);
        // A retried split leaves OCRed pages alone: their scan image was replaced by the upright,
        // redacted one, and storing the scan again could bring back an Individual Number.
        if ((await this.pages.get(fileId, page.pageNumber))?.status === "ocr_done") continue;
        const imageKey = pageImageKey(sha256, page.pageNumber, page.format);
        await this.objects.put(imageKey, page.data, {
          size: page.data.length,
          contentType: page.format === "png" ? "image/png" : "image/jpeg",
        });
        await this.pages.upsertSplitPage({
          fileId,
          pageNumber: page.pageNumber,
          imageKey,
          width: page.width,
          height: page.height,
          splitMethod: page.method,
        });
      }
    } catch (error) {
      if (!(error instanceof InputFileError)) throw error;
      await this.files.markFailed(fileId, { code: error.code, message: error.message });
      throw new UnrecoverableError(error.message);
    }
    return pageNumbers;
  }
}
