import type {
  FieldDefinition,
  TableColumnDefinition,
} from "../../config/forms/form-definitions.ts";
import type { BBox } from "../ocr/ocr-result.ts";
import type { PageAnalysis } from "./analyse-page.ts";
import { unionBoxes } from "./boxes.ts";
import { locateOptions } from "./locate-options.ts";
import { nearestOptionWord } from "./nearest-option-word.ts";
import { normaliseValue } from "./normalise-value.ts";
import type { Token } from "./page-text.ts";
import { type FieldReading, type ReadFieldContext, writtenText } from "./read-field.ts";
import { readTableRows } from "./read-table.ts";
import { ocrConfidence } from "./value-confidence.ts";

const RUN_OVER = "右の欄にはみ出した数字を日付に含めました";

/** How a review reason names a table cell: its row, from 1, and its column's heading. */
export function cellReasonPrefix(rowNumber: number, heading: string | undefined): string {
  return `${rowNumber}行目 ${heading}: `;
}

/**
 * A table field (the 支援経過 entries) over all pages of its form that show its heading row: one
 * object per row, each column normalised by its type. A cell that cannot be read is null in its
 * row and sends the field to review with the row and column named.
 */
export function readTableField(
  field: FieldDefinition,
  pages: readonly PageAnalysis[],
  context: ReadFieldContext,
): FieldReading | null {
  const entries: Record<string, unknown>[] = [];
  const rawRows: string[] = [];
  const reasons: string[] = [];
  const boxes: BBox[] = [];
  let confidence = 1;
  let first: PageAnalysis | undefined;
  for (const page of pages) {
    const header = page.tables.get(field.key);
    if (!header) continue;
    first ??= page;
    for (const row of readTableRows(page.text, header, page)) {
      const entry: Record<string, unknown> = {};
      const rawCells: string[] = [];
      for (const column of field.columns ?? []) {
        const cell = readCell(column, row.cells.get(column.key) ?? [], page, header.em, context);
        entry[column.key] = cell.value;
        rawCells.push(cell.raw);
        confidence = Math.min(confidence, cell.confidence);
        const cellReasons = [
          ...(row.runOver.includes(column.key) ? [RUN_OVER] : []),
          ...(cell.reason ? [cell.reason] : []),
        ];
        if (cellReasons.length > 0)
          reasons.push(
            `${cellReasonPrefix(entries.length + 1, column.labels[0])}${cellReasons.join("、")}`,
          );
      }
      entries.push(entry);
      rawRows.push(rawCells.join(" | "));
      if (page === first) boxes.push(row.bbox);
    }
  }
  if (!first) return null;
  if (entries.length === 0) reasons.push("記入された行がありません");
  return {
    value: entries,
    raw: rawRows.join("\n"),
    bbox: unionBoxes(boxes),
    page: first.text.pageNumber,
    confidence: entries.length === 0 ? 0 : confidence,
    reasons,
  };
}

interface CellReading {
  value: unknown;
  raw: string;
  confidence: number;
  reason: string | null;
}

function readCell(
  column: TableColumnDefinition,
  lines: readonly Token[][],
  page: PageAnalysis,
  em: number,
  context: ReadFieldContext,
): CellReading {
  const written = writtenText(lines, column.type, page.text.ink, em);
  const raw = written.text;
  if (raw === "") return { value: null, raw, confidence: 0, reason: "記入がありません" };
  const confidence = ocrConfidence(lines.flat().flatMap((token) => token.glyphs));
  if (column.options) {
    // A method column holds the chosen word itself (訪問), not marks against printed options.
    const located = locateOptions(lines, column.options);
    const near = located.length === 0 ? nearestOptionWord(raw, column.options) : null;
    if (near) {
      const reason = `「${raw}」を「${near.word}」と読みました`;
      return { value: near.option.code, raw, confidence, reason };
    }
    if (located.length !== 1) {
      return { value: null, raw, confidence: 0, reason: `「${raw}」は選択肢にありません` };
    }
    const [option] = located;
    return { value: option?.option.code ?? null, raw, confidence, reason: null };
  }
  // A column has no plausibility of its own: the reading's context is all its normaliser needs.
  const result = normaliseValue(column.type, raw, context);
  if (!result.ok) return { value: null, raw, confidence: 0, reason: result.reason };
  const doubts = [...written.reasons, ...(result.warnings ?? [])];
  return {
    value: result.value,
    raw,
    confidence,
    reason: doubts.length > 0 ? doubts.join("、") : null,
  };
}
