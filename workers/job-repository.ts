import { FlowProducer, type JobsOptions, Queue } from "bullmq";
import type { Redis } from "ioredis";
import {
  type DeliveryJobData,
  deliveryQueueName,
  type ExtractJobData,
  jobIds,
  type OcrJobData,
  type QueueName,
  queueNames,
  type SplitJobData,
} from "./queues.ts";

export interface JobRepositoryOptions {
  prefix: string;
  attempts: number;
  backoffMs: number;
  /** Webhook deliveries wait for the platform, which may be down for hours: their own policy. */
  delivery: { attempts: number; backoffMs: number };
}

export interface FailedJob {
  queue: QueueName;
  jobId: string;
  fileId: string;
  reason: string;
  attemptsMade: number;
  failedAt: Date | null;
}

export type QueueCounts = Record<QueueName, Record<string, number>>;

/** The only code that adds jobs to, or reads jobs from, the BullMQ queues. */
export class JobRepository {
  private readonly queues: Record<QueueName, Queue>;
  private readonly flows: FlowProducer;
  private readonly deliveries: Queue;
  private readonly jobOptions: JobsOptions;

  constructor(
    connection: Redis,
    private readonly options: JobRepositoryOptions,
  ) {
    const queue = (name: QueueName) => new Queue(name, { connection, prefix: options.prefix });
    this.queues = {
      split: queue(queueNames.split),
      ocr: queue(queueNames.ocr),
      extract: queue(queueNames.extract),
    };
    this.flows = new FlowProducer({ connection, prefix: options.prefix });
    this.deliveries = new Queue(deliveryQueueName, { connection, prefix: options.prefix });
    this.jobOptions = {
      attempts: options.attempts,
      backoff: { type: "exponential", delay: options.backoffMs },
      // Completed jobs are kept for a day so that a re-added job id is recognised as done;
      // failed jobs stay until someone retries them.
      removeOnComplete: { age: 24 * 3600 },
      removeOnFail: false,
    };
  }

  get prefix(): string {
    return this.options.prefix;
  }

  async enqueueSplit(fileId: string): Promise<void> {
    const data: SplitJobData = { fileId };
    await this.queues.split.add("split", data, { ...this.jobOptions, jobId: jobIds.split(fileId) });
  }

  /** One OCR job per page, and the file's extract job that BullMQ starts once they all completed. */
  async enqueueOcrThenExtract(fileId: string, pageNumbers: number[]): Promise<void> {
    const extract: ExtractJobData = { fileId };
    await this.flows.add({
      name: "extract",
      queueName: queueNames.extract,
      data: extract,
      opts: { ...this.jobOptions, jobId: jobIds.extract(fileId) },
      children: pageNumbers.map((pageNumber) => {
        const ocr: OcrJobData = { fileId, pageNumber };
        return {
          name: "ocr",
          queueName: queueNames.ocr,
          data: ocr,
          opts: {
            ...this.jobOptions,
            jobId: jobIds.ocr(fileId, pageNumber),
            failParentOnFailure: true,
          },
        };
      }),
    });
  }

  /**
   * Queues a webhook delivery. A failed job of the same delivery (a person's retry) is removed
   * first; a waiting or active one makes this a no-op.
   */
  async enqueueDelivery(deliveryId: string): Promise<void> {
    const jobId = jobIds.deliver(deliveryId);
    if ((await this.deliveries.getJobState(jobId)) === "failed")
      await this.deliveries.remove(jobId);
    const data: DeliveryJobData = { deliveryId };
    await this.deliveries.add("deliver", data, {
      jobId,
      attempts: this.options.delivery.attempts,
      backoff: { type: "exponential", delay: this.options.delivery.backoffMs },
      removeOnComplete: { age: 24 * 3600 },
      removeOnFail: false,
    });
  }

  /**
   * Removes every job of a file (failed ones stay until someone retries), so that enqueueSplit
   * starts the file over; jobs a worker holds right now are left alone.
   */
  async forgetFileJobs(fileId: string, pageCount: number | null): Promise<void> {
    await this.queues.extract.remove(jobIds.extract(fileId), { removeChildren: true });
    for (let page = 1; page <= (pageCount ?? 0); page++) {
      await this.queues.ocr.remove(jobIds.ocr(fileId, page));
    }
    await this.queues.split.remove(jobIds.split(fileId));
  }

  async counts(): Promise<QueueCounts> {
    const entries = await Promise.all(
      Object.values(this.queues).map(
        async (queue) => [queue.name, await queue.getJobCounts()] as const,
      ),
    );
    return Object.fromEntries(entries) as QueueCounts;
  }

  async failedJobs(limit = 100): Promise<FailedJob[]> {
    const perQueue = await Promise.all(
      Object.values(this.queues).map(async (queue) => {
        const jobs = await queue.getFailed(0, limit - 1);
        return jobs.map((job) => ({
          queue: queue.name as QueueName,
          jobId: job.id ?? "",
          fileId: (job.data as { fileId: string }).fileId,
          reason: job.failedReason,
          attemptsMade: job.attemptsMade,
          failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
        }));
      }),
    );
    return perQueue.flat();
  }

  async close(): Promise<void> {
    await Promise.all([
      ...Object.values(this.queues).map((queue) => queue.close()),
      this.flows.close(),
      this.deliveries.close(),
    ]);
  }
}
