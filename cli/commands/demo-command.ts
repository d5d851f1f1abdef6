import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Config } from "../../config/config.ts";
import { openRuntime } from "../runtime.ts";
import { ingestWithRuntime } from "./ingest-command.ts";

const samplesDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../tests/samples",
);
const scanExtensions = new Set([".pdf", ".tif", ".tiff", ".jpg", ".jpeg", ".png"]);

/**
 * `kamiroku demo` (npm run demo): the bundled sample scans through the whole pipeline on the
 * embedded stores, in a demo folder of its own that is emptied first, with a real Redis.
 */
export async function demoCommand(config: Config): Promise<number> {
  const dataDir = path.join(config.dataDir, "demo");
  await fs.rm(dataDir, { recursive: true, force: true });
  const samples = (await fs.readdir(samplesDir))
    .filter((name) => scanExtensions.has(path.extname(name).toLowerCase()))
    .sort()
    .map((name) => path.join(samplesDir, name));
  const runtime = await openRuntime({
    ...config,
    dataDir,
    databaseUrl: undefined,
    minioEndpoint: undefined,
    queuePrefix: `kamiroku-demo-${Date.now()}`,
  });
  try {
    console.error(`デモ: ${samples.length} 件のサンプルスキャンを処理します (データ: ${dataDir})`);
    return await ingestWithRuntime(runtime, samples, {
      batch: "demo",
      wait: true,
      runWorkers: true,
    });
  } finally {
    await runtime.close();
  }
}
