/** PostgreSQL's type oid of int8 (bigint), also the type of count(*). */
export const INT8_OID = 20;

/**
 * Both implementations read int8 through this, so sizes and counts are plain numbers everywhere.
 * A value past 2^53 would silently lose digits as a number, so it stays exact as a bigint
 * instead (PGlite's own rule); no size or count Kamiroku stores comes near that.
 */
export function parseInt8(text: string): number | bigint {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : BigInt(text);
}
