import { UnrecoverableError } from "bullmq";
import {
  ocrResultKey,
  pageImageKey,
  uprightPageImageKey,
} from "../../storage/objects/object-keys.ts";
import type { ObjectStore } from "../../storage/objects/object-store.ts";
import type { PageRepository } from "../../storage/repositories/page-repository.ts";
import type { SourceFileRepository } from "../../storage/repositories/source-file-repository.ts";
import type { NearDuplicateFinder } from "../dedupe/near-duplicate-finder.ts";
import { type ReadPageOptions, readPage } from "../ocr/read-page.ts";
import type { TesseractPool } from "../ocr/tesseract-pool.ts";
import type { OcrJobData } from "../queues.ts";

/**
 * Handles `ocr` jobs: one split scan image → the upright, redacted page image and its OCR JSON
 * in the object store, and the page row; a page that looks like one handed in before is flagged.
 * The split scan image is deleted afterwards: it may show an Individual Number that the stored
 * page image no longer does.
 */
export class OcrService {
  constructor(
    private readonly objects: ObjectStore,
    private readonly files: SourceFileRepository,
    private readonly pages: PageRepository,
    private readonly pool: TesseractPool,
    private readonly nearDuplicates: NearDuplicateFinder,
    private readonly reading: ReadPageOptions,
  ) {}

  async handleOcr({ fileId, pageNumber }: OcrJobData): Promise<void> {
    const [file, page] = await Promise.all([
      this.files.get(fileId),
      this.pages.get(fileId, pageNumber),
    ]);
    if (!file || !page) {
      throw new UnrecoverableError(`page ${pageNumber} of file ${fileId} does not exist`);
    }
    // Re-delivered after the result was saved (the worker died before acknowledging the job).
    if (page.status !== "ocr_done") {
      const reading = await readPage(
        await this.objects.getBuffer(page.imageKey),
        this.pool,
        this.reading,
      );
      const imageKey = uprightPageImageKey(file.sha256, pageNumber);
      await this.objects.put(imageKey, reading.image.data, {
        size: reading.image.data.length,
        contentType: "image/png",
      });
      const ocrKey = ocrResultKey(file.sha256, pageNumber);
      const json = Buffer.from(JSON.stringify(reading.ocr));
      await this.objects.put(ocrKey, json, { size: json.length, contentType: "application/json" });
      const saved = await this.pages.saveOcr({
        fileId,
        pageNumber,
        ocrKey,
        text: reading.ocr.text,
        confidence: reading.ocr.confidence,
        blank: reading.ocr.blank,
        image: { key: imageKey, width: reading.image.width, height: reading.image.height },
      });
      await this.nearDuplicates.check(
        { id: saved.id, fileId, text: saved.ocrText ?? "", blank: saved.blank },
        reading.image.data,
      );
    }
    await Promise.all(
      (["png", "jpeg"] as const).map((format) =>
        this.objects.delete(pageImageKey(file.sha256, pageNumber, format)),
      ),
    );
  }
}
