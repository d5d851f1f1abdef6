import path from "node:path";
import { inputLimits } from "../config/config.ts";
import { loadFormDefinitions } from "../config/forms/municipality-forms.ts";
import { AuditRepository } from "../storage/repositories/audit-repository.ts";
import { CaseFileRepository } from "../storage/repositories/case-file-repository.ts";
import { NearDuplicateRepository } from "../storage/repositories/near-duplicate-repository.ts";
import { RecordExportRepository } from "../storage/repositories/record-export-repository.ts";
import { WebhookDeliveryRepository } from "../storage/repositories/webhook-delivery-repository.ts";
import { NearDuplicateFinder } from "../workers/dedupe/near-duplicate-finder.ts";
import { DeliveryWorker } from "../workers/delivery-worker.ts";
import { TesseractPool } from "../workers/ocr/tesseract-pool.ts";
import { DeliveryService } from "../workers/services/delivery-service.ts";
import { ExtractService } from "../workers/services/extract-service.ts";
import { OcrService } from "../workers/services/ocr-service.ts";
import { RequeueService } from "../workers/services/requeue-service.ts";
import { SplitService } from "../workers/services/split-service.ts";
import { WorkerHost } from "../workers/worker-host.ts";
import type { Runtime } from "./runtime.ts";

export interface PipelineWorkers {
  close(): Promise<void>;
}

/** Long enough that a file still being ingested by another process is left to that process. */
const forgottenAfterMs = 5 * 60_000;

/**
 * Starts the split, OCR and extract workers of this process on the runtime's queues and stores,
 * and the webhook's delivery worker when a webhook is configured.
 */
export async function startPipelineWorkers(runtime: Runtime): Promise<PipelineWorkers> {
  const { config, objects, files, pages, records, jobs } = runtime;
  const definitions = await loadFormDefinitions(config.formsFile);
  const pool = new TesseractPool({ size: config.ocrWorkers });
  const caseFiles = new CaseFileRepository(runtime.db);
  const host = new WorkerHost(
    runtime.redis,
    {
      split: new SplitService(objects, files, pages, caseFiles, jobs, {
        maxPixels: inputLimits(config).maxPixels,
        renderDpi: config.renderDpi,
        workDir: path.join(config.dataDir, "work"),
      }),
      ocr: new OcrService(
        objects,
        files,
        pages,
        pool,
        new NearDuplicateFinder(new NearDuplicateRepository(runtime.db)),
        { secondReading: config.ocrSecondReading },
      ),
      extract: new ExtractService(objects, files, pages, records, caseFiles, {
        definitions,
        reviewThreshold: config.reviewThreshold,
        typedReviewThreshold: config.typedReviewThreshold,
        typedParagraphReviewThreshold: config.typedParagraphReviewThreshold,
      }),
      files,
    },
    {
      prefix: config.queuePrefix,
      ocrConcurrency: config.ocrWorkers,
      lockMs: config.jobLockMs,
      stalledCheckMs: config.stalledCheckMs,
    },
  );
  await host.waitUntilReady();
  await new RequeueService(files, jobs).requeueForgottenFiles(forgottenAfterMs);
  const delivery = await startDeliveryWorker(runtime);
  return {
    close: async () => {
      await delivery?.close();
      await host.close();
      await pool.terminate();
    },
  };
}

/** The webhook's delivery worker, or null without a webhook; pending deliveries are queued again. */
export async function startDeliveryWorker(runtime: Runtime): Promise<DeliveryWorker | null> {
  const { config, db, jobs } = runtime;
  if (!config.webhookUrl || !config.webhookSecret) return null;
  const deliveries = new WebhookDeliveryRepository(db);
  const worker = new DeliveryWorker(
    runtime.redis,
    new DeliveryService(deliveries, new RecordExportRepository(db), new AuditRepository(db), {
      url: config.webhookUrl,
      secret: config.webhookSecret,
      timeoutMs: config.webhookTimeoutMs,
    }),
    { prefix: config.queuePrefix },
  );
  await worker.waitUntilReady();
  // A process that died between committing a verification and queueing its delivery.
  for (const pending of await deliveries.listOpen("pending"))
    await jobs.enqueueDelivery(pending.id);
  return worker;
}
