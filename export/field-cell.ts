import type { FieldDefinition } from "../config/forms/form-definitions.ts";

/** What formatting a value needs of its definition: a field's, or a column's of a table field. */
type CellFormat = Pick<FieldDefinition, "type" | "options" | "columns">;

const LIST_SEPARATOR = "、";
const COLUMN_SEPARATOR = " / ";

/**
 * A record value as spreadsheet text for an office: dates stay ISO (Excel reads them as dates),
 * codes become the option words printed on the form (female → 女), a multichoice its words
 * joined with 、, a boolean 有 or 無, and a table one line per row, its columns in order
 * separated by " / ". Absent or unreadable (null) is an empty cell.
 */
export function fieldCellText(format: CellFormat, value: unknown): string {
  if (value === null || value === undefined) return "";
  switch (format.type) {
    case "choice":
      return optionWord(format, value);
    case "multichoice":
      return listOf(value)
        .map((code) => optionWord(format, code))
        .join(LIST_SEPARATOR);
    case "table":
      return listOf(value)
        .map((row) => tableRowText(format, row))
        .join("\n");
    default:
      return plainText(value);
  }
}

/** The option's first word, the spec's wording; a code the definitions do not know, as it is. */
function optionWord(format: CellFormat, code: unknown): string {
  const option = format.options?.find((candidate) => candidate.code === code);
  return option?.words[0] ?? plainText(code);
}

function tableRowText(format: CellFormat, row: unknown): string {
  if (typeof row !== "object" || row === null) return plainText(row);
  const cells = (format.columns ?? []).map((column) =>
    fieldCellText(column, (row as Record<string, unknown>)[column.key]),
  );
  // One line per row: a line break inside a cell of the row would read as a row of its own.
  return cells.join(COLUMN_SEPARATOR).replace(/\s*[\r\n]+\s*/g, " ");
}

function plainText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "有" : "無";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.map(plainText).join(LIST_SEPARATOR);
  return JSON.stringify(value);
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}
