import type { FieldDefinition, FormDefinitions } from "../config/forms/form-definitions.ts";
import { japanDateTime } from "../config/japan-time.ts";
import type { FieldItem } from "../workers/extract/extracted-form.ts";
import type { RecordV1 } from "../workers/extract/record-v1.ts";
import { csvFile } from "./csv-row.ts";
import { docTypeNames } from "./doc-type-names.ts";
import { fieldCellText } from "./field-cell.ts";

/** What the records name by id, named as people read them (batch name, reviewer's name). */
export interface RecordCsvNames {
  batch(batchId: string): string;
  reviewer(userId: string): string;
}

const idsAsTheyAre: RecordCsvNames = { batch: (id) => id, reviewer: (id) => id };

/**
 * The records as a CSV file for offices without the platform: one row per record, every field
 * of every document type in a column of its own under its printed label (empty where a form has
 * no such field), UTF-8 with BOM, RFC 4180 with CRLF line ends. Writes the records it is given;
 * choosing which (verified ones) is the caller's.
 */
export function recordsCsv(
  records: readonly RecordV1[],
  definitions: FormDefinitions,
  names: RecordCsvNames = idsAsTheyAre,
): Buffer {
  // Keys are unique across the definitions (municipality-forms refuses a repeated one).
  const { fields } = definitions;
  const header = [
    "記録ID",
    "文書種別",
    "バッチ",
    "ファイル名",
    "ページ",
    ...fields.map(columnLabel),
    "確認者",
    "確認日時",
  ];
  const rows = records.map((record) => [
    record.recordId,
    docTypeNames[record.docType],
    record.source.batchId ? names.batch(record.source.batchId) : "",
    record.source.fileName,
    record.source.pages.join("、"),
    ...fields.map((field) => fieldCellText(field, itemOf(record, field.key)?.value)),
    record.review ? names.reviewer(record.review.reviewedBy) : "",
    record.review ? reviewTime(record.review.reviewedAt) : "",
  ]);
  return csvFile([header, ...rows]);
}

/** The printed label; a table has none of its own, so its column headings stand for it. */
function columnLabel(field: FieldDefinition): string {
  return (
    field.labels[0] ??
    (field.columns ?? []).map((column) => column.labels[0] ?? column.key).join(" / ")
  );
}

function itemOf(record: RecordV1, key: string): FieldItem | undefined {
  const { common, optional, custom } = record.items;
  return common[key] ?? optional[key] ?? custom[key];
}

/** Japan time, which Excel reads as a date and time; an unreadable stamp as it is. */
function reviewTime(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : japanDateTime(time);
}
