import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EmbeddedDatabaseInUseError } from "../../storage/db/embedded-database-lock.ts";
import { PgliteDatabase } from "../../storage/db/pglite-database.ts";

describe("embedded database lock", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
  });

  async function tempDataDir(): Promise<string> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kamiroku-pglite-"));
    dirs.push(dir);
    return path.join(dir, "db");
  }

  it("keeps a second process out while the first holds the folder, and lets it in after close", async () => {
    const dataDir = await tempDataDir();
    const first = await PgliteDatabase.open({ dataDir });
    // Another process's pid in the lock file stands for "a second Kamiroku process".
    await fs.writeFile(`${dataDir}.lock`, String(process.ppid));
    await expect(PgliteDatabase.open({ dataDir })).rejects.toThrow(EmbeddedDatabaseInUseError);
    await expect(PgliteDatabase.open({ dataDir })).rejects.toThrow(/DATABASE_URL/);
    await first.close();
    const reopened = await PgliteDatabase.open({ dataDir });
    expect(await reopened.query("SELECT 1 AS one")).toEqual([{ one: 1 }]);
    await reopened.close();
  });

  it("takes over a lock left behind by a process that has died", async () => {
    const dataDir = await tempDataDir();
    const finished = spawnSync(process.execPath, [
      "-e",
      "process.stdout.write(String(process.pid))",
    ]);
    await fs.writeFile(`${dataDir}.lock`, finished.stdout.toString());
    const db = await PgliteDatabase.open({ dataDir });
    expect(await fs.readFile(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
    await db.close();
    await expect(fs.stat(`${dataDir}.lock`)).rejects.toThrow();
  });
});
