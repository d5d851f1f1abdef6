import path from "node:path";
import type { Redis } from "ioredis";
import type { Config } from "../config/config.ts";
import type { Database } from "../storage/db/database.ts";
import { openDatabase } from "../storage/db/open-database.ts";
import type { ObjectStore } from "../storage/objects/object-store.ts";
import { openObjectStore } from "../storage/objects/open-object-store.ts";
import {
  ensurePrivateRedisServer,
  type PrivateRedisServer,
} from "../storage/redis/private-redis-server.ts";
import { connectRedis } from "../storage/redis/redis-connection.ts";
import { BatchRepository } from "../storage/repositories/batch-repository.ts";
import { PageRepository } from "../storage/repositories/page-repository.ts";
import { RecordRepository } from "../storage/repositories/record-repository.ts";
import { SourceFileRepository } from "../storage/repositories/source-file-repository.ts";
import { JobRepository } from "../workers/job-repository.ts";

/** Everything a Kamiroku process talks to, opened from the configuration. */
export interface Runtime {
  config: Config;
  db: Database;
  objects: ObjectStore;
  redis: Redis;
  batches: BatchRepository;
  files: SourceFileRepository;
  pages: PageRepository;
  records: RecordRepository;
  jobs: JobRepository;
  close(): Promise<void>;
}

export async function openRuntime(config: Config): Promise<Runtime> {
  const closers: (() => Promise<void>)[] = [];
  try {
    const objects = await openObjectStore(
      config.minioEndpoint
        ? {
            kind: "minio",
            endPoint: config.minioEndpoint,
            port: config.minioPort,
            useSSL: config.minioUseSsl,
            accessKey: config.minioAccessKey,
            secretKey: config.minioSecretKey,
            bucket: config.minioBucket,
            region: config.minioRegion,
          }
        : { kind: "filesystem", root: path.join(config.dataDir, "objects") },
    );
    const db = await openDatabase({
      url: config.databaseUrl,
      embeddedDir: path.join(config.dataDir, "db"),
    });
    closers.push(() => db.close());

    let privateRedis: PrivateRedisServer | null = null;
    if (!config.redisUrl) {
      privateRedis = await ensurePrivateRedisServer(config.dataDir);
      closers.push(() => (privateRedis as PrivateRedisServer).stop());
    }
    const redis = await connectRedis(config.redisUrl ?? (privateRedis as PrivateRedisServer).url);
    closers.push(async () => {
      redis.disconnect();
    });
    const jobs = new JobRepository(redis, {
      prefix: config.queuePrefix,
      attempts: config.jobAttempts,
      backoffMs: config.jobBackoffMs,
      delivery: { attempts: config.webhookAttempts, backoffMs: config.webhookBackoffMs },
    });
    closers.push(() => jobs.close());

    return {
      config,
      db,
      objects,
      redis,
      batches: new BatchRepository(db),
      files: new SourceFileRepository(db),
      pages: new PageRepository(db),
      records: new RecordRepository(db),
      jobs,
      close: () => closeAll(closers),
    };
  } catch (error) {
    await closeAll(closers);
    throw error;
  }
}

/** Closes in reverse order of opening: queues before Redis before the Redis server. */
async function closeAll(closers: (() => Promise<void>)[]): Promise<void> {
  for (const close of [...closers].reverse()) {
    await close().catch(() => {});
  }
}
