import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { ensurePrivateRedisServer } from "../../storage/redis/private-redis-server.ts";

describe("private redis-server (all-in-one mode)", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
  });

  it("starts redis-server with an append-only file under the data folder, reuses it, and stops it", async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "kamiroku-redis-"));
    dirs.push(dataDir);
    const server = await ensurePrivateRedisServer(dataDir);
    const client = new Redis(server.url);
    try {
      expect(await client.ping()).toBe("PONG");
      expect(await client.config("GET", "appendonly")).toEqual(["appendonly", "yes"]);
      expect(await client.config("GET", "dir")).toEqual([
        "dir",
        await fs.realpath(path.join(dataDir, "redis")),
      ]);
      expect(await client.config("GET", "maxmemory-policy")).toEqual([
        "maxmemory-policy",
        "noeviction",
      ]);
      await client.set("kamiroku:test", "kept");

      const second = await ensurePrivateRedisServer(dataDir);
      expect(second.url).toBe(server.url);
      await second.stop(); // not its server: must leave it running
      expect(await client.get("kamiroku:test")).toBe("kept");
    } finally {
      client.disconnect();
      await server.stop();
    }
    const after = new Redis(server.url, {
      lazyConnect: true,
      retryStrategy: () => null,
      maxRetriesPerRequest: 0,
    });
    after.on("error", () => {});
    await expect(after.connect()).rejects.toThrow();
    after.disconnect();
  });

  it("says how to install Redis when redis-server is not on the PATH", async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "kamiroku-redis-"));
    dirs.push(dataDir);
    const savedPath = process.env.PATH;
    process.env.PATH = dataDir;
    try {
      await expect(ensurePrivateRedisServer(dataDir)).rejects.toThrow(
        /apt-get install redis-server.*REDIS_URL/s,
      );
    } finally {
      process.env.PATH = savedPath;
    }
  });
});
