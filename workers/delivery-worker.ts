import { Worker } from "bullmq";
import type { Redis } from "ioredis";
import { logger } from "../config/logger.ts";
import { type DeliveryJobData, deliveryQueueName } from "./queues.ts";
import type { DeliveryService } from "./services/delivery-service.ts";

/** Runs the webhook's BullMQ worker in this process; one delivery at a time keeps the order. */
export class DeliveryWorker {
  private readonly worker: Worker<DeliveryJobData>;

  constructor(connection: Redis, service: DeliveryService, options: { prefix: string }) {
    this.worker = new Worker<DeliveryJobData>(
      deliveryQueueName,
      (job) => service.handleDelivery(job.data, job.attemptsMade + 1, job.opts.attempts ?? 1),
      { connection, prefix: options.prefix, concurrency: 1 },
    );
    this.worker.on("failed", (job, error) =>
      logger.warn(
        { jobId: job?.id, attempt: job?.attemptsMade, err: error.message },
        "webhook delivery failed",
      ),
    );
    this.worker.on("error", (error) =>
      logger.error({ err: error.message }, "delivery worker error"),
    );
  }

  waitUntilReady(): Promise<unknown> {
    return this.worker.waitUntilReady();
  }

  close(): Promise<void> {
    return this.worker.close();
  }
}
