import { randomBytes } from "node:crypto";
import type { Database } from "../../storage/db/database.ts";
import { openDatabase } from "../../storage/db/open-database.ts";
import { PostgresDatabase } from "../../storage/db/postgres-database.ts";

export type TestDatabaseKind = "postgresql" | "pglite";

/** Every implementation the database contract tests run against. */
export const TEST_DATABASE_KINDS: readonly TestDatabaseKind[] = ["postgresql", "pglite"];

const DEFAULT_URL = "postgresql://127.0.0.1:5432/test";

export interface TestDatabase {
  readonly kind: TestDatabaseKind;
  /** PostgreSQL: a URL whose connections land in this test's schema (for child processes). */
  readonly url: string | null;
  /**
   * Opens and migrates a connection to this test database. PostgreSQL: a new pool on the same
   * schema each call. PGlite: a new, empty in-memory database each call.
   */
  open(): Promise<Database>;
  /** Drops the PostgreSQL schema; close what open() returned first. */
  dispose(): Promise<void>;
}

/**
 * PostgreSQL at TEST_DATABASE_URL (default postgresql://127.0.0.1:5432/test) isolated in a
 * fresh schema, so test files running in parallel never see each other's rows; or PGlite.
 */
export async function createTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    return {
      kind,
      url: null,
      open: () => openDatabase({ embeddedDir: "memory://" }),
      dispose: async () => {},
    };
  }
  const baseUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_URL;
  const admin = await connectOrExplain(baseUrl);
  const schema = `kamiroku_test_${randomBytes(6).toString("hex")}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(baseUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    kind,
    url: url.toString(),
    // embeddedDir only counts without a url.
    open: () => openDatabase({ url: url.toString(), embeddedDir: "memory://" }),
    dispose: async () => {
      try {
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      } finally {
        await admin.close();
      }
    },
  };
}

/** The contract must hold on PostgreSQL too, so a missing server fails the run instead of skipping it. */
async function connectOrExplain(url: string): Promise<Database> {
  const db = new PostgresDatabase({ url, maxConnections: 1 });
  try {
    await db.query("SELECT 1");
    return db;
  } catch (error) {
    await db.close();
    throw new Error(
      `PostgreSQL is not reachable at ${db.describe()} (${(error as Error).message}). ` +
        "Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start " +
        "(trust auth, database `test`), or point TEST_DATABASE_URL at another server.",
    );
  }
}
