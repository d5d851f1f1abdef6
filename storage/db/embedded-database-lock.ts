import fs from "node:fs/promises";
import path from "node:path";

export class EmbeddedDatabaseInUseError extends Error {
  override name = "EmbeddedDatabaseInUseError";
}

export interface EmbeddedDatabaseLock {
  release(): Promise<void>;
}

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it.
 * A lock file holding the owner's pid keeps a second process out, with a message saying what to
 * do; a lock left by a process that no longer runs is taken over.
 */
export async function lockEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabaseLock> {
  const lockPath = `${dataDir}.lock`;
  await fs.mkdir(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(lockPath, String(process.pid), { flag: "wx" });
      return { release: () => fs.rm(lockPath, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = Number.parseInt(await fs.readFile(lockPath, "utf8").catch(() => ""), 10);
    if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) {
      throw new EmbeddedDatabaseInUseError(
        `The embedded database in ${dataDir} is in use by another Kamiroku process (pid ${owner}), ` +
          "for example `kamiroku serve`. Stop it first, upload through its web page or " +
          "POST /api/uploads, or set DATABASE_URL to a PostgreSQL server so that several processes can share it.",
      );
    }
    await fs.rm(lockPath, { force: true });
  }
  throw new EmbeddedDatabaseInUseError(`Could not lock the embedded database in ${dataDir}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
