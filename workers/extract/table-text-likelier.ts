import type { FieldDefinition } from "../../config/forms/form-definitions.ts";
import type { LanguageModel } from "./language-model.ts";
import { likelierReading, replacementReason } from "./likelier-reading.ts";
import { editDistance } from "./normalise/edit-distance.ts";
import type { FieldReading } from "./read-field.ts";
import { cellReasonPrefix } from "./read-table-field.ts";

type Rows = Record<string, unknown>[];

/**
 * Rows are matched by their place in the table: a reading that split or joined rows otherwise
 * gives another row's text in the same place, which differs in far more than a misreading.
 */
const MOST_CHANGED_SHARE = 1 / 3;

function sameCell(text: string, other: string): boolean {
  return editDistance(text, other) <= Array.from(text).length * MOST_CHANGED_SHARE;
}

/**
 * The table's text cells (the 内容 of each progress entry) with each stretch another reading of
 * the table reads otherwise taken from it where it reads likelier as Japanese, as a paragraph's
 * are (likelier-reading.ts), and each character's lookalikes tried as a paragraph's are. Only
 * readings with as many rows are compared, cell by cell; each stretch taken is named with its
 * cell, so the table goes to review.
 */
export function withLikelierTableText(
  field: FieldDefinition,
  reading: FieldReading,
  others: readonly (FieldReading | null)[],
  language: LanguageModel | undefined,
): FieldReading {
  if (!language || !Array.isArray(reading.value)) return reading;
  const rows = reading.value as Rows;
  const otherRows = others.flatMap((other) =>
    other && Array.isArray(other.value) && other.value.length === rows.length
      ? [other.value as Rows]
      : [],
  );
  const textColumns = (field.columns ?? []).filter((column) => column.type === "longtext");
  if (textColumns.length === 0) return reading;
  const reasons = [...reading.reasons];
  const entries = rows.map((row, index) => {
    const chosen = { ...row };
    for (const column of textColumns) {
      const text = row[column.key];
      if (typeof text !== "string") continue;
      const alternatives = otherRows.flatMap((other) => {
        const value = other[index]?.[column.key];
        return typeof value === "string" && sameCell(text, value) ? [value] : [];
      });
      const likelier = likelierReading(text, alternatives, language, { lookalikes: true });
      if (likelier.replaced.length === 0) continue;
      chosen[column.key] = likelier.text;
      const prefix = cellReasonPrefix(index + 1, column.labels[0]);
      reasons.push(...likelier.replaced.map((replaced) => prefix + replacementReason(replaced)));
    }
    return chosen;
  });
  return reasons.length === reading.reasons.length
    ? reading
    : { ...reading, value: entries, reasons };
}
