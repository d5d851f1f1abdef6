import { UnrecoverableError } from "bullmq";
import { InputFileError } from "../../ingest/input-file-error.ts";
import { pageImageKey } from "../../storage/objects/object-keys.ts";
import type { ObjectStore } from "../../storage/objects/object-store.ts";
import type {
  CaseFileRepository,
  NewCaseFile,
} from "../../storage/repositories/case-file-repository.ts";
import type { PageRepository } from "../../storage/repositories/page-repository.ts";
import type { SourceFileRepository } from "../../storage/repositories/source-file-repository.ts";
import type { JobRepository } from "../job-repository.ts";
import type { SplitJobData } from "../queues.ts";
import { type CaseFileCut, CaseFileCuts } from "../split/case-file-cut.ts";
import { inspectFile } from "../split/inspect-file.ts";
import type { PageImage } from "../split/page-image.ts";
import { splitFile } from "../split/split-file.ts";
import { splitIntoCaseFiles } from "../split/split-into-case-files.ts";
import { withLocalCopy } from "./local-copy.ts";

export interface SplitServiceOptions {
  maxPixels: number;
  renderDpi: number;
  workDir: string;
}

/**
 * Handles `split` jobs: source file → its case files (cut at separator sheets, which are dropped)
 * and stored page images → one OCR job per page.
 */
export class SplitService {
  constructor(
    private readonly objects: ObjectStore,
    private readonly files: SourceFileRepository,
    private readonly pages: PageRepository,
    private readonly caseFiles: CaseFileRepository,
    private readonly jobs: JobRepository,
    private readonly options: SplitServiceOptions,
  ) {}

  async handleSplit({ fileId }: SplitJobData): Promise<void> {
    const file = await this.files.get(fileId);
    if (!file) throw new UnrecoverableError(`source file ${fileId} does not exist`);
    if (file.status === "failed" || file.status === "duplicate") return;
    await this.files.setStatus(fileId, "splitting");

    const { pageCount, cuts } = await withLocalCopy(
      this.objects,
      file.objectKey,
      this.options.workDir,
      (localPath) => this.storePages(fileId, file.sha256, localPath),
    );
    await this.caseFiles.replaceForFile(
      fileId,
      cuts.map((cut) => newCaseFile(fileId, cut)),
    );
    // Every page of the file, separator sheets included: page numbers run up to it.
    await this.files.setPageCount(fileId, pageCount);
    await this.files.setStatus(fileId, "ocr");
    await this.jobs.enqueueOcrThenExtract(
      fileId,
      cuts.flatMap((cut) => cut.pages),
    );
  }

  private async storePages(
    fileId: string,
    sha256: string,
    localPath: string,
  ): Promise<{ pageCount: number; cuts: CaseFileCut[] }> {
    const { maxPixels, renderDpi } = this.options;
    const cuts = new CaseFileCuts();
    let pageCount = 0;
    try {
      const { mediaType } = await inspectFile(localPath, { maxPixels });
      const pages = splitFile(localPath, { mediaType, maxPixels, renderDpi });
      for await (const item of splitIntoCaseFiles(pages)) {
        cuts.add(item);
        pageCount++;
        if (item.kind === "page") await this.storePage(fileId, sha256, item.page);
      }
    } catch (error) {
      if (!(error instanceof InputFileError)) throw error;
      await this.files.markFailed(fileId, { code: error.code, message: error.message });
      throw new UnrecoverableError(error.message);
    }
    return { pageCount, cuts: cuts.list() };
  }

  private async storePage(fileId: string, sha256: string, page: PageImage): Promise<void> {
    // A retried split leaves OCRed pages alone: their scan image was replaced by the upright,
    // redacted one, and storing the scan again could bring back an Individual Number.
    if ((await this.pages.get(fileId, page.pageNumber))?.status === "ocr_done") return;
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
}

function newCaseFile(fileId: string, { caseIndex, pages, sheet }: CaseFileCut): NewCaseFile {
  return {
    fileId,
    caseIndex,
    pages,
    sheet: sheet && { pageNumber: sheet.pageNumber, ...sheet.content },
  };
}
