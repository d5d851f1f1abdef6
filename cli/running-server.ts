import fs from "node:fs/promises";
import path from "node:path";

/**
 * `kamiroku serve` on the embedded stores owns the embedded database: other commands on the same
 * data folder go through its HTTP API instead. It leaves its address in the data folder for them.
 */
function serverFile(dataDir: string): string {
  return path.join(dataDir, "server.json");
}

/** Where a running server answers, and the token that lets commands of this machine in. */
export interface RunningServer {
  url: string;
  token: string;
}

/** Readable by the owner only: the token opens the clerks' API. */
export async function announceServer(dataDir: string, server: RunningServer): Promise<void> {
  await fs.mkdir(dataDir, { recursive: true });
  const file = serverFile(dataDir);
  await fs.rm(file, { force: true });
  await fs.writeFile(file, JSON.stringify({ ...server, pid: process.pid }), { mode: 0o600 });
}

export async function withdrawServer(dataDir: string): Promise<void> {
  await fs.rm(serverFile(dataDir), { force: true });
}

/** The `kamiroku serve` answering for this data folder, or null. */
export async function findRunningServer(dataDir: string): Promise<RunningServer | null> {
  const text = await fs.readFile(serverFile(dataDir), "utf8").catch(() => null);
  if (!text) return null;
  try {
    const { url, token } = JSON.parse(text) as RunningServer;
    const response = await fetch(new URL("/healthz", url), { signal: AbortSignal.timeout(2000) });
    return response.ok ? { url, token } : null;
  } catch {
    return null;
  }
}

/** GET or POST to the running server's API as the local commands' actor. */
export function fetchFromServer(
  server: RunningServer,
  pathAndQuery: string,
  init: RequestInit = {},
): Promise<Response> {
  return fetch(new URL(pathAndQuery, server.url), {
    ...init,
    headers: { ...init.headers, Authorization: `Bearer ${server.token}` },
  });
}
