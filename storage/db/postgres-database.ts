import { userInfo } from "node:os";
import pg from "pg";
import type { Database, Queryable } from "./database.ts";
import { INT8_OID, parseInt8 } from "./int8.ts";

export interface PostgresDatabaseOptions {
  /** postgresql://user:password@host:port/database?options=… */
  url: string;
  /** Most connections the pool opens; node-postgres' default is 10. */
  maxConnections?: number;
}

/** A PostgreSQL server through a node-postgres pool. */
export class PostgresDatabase implements Database {
  private readonly pool: pg.Pool;

  constructor(private readonly options: PostgresDatabaseOptions) {
    // The pool's own parsers, so other pg users in the process keep the library defaults.
    const types = new pg.TypeOverrides();
    types.setTypeParser(INT8_OID, parseInt8);
    this.pool = new pg.Pool({
      connectionString: withDefaultUser(options.url),
      max: options.maxConnections,
      types,
    });
    // An idle connection the server dropped (restart, timeout) is discarded by the pool and
    // the next query opens a new one; without a listener the event would crash the process.
    this.pool.on("error", () => {});
  }

  async query<Row extends object>(sql: string, params?: readonly unknown[]): Promise<Row[]> {
    return rowsOf<Row>(await this.pool.query(sql, params as unknown[] | undefined));
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A connection whose ROLLBACK failed is in an unknown state and must not go back to the pool.
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      const result = await work({
        query: async <Row extends object>(sql: string, params?: readonly unknown[]) =>
          rowsOf<Row>(await client.query(sql, params as unknown[] | undefined)),
      });
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  describe(): string {
    const url = new URL(this.options.url);
    return `postgresql://${url.hostname}:${url.port || "5432"}${url.pathname}`;
  }
}

/**
 * A URL without a user means "the OS user" to libpq (psql), but node-postgres reads $USER,
 * which services and containers often lack. Filling it in makes a URL that works in psql work here.
 */
function withDefaultUser(connectionString: string): string {
  const url = new URL(connectionString);
  if (url.username || process.env.PGUSER) {
    return connectionString;
  }
  try {
    url.username = userInfo().username;
  } catch {
    // No passwd entry for this uid: leave the choice to node-postgres.
    return connectionString;
  }
  return url.toString();
}

/** A multi-statement script (no params) yields one result per statement. */
function rowsOf<Row>(result: pg.QueryResult | pg.QueryResult[]): Row[] {
  const last = Array.isArray(result) ? result.at(-1) : result;
  return (last?.rows ?? []) as Row[];
}
