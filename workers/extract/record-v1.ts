import type { DocType, RecordItems, Redaction } from "./extracted-form.ts";

export const recordSchemaId = "kamiroku.record/v1";

export type RecordStatus = "extracted" | "in_review" | "verified" | "rejected" | "imported";

/** The export contract `kamiroku.record/v1` (spec: record-fields.md, "Record contract"). */
export interface RecordV1 {
  schema: typeof recordSchemaId;
  recordId: string;
  docType: DocType;
  status: RecordStatus;
  source: { batchId: string | null; fileName: string; sha256: string; pages: number[] };
  items: RecordItems;
  text: { page: number; text: string }[];
  redactions: Redaction[];
  review: { reviewedBy: string; reviewedAt: string; corrections: number } | null;
}

export interface RecordV1Input {
  recordId: string;
  docType: DocType;
  status: RecordStatus;
  batchId: string | null;
  fileName: string;
  sha256: string;
  pages: number[];
  items: RecordItems;
  redactions: Redaction[];
  /** OCR text of every page of the source file; the record keeps its own pages'. */
  pageTexts: ReadonlyMap<number, string>;
}

export function toRecordV1(input: RecordV1Input): RecordV1 {
  return {
    schema: recordSchemaId,
    recordId: input.recordId,
    docType: input.docType,
    status: input.status,
    source: {
      batchId: input.batchId,
      fileName: input.fileName,
      sha256: input.sha256,
      pages: input.pages,
    },
    items: input.items,
    text: input.pages.map((page) => ({ page, text: input.pageTexts.get(page) ?? "" })),
    redactions: input.redactions,
    review: null,
  };
}
