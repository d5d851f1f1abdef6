import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { type PipelineWorkers, startPipelineWorkers } from "../../cli/pipeline-workers.ts";
import { openRuntime, type Runtime } from "../../cli/runtime.ts";
import { inputLimits } from "../../config/config.ts";
import { IngestService } from "../../ingest/ingest-service.ts";
import { createTestEnvironment, type TestEnvironment } from "./test-environment.ts";

/** The whole pipeline on real stores, with a folder to write the files a test hands in. */
export interface RunningPipeline {
  environment: TestEnvironment;
  runtime: Runtime;
  workers: PipelineWorkers;
  ingest: IngestService;
  inputDir: string;
}

/**
 * For the tests of one file: stores of their own (test-environment.ts), the pipeline workers of
 * this process and an ingest service, started before the first test and closed after the last.
 */
export function runningPipeline(extraEnv: Record<string, string> = {}): RunningPipeline {
  const running = {} as RunningPipeline;
  beforeAll(async () => {
    running.environment = await createTestEnvironment(extraEnv);
    running.runtime = await openRuntime(running.environment.config);
    running.workers = await startPipelineWorkers(running.runtime);
    running.ingest = new IngestService(
      running.runtime.objects,
      running.runtime.files,
      running.runtime.jobs,
      inputLimits(running.environment.config),
    );
    running.inputDir = path.join(running.environment.config.dataDir, "input");
    await fs.mkdir(running.inputDir);
  });
  afterAll(async () => {
    await running.workers?.close();
    await running.runtime?.close();
    await running.environment?.dispose();
  });
  return running;
}
