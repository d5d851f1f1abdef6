import type { Database } from "./database.ts";
import { migrate } from "./migrations.ts";
import { PgliteDatabase } from "./pglite-database.ts";
import { PostgresDatabase } from "./postgres-database.ts";

export interface OpenDatabaseOptions {
  /** A PostgreSQL connection URL; without it (or when empty) Kamiroku uses the embedded database. */
  url?: string;
  /** Folder of the embedded database ("memory://" for a throwaway one). */
  embeddedDir: string;
}

/** Connects and migrates, so every caller gets a database with the current schema. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const db = options.url
    ? new PostgresDatabase({ url: options.url })
    : await PgliteDatabase.open({ dataDir: options.embeddedDir });
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
