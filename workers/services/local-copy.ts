import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { ObjectStore } from "../../storage/objects/object-store.ts";

/**
 * Runs `work` on a temporary local copy of a stored object (PDF and TIFF readers need a file),
 * and removes the copy afterwards whatever happens.
 */
export async function withLocalCopy<T>(
  objects: ObjectStore,
  key: string,
  workDir: string,
  work: (localPath: string) => Promise<T>,
): Promise<T> {
  await fs.mkdir(workDir, { recursive: true });
  const localPath = path.join(workDir, `${randomUUID()}.part`);
  try {
    await pipeline(await objects.get(key), createWriteStream(localPath));
    return await work(localPath);
  } finally {
    await fs.rm(localPath, { force: true });
  }
}
