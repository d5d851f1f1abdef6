import type { Config } from "../../config/config.ts";
import { logger } from "../../config/logger.ts";
import { startPipelineWorkers } from "../pipeline-workers.ts";
import { openRuntime } from "../runtime.ts";
import { untilStopped } from "../until-stopped.ts";

/** `kamiroku worker`: only the pipeline workers, to add OCR capacity on more machines. */
export async function workerCommand(config: Config): Promise<number> {
  if (!config.redisUrl || !config.databaseUrl || !config.minioEndpoint) {
    logger.warn(
      "kamiroku worker without REDIS_URL, DATABASE_URL and MINIO_ENDPOINT uses this machine's embedded stores; workers on other machines need the shared ones",
    );
  }
  const runtime = await openRuntime(config);
  const workers = await startPipelineWorkers(runtime);
  logger.info({ ocrWorkers: config.ocrWorkers }, "workers started");
  await untilStopped();
  await workers.close();
  await runtime.close();
  return 0;
}
