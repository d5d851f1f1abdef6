import { type Job, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { logger } from "../config/logger.ts";
import type { SourceFileRepository } from "../storage/repositories/source-file-repository.ts";
import { type QueueName, queueNames } from "./queues.ts";
import type { ExtractService } from "./services/extract-service.ts";
import type { OcrService } from "./services/ocr-service.ts";
import type { SplitService } from "./services/split-service.ts";

export interface WorkerHostOptions {
  prefix: string;
  ocrConcurrency: number;
  lockMs: number;
  stalledCheckMs: number;
}

export interface PipelineServices {
  split: SplitService;
  ocr: OcrService;
  extract: ExtractService;
  files: SourceFileRepository;
}

/** Clerk-facing reason for a file whose stage gave up, by the stage that failed. */
const stageFailureMessages: Record<QueueName, string> = {
  split: "ページの切り出しに失敗しました",
  ocr: "文字認識（OCR）に失敗しました",
  extract: "記録の抽出に失敗しました",
};

/**
 * Runs one BullMQ worker per stage queue in this process. Each job name has exactly one handler,
 * in its service. A job that failed for the last time marks its source file failed, with a reason.
 */
export class WorkerHost {
  private readonly workers: Worker[];

  constructor(connection: Redis, services: PipelineServices, options: WorkerHostOptions) {
    const common = {
      connection,
      prefix: options.prefix,
      lockDuration: options.lockMs,
      stalledInterval: options.stalledCheckMs,
      // A job whose worker died is taken over; more than twice means the job itself kills workers.
      maxStalledCount: 2,
    };
    this.workers = [
      new Worker(queueNames.split, (job) => services.split.handleSplit(job.data), {
        ...common,
        concurrency: 1,
      }),
      new Worker(queueNames.ocr, (job) => services.ocr.handleOcr(job.data), {
        ...common,
        concurrency: options.ocrConcurrency,
      }),
      new Worker(queueNames.extract, (job) => services.extract.handleExtract(job.data), {
        ...common,
        concurrency: 2,
      }),
    ];
    for (const worker of this.workers) {
      worker.on("failed", (job, error) => {
        if (job) void this.onFailed(worker.name as QueueName, job, error, services.files);
      });
      worker.on("error", (error) =>
        logger.error({ queue: worker.name, err: error.message }, "worker error"),
      );
    }
  }

  private async onFailed(
    queue: QueueName,
    job: Job,
    error: Error,
    files: SourceFileRepository,
  ): Promise<void> {
    const finalAttempt =
      error.name === "UnrecoverableError" || job.attemptsMade >= (job.opts.attempts ?? 1);
    logger.warn(
      { queue, jobId: job.id, attempt: job.attemptsMade, finalAttempt, err: error.message },
      "job failed",
    );
    if (!finalAttempt) return;
    const { fileId } = job.data as { fileId: string };
    const file = await files.get(fileId);
    if (!file || file.status === "failed") return;
    await files.markFailed(fileId, {
      code: `${queue}_failed`,
      message: `${stageFailureMessages[queue]}: ${error.message}`,
    });
  }

  async waitUntilReady(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.waitUntilReady()));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }
}
