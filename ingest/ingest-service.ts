import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import { logger } from "../config/logger.ts";
import { originalKey } from "../storage/objects/object-keys.ts";
import type { ObjectStore } from "../storage/objects/object-store.ts";
import type { SourceFileRepository } from "../storage/repositories/source-file-repository.ts";
import type { JobRepository } from "../workers/job-repository.ts";
import { inspectFile } from "../workers/split/inspect-file.ts";
import { sha256OfFile } from "./hash-file.ts";
import { InputFileError } from "./input-file-error.ts";

export interface IngestServiceOptions {
  maxPixels: number;
  maxFileBytes: number;
}

export type IngestOutcome =
  | { status: "queued"; fileId: string; sha256: string }
  | { status: "duplicate"; fileId: string; sha256: string; duplicateOf: string }
  | {
      status: "failed";
      fileId: string | null;
      sha256: string | null;
      code: string;
      message: string;
    };

/**
 * Accepts one file into a batch. The order is the safety property: the original goes to the
 * object store first, then the database learns of it, and only then is it inspected and queued,
 * so a file that breaks anything later is still kept.
 */
export class IngestService {
  constructor(
    private readonly objects: ObjectStore,
    private readonly files: SourceFileRepository,
    private readonly jobs: JobRepository,
    private readonly options: IngestServiceOptions,
  ) {}

  async ingestLocalFile(
    batchId: string,
    filePath: string,
    fileName: string,
  ): Promise<IngestOutcome> {
    const { size } = await fs.stat(filePath);
    if (size > this.options.maxFileBytes) {
      const limitMb = Math.floor(this.options.maxFileBytes / 1024 / 1024);
      return {
        status: "failed",
        fileId: null,
        sha256: null,
        code: "file_too_large",
        message: `ファイルが大きすぎます（上限 ${limitMb} MB）。分割してスキャンし直してください。`,
      };
    }
    const sha256 = await sha256OfFile(filePath);
    const objectKey = originalKey(sha256);
    if (!(await this.objects.stat(objectKey))) {
      await this.objects.put(objectKey, createReadStream(filePath), { size });
    }
    const { file, duplicateOf } = await this.files.insertFirstCopyOrDuplicate({
      batchId,
      fileName,
      sha256,
      sizeBytes: size,
      objectKey,
    });
    if (duplicateOf) {
      logger.info(
        { fileId: file.id, duplicateOf: duplicateOf.id },
        "duplicate file not processed again",
      );
      return { status: "duplicate", fileId: file.id, sha256, duplicateOf: duplicateOf.id };
    }
    try {
      const { mediaType } = await inspectFile(filePath, { maxPixels: this.options.maxPixels });
      await this.files.setMediaType(file.id, mediaType);
    } catch (error) {
      if (!(error instanceof InputFileError)) throw error;
      await this.files.markFailed(file.id, { code: error.code, message: error.message });
      logger.info({ fileId: file.id, code: error.code }, "file refused");
      return {
        status: "failed",
        fileId: file.id,
        sha256,
        code: error.code,
        message: error.message,
      };
    }
    await this.files.setStatus(file.id, "queued");
    await this.jobs.enqueueSplit(file.id);
    logger.info({ fileId: file.id }, "file queued");
    return { status: "queued", fileId: file.id, sha256 };
  }

  /**
   * A clerk's retry of a failed file: its jobs are forgotten and it is split again from the stored
   * original. False when the file is not failed (nothing to retry).
   */
  async retryFailedFile(fileId: string): Promise<boolean> {
    const file = await this.files.get(fileId);
    if (file?.status !== "failed") return false;
    await this.jobs.forgetFileJobs(file.id, file.pageCount);
    await this.files.setStatus(file.id, "queued");
    await this.jobs.enqueueSplit(file.id);
    logger.info({ fileId: file.id }, "failed file queued again");
    return true;
  }
}
