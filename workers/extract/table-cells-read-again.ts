import type { FieldDefinition } from "../../config/forms/form-definitions.ts";
import type { FieldReading } from "./read-field.ts";
import { cellReasonPrefix } from "./read-table-field.ts";

type Rows = Record<string, unknown>[];

/**
 * A table cell the first reading could not read (R6.1.31 read R6.1.3圭: no date) taken from the
 * enlarged reading of the same table, when that reading has as many rows and read the cell
 * without a doubt. Its reason names it, so the table stays in review.
 */
export function withCellsReadAgain(
  field: FieldDefinition,
  reading: FieldReading,
  second: FieldReading | null,
): FieldReading {
  if (!second || !Array.isArray(reading.value) || !Array.isArray(second.value)) return reading;
  const rows = reading.value as Rows;
  const again = second.value as Rows;
  if (rows.length !== again.length) return reading;
  let reasons = reading.reasons;
  const entries = rows.map((row, index) => {
    const filled = { ...row };
    for (const column of field.columns ?? []) {
      const prefix = cellReasonPrefix(index + 1, column.labels[0]);
      const value = again[index]?.[column.key];
      if (row[column.key] !== null || value === null || value === undefined) continue;
      if (second.reasons.some((reason) => reason.startsWith(prefix))) continue;
      filled[column.key] = value;
      reasons = [
        ...reasons.filter((reason) => !reason.startsWith(prefix)),
        `${prefix}拡大した読み取りで読みました`,
      ];
    }
    return filled;
  });
  return reasons === reading.reasons ? reading : { ...reading, value: entries, reasons };
}
