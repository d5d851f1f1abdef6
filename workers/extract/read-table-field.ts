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
import {
  type CellConfidence,
  type FieldReading,
  type ReadFieldContext,
  writtenText,
} from "./read-field.ts";
import { readTableRows } from "./read-table.ts";
import { lineStray, strayLikeType } from "./typeset-line.ts";
import { ocrConfidence, typesetValueConfidence } from "./value-confidence.ts";

const RUN_OVER = "右の欄にはみ出した数字を日付に含めました";

/** How a review reason names a table cell: its row, from 1, and its column's heading. */
export function cellReasonPrefix(rowNumber: number, heading: string | undefined): string {
  return `${rowNumber}行目 ${heading}: `;
}

/**
 * A table field (the 支援経過 entries) over all pages of its form that show its heading row: one
 * object per row, each column normalised by its type. A cell that cannot be read is null in its
 * row and sends the field to review with the row and column named. Each cell keeps its own
 * confidence and sign of type (FieldReading.cells), as a value of its column's type would.
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
  const cells: CellConfidence[] = [];
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
        const reasonPrefix = cellReasonPrefix(entries.length + 1, column.labels[0]);
        entry[column.key] = cell.value;
        rawCells.push(cell.raw);
        cells.push({
          reasonPrefix,
          type: column.type,
          confidence: cell.confidence,
          typeset: cell.typeset,
        });
        const cellReasons = [
          ...(row.runOver.includes(column.key) ? [RUN_OVER] : []),
          ...(cell.reason ? [cell.reason] : []),
        ];
        if (cellReasons.length > 0) reasons.push(`${reasonPrefix}${cellReasons.join("、")}`);
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
    confidence: cells.length === 0 ? 0 : Math.min(...cells.map((cell) => cell.confidence)),
    reasons,
    cells,
  };
}

interface CellReading {
  value: unknown;
  raw: string;
  confidence: number;
  typeset: boolean;
  reason: string | null;
}

function readCell(
  column: TableColumnDefinition,
  lines: readonly Token[][],
  page: PageAnalysis,
  em: number,
  context: ReadFieldContext,
): CellReading {
  const written = writtenText(lines, column.type, page.text.ink, em, context.language);
  const raw = written.text;
  if (raw === "")
    return { value: null, raw, confidence: 0, typeset: false, reason: "記入がありません" };
  const typeset = page.text.ink !== null && strayLikeType(lineStray(lines, page.text.ink, em));
  const glyphs = lines.flat().flatMap((token) => token.glyphs);
  // Not weighed for its type unless typed: the generator writes no table by hand, so nothing
  // measured says how far a hand's cell may be trusted beyond OCR's own word.
  const confidence = typeset ? typesetValueConfidence(column.type, glyphs) : ocrConfidence(glyphs);
  const unread = (reason: string) => ({ value: null, raw, confidence: 0, typeset, reason });
  if (column.options) {
    // A method column holds the chosen word itself (訪問), not marks against printed options.
    const located = locateOptions(lines, column.options);
    const near = located.length === 0 ? nearestOptionWord(raw, column.options) : null;
    if (near) {
      const reason = `「${raw}」を「${near.word}」と読みました`;
      return { value: near.option.code, raw, confidence, typeset, reason };
    }
    if (located.length !== 1) return unread(`「${raw}」は選択肢にありません`);
    const [option] = located;
    return { value: option?.option.code ?? null, raw, confidence, typeset, reason: null };
  }
  // A column has no plausibility of its own: the reading's context is all its normaliser needs.
  const result = normaliseValue(column.type, raw, context);
  if (!result.ok) return unread(result.reason);
  const doubts = [...written.reasons, ...(result.warnings ?? [])];
  return {
    value: result.value,
    raw,
    confidence,
    typeset,
    reason: doubts.length > 0 ? doubts.join("、") : null,
  };
}
