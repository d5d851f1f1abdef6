import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Database, Queryable } from "./database.ts";

export interface Migration {
  version: number;
  name: string;
}

const FOLDER = fileURLToPath(new URL("./migrations/", import.meta.url));

const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/;

/**
 * Any constant works as long as nothing else in the database uses it as an advisory lock key:
 * every process that migrates takes this lock, so two workers starting at once apply each
 * migration exactly once instead of racing on CREATE TABLE.
 */
const LOCK_KEY = 4_261_150_713;

/**
 * Brings the schema up to date with `migrations/NNN_name.sql`, in version order, each file in
 * its own transaction together with its row in schema_migrations. Returns what it applied now
 * (nothing when the schema was current).
 */
export async function migrate(db: Database): Promise<Migration[]> {
  const migrations = await readMigrations();
  await db.transaction(async (tx) => {
    await lock(tx);
    await tx.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version    integer PRIMARY KEY,
        name       text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
  });
  const applied: Migration[] = [];
  for (const { version, name, sql } of migrations) {
    const appliedNow = await db.transaction(async (tx) => {
      await lock(tx);
      // Checked under the lock: another process may have applied it while we waited.
      const done = await tx.query("SELECT 1 FROM schema_migrations WHERE version = $1", [version]);
      if (done.length > 0) {
        return false;
      }
      await tx.query(sql);
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
        version,
        name,
      ]);
      return true;
    });
    if (appliedNow) {
      applied.push({ version, name });
    }
  }
  return applied;
}

async function lock(tx: Queryable): Promise<void> {
  // Released at COMMIT/ROLLBACK, so a crashed migration never leaves the lock held.
  await tx.query("SELECT pg_advisory_xact_lock($1)", [LOCK_KEY]);
}

async function readMigrations(): Promise<(Migration & { sql: string })[]> {
  const migrations: (Migration & { sql: string })[] = [];
  for (const file of await readdir(FOLDER)) {
    if (!file.endsWith(".sql")) {
      continue;
    }
    const match = FILE_NAME.exec(file);
    if (!match?.[1] || !match[2]) {
      // Skipping it would silently leave the schema behind.
      throw new Error(`migration file ${file} is not named NNN_lowercase_name.sql`);
    }
    const version = Number(match[1]);
    if (migrations.some((migration) => migration.version === version)) {
      throw new Error(`two migrations have version ${match[1]} in ${FOLDER}`);
    }
    migrations.push({ version, name: match[2], sql: await readFile(join(FOLDER, file), "utf8") });
  }
  return migrations.sort((a, b) => a.version - b.version);
}
