import { PGlite, type Transaction } from "@electric-sql/pglite";
import type { Database, Queryable } from "./database.ts";
import { type EmbeddedDatabaseLock, lockEmbeddedDatabase } from "./embedded-database-lock.ts";
import { INT8_OID, parseInt8 } from "./int8.ts";

export interface PgliteDatabaseOptions {
  /** A folder for a persistent database, or "memory://" for one that lives as long as the process. */
  dataDir: string;
}

/**
 * The embedded PostgreSQL (WASM), so Kamiroku runs without a server. It has one connection:
 * statements queue behind each other, and code inside `transaction` must use the `tx` it is
 * given, since a query on the database itself would wait for the transaction to end.
 */
export class PgliteDatabase implements Database {
  private constructor(
    private readonly pglite: PGlite,
    private readonly dataDir: string,
    private readonly lock: EmbeddedDatabaseLock | null,
  ) {}

  static async open(options: PgliteDatabaseOptions): Promise<PgliteDatabase> {
    const inMemory = options.dataDir.startsWith("memory://");
    const lock = inMemory ? null : await lockEmbeddedDatabase(options.dataDir);
    try {
      const pglite = await PGlite.create({
        dataDir: options.dataDir,
        parsers: { [INT8_OID]: parseInt8 },
      });
      return new PgliteDatabase(pglite, options.dataDir, lock);
    } catch (error) {
      await lock?.release();
      throw error;
    }
  }

  query<Row extends object>(sql: string, params?: readonly unknown[]): Promise<Row[]> {
    return run<Row>(this.pglite, sql, params);
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.pglite.transaction((tx) =>
      work({
        query: <Row extends object>(sql: string, params?: readonly unknown[]) =>
          run<Row>(tx, sql, params),
      }),
    );
  }

  async close(): Promise<void> {
    await this.pglite.close();
    await this.lock?.release();
  }

  describe(): string {
    return `pglite:${this.dataDir}`;
  }
}

/**
 * PGlite's `query` is one prepared statement, so a script without params goes through `exec`
 * (the simple protocol), as node-postgres does on its own.
 */
async function run<Row>(
  target: PGlite | Transaction,
  sql: string,
  params?: readonly unknown[],
): Promise<Row[]> {
  if (params === undefined || params.length === 0) {
    const results = await target.exec(sql);
    return (results.at(-1)?.rows ?? []) as Row[];
  }
  return (await target.query<Row>(sql, [...params])).rows;
}
