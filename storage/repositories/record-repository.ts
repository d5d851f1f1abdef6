import type { Queryable } from "../db/database.ts";
import { RowNotFoundError } from "./row-not-found-error.ts";

export type DocType =
  | "intake"
  | "assessment"
  | "plan"
  | "progress"
  | "meeting"
  | "evaluation"
  | "unknown";

export type RecordStatus = "extracted" | "in_review" | "verified" | "rejected" | "imported";

/** Field values read from a form, grouped as the record schema groups them. */
export interface RecordItems {
  common: Record<string, unknown>;
  optional: Record<string, unknown>;
  custom: Record<string, unknown>;
}

/** One form found in a source file, as extracted and later reviewed. */
export interface StoredRecord {
  id: string;
  fileId: string;
  /** Position of the form within its file. */
  formIndex: number;
  docType: DocType;
  status: RecordStatus;
  /** Page numbers of the file the form spans. */
  pages: number[];
  items: RecordItems;
  redactions: unknown[];
  needsReview: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface ExtractedRecord {
  /**
   * The id for a new row, when the caller derives a stable one (so every tool that extracts
   * the same file agrees on it); the database generates one otherwise. A re-run keeps the id.
   */
  id?: string;
  fileId: string;
  formIndex: number;
  docType: DocType;
  pages: number[];
  items: RecordItems;
  redactions: unknown[];
  needsReview: boolean;
}

interface RecordRow {
  id: string;
  file_id: string;
  form_index: number;
  doc_type: DocType;
  status: RecordStatus;
  pages: number[];
  items: RecordItems;
  redactions: unknown[];
  needs_review: boolean;
  created_at: Date;
  updated_at: Date;
}

export class RecordRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Idempotent per (file, form index). A re-run of extraction replaces the record only while
   * it is still 'extracted': once a person has started reviewing it, their work wins and the
   * stored record is returned unchanged.
   */
  async upsertExtracted(record: ExtractedRecord): Promise<StoredRecord> {
    // JSON text, not objects: node-postgres would send a JS array as a PostgreSQL array.
    const [written] = await this.db.query<RecordRow>(
      `INSERT INTO records
         (id, file_id, form_index, doc_type, pages, items, redactions, needs_review)
       VALUES (coalesce($8::uuid, gen_random_uuid()), $1, $2, $3, $4::integer[], $5::jsonb, $6::jsonb, $7)
       ON CONFLICT (file_id, form_index) DO UPDATE SET
         doc_type = EXCLUDED.doc_type,
         pages = EXCLUDED.pages,
         items = EXCLUDED.items,
         redactions = EXCLUDED.redactions,
         needs_review = EXCLUDED.needs_review,
         version = records.version + 1,
         updated_at = now()
       WHERE records.status = 'extracted'
       RETURNING *`,
      [
        record.fileId,
        record.formIndex,
        record.docType,
        record.pages,
        JSON.stringify(record.items),
        JSON.stringify(record.redactions),
        record.needsReview,
        record.id ?? null,
      ],
    );
    if (written) {
      return toRecord(written);
    }
    const [kept] = await this.db.query<RecordRow>(
      "SELECT * FROM records WHERE file_id = $1 AND form_index = $2",
      [record.fileId, record.formIndex],
    );
    if (!kept) {
      throw new RowNotFoundError("records", `${record.fileId} form ${record.formIndex}`);
    }
    return toRecord(kept);
  }

  async get(id: string): Promise<StoredRecord | null> {
    const [row] = await this.db.query<RecordRow>("SELECT * FROM records WHERE id = $1", [id]);
    return row ? toRecord(row) : null;
  }

  /** In form order. */
  async listByFile(fileId: string): Promise<StoredRecord[]> {
    const rows = await this.db.query<RecordRow>(
      "SELECT * FROM records WHERE file_id = $1 ORDER BY form_index",
      [fileId],
    );
    return rows.map(toRecord);
  }

  /** Grouped by file in the order files were handed in, then in form order. */
  async listByBatch(batchId: string): Promise<StoredRecord[]> {
    const rows = await this.db.query<RecordRow>(
      `SELECT records.* FROM records
       JOIN source_files ON source_files.id = records.file_id
       WHERE source_files.batch_id = $1
       ORDER BY source_files.created_at, source_files.file_name, source_files.id, records.form_index`,
      [batchId],
    );
    return rows.map(toRecord);
  }

  async countByBatch(batchId: string): Promise<RecordCount[]> {
    const rows = await this.db.query<{
      doc_type: DocType;
      status: RecordStatus;
      needs_review: boolean;
      n: number;
    }>(
      `SELECT records.doc_type, records.status, records.needs_review, count(*) AS n
       FROM records JOIN source_files ON source_files.id = records.file_id
       WHERE source_files.batch_id = $1
       GROUP BY records.doc_type, records.status, records.needs_review`,
      [batchId],
    );
    return rows.map((row) => ({
      docType: row.doc_type,
      status: row.status,
      needsReview: row.needs_review,
      count: Number(row.n),
    }));
  }
}

/** How many records of a batch there are, by docType and status. */
export interface RecordCount {
  docType: DocType;
  status: RecordStatus;
  needsReview: boolean;
  count: number;
}

function toRecord(row: RecordRow): StoredRecord {
  return {
    id: row.id,
    fileId: row.file_id,
    formIndex: row.form_index,
    docType: row.doc_type,
    status: row.status,
    pages: row.pages,
    items: row.items,
    redactions: row.redactions,
    needsReview: row.needs_review,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
