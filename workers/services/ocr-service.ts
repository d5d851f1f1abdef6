import { UnrecoverableError } from "bullmq";
import { ocrResultKey } from "../../storage/objects/object-keys.ts";
import type { ObjectStore } from "../../storage/objects/object-store.ts";
import type { PageRepository } from "../../storage/repositories/page-repository.ts";
import type { SourceFileRepository } from "../../storage/repositories/source-file-repository.ts";
import { ocrPage } from "../ocr/ocr-page.ts";
import type { TesseractPool } from "../ocr/tesseract-pool.ts";
import type { OcrJobData } from "../queues.ts";

/** Handles `ocr` jobs: one stored page image → OCR JSON in the object store + the page row. */
export class OcrService {
  constructor(
    private readonly objects: ObjectStore,
    private readonly files: SourceFileRepository,
    private readonly pages: PageRepository,
    private readonly pool: TesseractPool,
  ) {}

  async handleOcr({ fileId, pageNumber }: OcrJobData): Promise<void> {
    const [file, page] = await Promise.all([
      this.files.get(fileId),
      this.pages.get(fileId, pageNumber),
    ]);
    if (!file || !page)
      throw new UnrecoverableError(`page ${pageNumber} of file ${fileId} does not exist`);
    // A job re-delivered after its result was saved (worker died before acknowledging it).
    if (page.status === "ocr_done") return;

    const result = await ocrPage(await this.objects.getBuffer(page.imageKey), this.pool);
    const ocrKey = ocrResultKey(file.sha256, pageNumber);
    const json = Buffer.from(JSON.stringify(result));
    await this.objects.put(ocrKey, json, { size: json.length, contentType: "application/json" });
    await this.pages.saveOcr({
      fileId,
      pageNumber,
      ocrKey,
      text: result.text,
      confidence: result.confidence,
    });
  }
}
