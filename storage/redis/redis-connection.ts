import { Redis } from "ioredis";
import { logger } from "../../config/logger.ts";
import { RedisUnavailableError } from "./private-redis-server.ts";

/**
 * Opens the ioredis connection BullMQ uses. `maxRetriesPerRequest: null` is what BullMQ workers
 * require so that blocking commands survive a Redis restart.
 */
export async function connectRedis(url: string): Promise<Redis> {
  const client = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true });
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new RedisUnavailableError(
      `Cannot reach Redis at ${redactUrl(url)} (${(error as Error).message}). ` +
        "Start it, fix REDIS_URL, or unset REDIS_URL to let Kamiroku start its own redis-server.",
    );
  }
  await warnUnlessNoEviction(client);
  return client;
}

/** BullMQ loses jobs silently when Redis evicts keys under memory pressure. */
async function warnUnlessNoEviction(client: Redis): Promise<void> {
  const reply = (await client.config("GET", "maxmemory-policy").catch(() => null)) as
    | string[]
    | null;
  const policy = reply?.[1];
  if (policy && policy !== "noeviction") {
    logger.warn(
      { policy },
      "Redis maxmemory-policy is not 'noeviction': queued jobs can be lost under memory pressure. Set `maxmemory-policy noeviction`.",
    );
  }
}

function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "****";
  return parsed.toString();
}
