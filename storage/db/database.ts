/**
 * The one SQL surface the repositories use. PostgreSQL (node-postgres) and the embedded PGlite
 * both implement it with the same SQL and the same migrations.
 */
export interface Queryable {
  /**
   * Runs one parameterised statement and returns its rows. Without `params` the text may hold
   * several statements (a migration script); the rows of the last one are returned.
   */
  query<Row extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<Row[]>;
}

export interface Database extends Queryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** "postgresql://host:port/db" (no password) or "pglite:/path"; for logs and `kamiroku config`. */
  describe(): string;
}
