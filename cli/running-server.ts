import fs from "node:fs/promises";
import path from "node:path";

/**
 * `kamiroku serve` on the embedded stores owns the embedded database: other commands on the same
 * data folder go through its HTTP API instead. It leaves its address in the data folder for them.
 */
function serverFile(dataDir: string): string {
  return path.join(dataDir, "server.json");
}

export async function announceServer(dataDir: string, url: string): Promise<void> {
  await fs.mkdir(dataDir, { recursive: true });
  await fs.writeFile(serverFile(dataDir), JSON.stringify({ url, pid: process.pid }));
}

export async function withdrawServer(dataDir: string): Promise<void> {
  await fs.rm(serverFile(dataDir), { force: true });
}

/** The base URL of a `kamiroku serve` answering for this data folder, or null. */
export async function findRunningServer(dataDir: string): Promise<string | null> {
  const text = await fs.readFile(serverFile(dataDir), "utf8").catch(() => null);
  if (!text) return null;
  try {
    const { url } = JSON.parse(text) as { url: string };
    const response = await fetch(new URL("/healthz", url), { signal: AbortSignal.timeout(2000) });
    return response.ok ? url : null;
  } catch {
    return null;
  }
}
