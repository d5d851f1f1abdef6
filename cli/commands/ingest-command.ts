import path from "node:path";
import { type Config, inputLimits } from "../../config/config.ts";
import { collectInputFiles } from "../../ingest/collect-input-files.ts";
import { IngestService } from "../../ingest/ingest-service.ts";
import { BatchProgress } from "../batch-progress.ts";
import { printBatchReport } from "../batch-report.ts";
import { ingestThroughServer } from "../ingest-through-server.ts";
import { startPipelineWorkers } from "../pipeline-workers.ts";
import { findRunningServer } from "../running-server.ts";
import { openRuntime, type Runtime } from "../runtime.ts";
import { waitForBatch } from "../wait-for-batch.ts";

export interface IngestCommandOptions {
  batch?: string;
  wait?: boolean;
  /** Run the pipeline workers in this process while waiting. Default: when no REDIS_URL is set. */
  runWorkers?: boolean;
}

/**
 * `kamiroku ingest <files or folders...>`: stores and queues every file; a file that cannot be
 * taken is reported with its reason and the others go on. With --wait, it also waits for the
 * batch to be processed; in the all-in-one mode (no REDIS_URL) it then runs the workers itself,
 * as nothing else would.
 */
export async function ingestCommand(
  config: Config,
  paths: string[],
  options: IngestCommandOptions,
): Promise<number> {
  const server = config.databaseUrl ? null : await findRunningServer(config.dataDir);
  if (server) {
    return ingestThroughServer(server, paths, {
      ...options,
      batch: options.batch ?? defaultBatchName(),
    });
  }
  const runtime = await openRuntime(config);
  try {
    return await ingestWithRuntime(runtime, paths, options);
  } finally {
    await runtime.close();
  }
}

export async function ingestWithRuntime(
  runtime: Runtime,
  paths: string[],
  options: IngestCommandOptions,
): Promise<number> {
  const { config } = runtime;
  const { files: inputs, missing } = await collectInputFiles(paths);
  for (const name of missing) console.error(`✗ ${name}: ファイルまたはフォルダが見つかりません`);

  const batch = await runtime.batches.getOrCreate(options.batch ?? defaultBatchName());
  const ingest = new IngestService(
    runtime.objects,
    runtime.files,
    runtime.jobs,
    inputLimits(config),
  );
  const runWorkers = options.wait && (options.runWorkers ?? !config.redisUrl);
  const workers = runWorkers ? await startPipelineWorkers(runtime) : null;
  const progress = new BatchProgress(inputs.length);
  const outcomes: string[] = [];
  try {
    for (const [index, input] of inputs.entries()) {
      const name = path.basename(input);
      try {
        const outcome = await ingest.ingestLocalFile(batch.id, input, name);
        if (outcome.status === "failed") outcomes.push(`✗ ${name}: ${outcome.message}`);
        if (outcome.status === "duplicate")
          outcomes.push(`= ${name}: 同じ内容のファイルが登録済みのため処理しません`);
      } catch (error) {
        outcomes.push(`✗ ${name}: 登録できませんでした (${(error as Error).message})`);
      }
      progress.fileStored(index + 1);
    }
    if (options.wait) {
      await waitForBatch(runtime.batches, batch.id, (summary) => progress.update(summary));
    }
  } finally {
    progress.stop();
    await workers?.close();
  }
  for (const line of outcomes) console.error(line);
  await printBatchReport(runtime, batch.id);
  return missing.length > 0 || outcomes.some((line) => line.startsWith("✗")) ? 1 : 0;
}

function defaultBatchName(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `batch-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
}
