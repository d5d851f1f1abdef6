/**
 * A repository was asked to change or summarise a row that does not exist; `key` names it the
 * way the caller did (an id, a name, a file and page number).
 */
export class RowNotFoundError extends Error {
  override name = "RowNotFoundError";
  constructor(
    readonly table: string,
    readonly key: string,
  ) {
    super(`no ${table} row ${key}`);
  }
}
