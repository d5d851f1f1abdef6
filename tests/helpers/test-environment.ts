import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { type Config, loadConfig } from "../../config/config.ts";
import { answersPing } from "../../storage/redis/private-redis-server.ts";
import { startS3TestServer } from "./s3-server.ts";
import { createTestDatabase } from "./test-databases.ts";

const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export interface TestEnvironment {
  /** The environment a Kamiroku process of this test reads (also for child processes). */
  env: Record<string, string>;
  config: Config;
  dispose(): Promise<void>;
}

/**
 * A complete set of real, isolated stores for one test file: a fresh PostgreSQL schema, a fresh
 * bucket on the S3 test server, a queue prefix of its own on the local Redis, a temp data folder.
 */
export async function createTestEnvironment(
  extraEnv: Record<string, string> = {},
): Promise<TestEnvironment> {
  const id = randomBytes(5).toString("hex");
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "kamiroku-test-"));
  const database = await createTestDatabase("postgresql");
  const s3 = await startS3TestServer();
  await assertRedisReachable();
  const env: Record<string, string> = {
    KAMIROKU_DATA_DIR: dataDir,
    DATABASE_URL: database.url as string,
    REDIS_URL: TEST_REDIS_URL,
    MINIO_ENDPOINT: s3.endPoint,
    MINIO_PORT: String(s3.port),
    MINIO_USE_SSL: String(s3.useSSL),
    MINIO_ACCESS_KEY: s3.accessKey,
    MINIO_SECRET_KEY: s3.secretKey,
    MINIO_BUCKET: `kamiroku-test-${id}`,
    KAMIROKU_QUEUE_PREFIX: `kamiroku-test-${id}`,
    KAMIROKU_OCR_WORKERS: "2",
    KAMIROKU_JOB_BACKOFF_MS: "200",
    KAMIROKU_LOG_LEVEL: "warn",
    ...extraEnv,
  };
  return {
    env,
    config: loadConfig(env),
    dispose: async () => {
      await deleteQueueKeys(env.KAMIROKU_QUEUE_PREFIX as string);
      await database.dispose();
      await s3.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function assertRedisReachable(): Promise<void> {
  if (await answersPing(TEST_REDIS_URL)) return;
  throw new Error(
    `Redis is not reachable at ${TEST_REDIS_URL}. Start it with: ` +
      `redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no`,
  );
}

async function deleteQueueKeys(prefix: string): Promise<void> {
  const client = new Redis(TEST_REDIS_URL);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    client.disconnect();
  }
}
