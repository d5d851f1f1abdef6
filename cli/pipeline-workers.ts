import path from "node:path";
import { inputLimits } from "../config/config.ts";
import { loadFormDefinitions } from "../config/forms/municipality-forms.ts";
import { TesseractPool } from "../workers/ocr/tesseract-pool.ts";
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

/** Starts the split, OCR and extract workers of this process on the runtime's queues and stores. */
export async function startPipelineWorkers(runtime: Runtime): Promise<PipelineWorkers> {
  const { config, objects, files, pages, records, jobs } = runtime;
  const definitions = await loadFormDefinitions(config.formsFile);
  const pool = new TesseractPool({ size: config.ocrWorkers });
  const host = new WorkerHost(
    runtime.redis,
    {
      split: new SplitService(objects, files, pages, jobs, {
        maxPixels: inputLimits(config).maxPixels,
        renderDpi: config.renderDpi,
        workDir: path.join(config.dataDir, "work"),
      }),
      ocr: new OcrService(objects, files, pages, pool),
      extract: new ExtractService(objects, files, pages, records, {
        definitions,
        reviewThreshold: config.reviewThreshold,
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
  return {
    close: async () => {
      await host.close();
      await pool.terminate();
    },
  };
}
