import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { Redis } from "ioredis";

export class RedisUnavailableError extends Error {
  override name = "RedisUnavailableError";
}

export interface PrivateRedisServer {
  url: string;
  /** Stops the server if this process started it; leaves one started by another process alone. */
  stop(): Promise<void>;
}

/**
 * The all-in-one mode's Redis: a redis-server from PATH with its data (append-only file on)
 * under `<dataDir>/redis`. A server already started there by another Kamiroku process is reused.
 */
export async function ensurePrivateRedisServer(dataDir: string): Promise<PrivateRedisServer> {
  const dir = path.join(dataDir, "redis");
  await fs.mkdir(dir, { recursive: true });
  const urlFile = path.join(dir, "server.url");
  const running = await fs.readFile(urlFile, "utf8").catch(() => null);
  if (running && (await answersPing(running.trim()))) {
    return { url: running.trim(), stop: async () => {} };
  }
  const port = await freePort();
  const child = spawnRedis(dir, port);
  const url = `redis://127.0.0.1:${port}`;
  await waitUntilReady(child, url);
  await fs.writeFile(urlFile, url);
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      await exited;
      await fs.rm(urlFile, { force: true });
    },
  };
}

function spawnRedis(dir: string, port: number): ChildProcess {
  const args = [
    "--bind",
    "127.0.0.1",
    "--port",
    String(port),
    "--dir",
    dir,
    "--appendonly",
    "yes",
    "--save",
    "",
    "--maxmemory-policy",
    "noeviction",
    "--logfile",
    "redis.log",
  ];
  const child = spawn("redis-server", args, { stdio: "ignore" });
  return child;
}

async function waitUntilReady(child: ChildProcess, url: string): Promise<void> {
  const spawnFailure = new Promise<never>((_, reject) => {
    child.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "ENOENT"
          ? new RedisUnavailableError(
              "No Redis: REDIS_URL is not set and redis-server is not installed. " +
                "Install it (Debian/Ubuntu: `apt-get install redis-server`, macOS: `brew install redis`) " +
                "or set REDIS_URL=redis://host:6379 to use an existing Redis.",
            )
          : error,
      );
    });
    child.once("exit", (code) => {
      reject(
        new RedisUnavailableError(
          `redis-server exited at start-up (code ${code}); see redis.log in the data folder`,
        ),
      );
    });
  });
  const deadline = Date.now() + 15_000;
  const ready = (async () => {
    while (Date.now() < deadline) {
      if (await answersPing(url)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new RedisUnavailableError("redis-server did not answer within 15 s");
  })();
  await Promise.race([ready, spawnFailure]);
}

export async function answersPing(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
