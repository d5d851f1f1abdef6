import { type Config, inputLimits } from "../../config/config.ts";
import { todayInJapan } from "../../config/japan-time.ts";
import { HotFolder } from "../../ingest/hot-folder.ts";
import { IngestService } from "../../ingest/ingest-service.ts";
import {
  AgencyRepository,
  DEFAULT_AGENCY_ID,
} from "../../storage/repositories/agency-repository.ts";
import { startPipelineWorkers } from "../pipeline-workers.ts";
import { findRunningServer } from "../running-server.ts";
import { openRuntime } from "../runtime.ts";
import { untilStopped } from "../until-stopped.ts";

export interface WatchCommandOptions {
  batch?: string;
  agency?: string;
  settleSeconds: string;
}

const POLL_MS = 1000;

/**
 * `kamiroku watch <dir>`: ingests what scanners write into a folder (see HotFolder). In the
 * all-in-one mode (no REDIS_URL) it runs the pipeline workers too, as nothing else would.
 */
export async function watchCommand(
  config: Config,
  dir: string,
  options: WatchCommandOptions,
): Promise<number> {
  const settleMs = Number(options.settleSeconds) * 1000;
  if (!Number.isFinite(settleMs) || settleMs < 0) {
    console.error("--settle は秒数で指定してください");
    return 2;
  }
  if (!config.databaseUrl && (await findRunningServer(config.dataDir))) {
    console.error(
      "kamiroku serve が同じデータフォルダで動いています。serve を止めてから watch を起動するか、PostgreSQL を使う構成にしてください。",
    );
    return 2;
  }
  const runtime = await openRuntime(config);
  try {
    const agency = options.agency
      ? await new AgencyRepository(runtime.db).findByName(options.agency)
      : null;
    if (options.agency && !agency) {
      console.error(`相談支援機関「${options.agency}」がありません（管理画面で作成してください）`);
      return 2;
    }
    const batch = await runtime.batches.getOrCreate(
      options.batch ?? `hot-folder-${todayInJapan()}`,
      agency?.id ?? DEFAULT_AGENCY_ID,
    );
    const ingest = new IngestService(
      runtime.objects,
      runtime.files,
      runtime.jobs,
      inputLimits(config),
    );
    const folder = new HotFolder(
      { dir, settleMs },
      {
        alreadyIngested: (sha256) => runtime.files.existsInBatch(batch.id, sha256),
        ingest: (filePath, fileName) => ingest.ingestLocalFile(batch.id, filePath, fileName),
      },
    );
    const workers = config.redisUrl ? null : await startPipelineWorkers(runtime);
    const stop = new AbortController();
    console.error(`${dir} を監視しています（バッチ: ${batch.name}、Ctrl+C で停止）`);
    const running = folder.run(stop.signal, POLL_MS);
    await untilStopped();
    stop.abort();
    await running;
    await workers?.close();
    return 0;
  } finally {
    await runtime.close();
  }
}
