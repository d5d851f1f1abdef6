import type { Queryable } from "../db/database.ts";
import { DEFAULT_AGENCY_ID } from "./agency-repository.ts";
import type { AgencyScope } from "./record-review-repository.ts";
import { RowNotFoundError } from "./row-not-found-error.ts";
import { SOURCE_FILE_STATUSES, type SourceFileStatus } from "./source-file-repository.ts";

/** A named delivery of files, e.g. one clerk's scans of one day, of one agency. */
export interface Batch {
  id: string;
  name: string;
  agencyId: string;
  createdAt: Date;
}

const EVERY_AGENCY: AgencyScope = { agencyId: null };

export interface BatchSummary extends Batch {
  files: { total: number; byStatus: Record<SourceFileStatus, number> };
  pages: { total: number; ocrDone: number };
  /** needsReview: flagged by extraction and not yet verified, rejected or imported by a person. */
  records: { total: number; needsReview: number };
}

interface BatchRow {
  id: string;
  name: string;
  agency_id: string;
  created_at: Date;
}

interface SummaryRow extends BatchRow {
  files_by_status: Partial<Record<SourceFileStatus, number>>;
  pages_total: number;
  pages_ocr_done: number;
  records_total: number;
  records_needs_review: number;
}

/** One query for one batch or all of them; each count is a lateral subquery over its own table. */
const SUMMARY_SQL = `
  SELECT b.id, b.name, b.agency_id, b.created_at, f.files_by_status,
         p.pages_total, p.pages_ocr_done, r.records_total, r.records_needs_review
  FROM batches b
  CROSS JOIN LATERAL (
    SELECT coalesce(jsonb_object_agg(status, n), '{}'::jsonb) AS files_by_status
    FROM (SELECT status, count(*) AS n FROM source_files WHERE batch_id = b.id GROUP BY status) s
  ) f
  CROSS JOIN LATERAL (
    SELECT count(*) AS pages_total,
           count(*) FILTER (WHERE pages.status = 'ocr_done') AS pages_ocr_done
    FROM pages JOIN source_files ON source_files.id = pages.file_id
    WHERE source_files.batch_id = b.id
  ) p
  CROSS JOIN LATERAL (
    SELECT count(*) AS records_total,
           count(*) FILTER (
             WHERE records.needs_review AND records.status IN ('extracted', 'in_review')
           ) AS records_needs_review
    FROM records JOIN source_files ON source_files.id = records.file_id
    WHERE source_files.batch_id = b.id
  ) r`;

/** One file's line of the batch report. */
export interface FileReportRow {
  fileName: string;
  status: SourceFileStatus;
  pages: number | null;
  blankPages: number;
  /** Case files the separator sheets cut the file into (0 without sheets). */
  separatorSheets: number;
  recordsByDocType: Record<string, number>;
  needsReview: number;
  nearDuplicatePages: number;
  duplicateOf: string | null;
  error: string | null;
}

export class BatchRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * The agency's batch of that name, created when new. Safe when two uploads name the same new
   * batch at once: both get the one row.
   */
  async getOrCreate(name: string, agencyId = DEFAULT_AGENCY_ID): Promise<Batch> {
    const [created] = await this.db.query<BatchRow>(
      `INSERT INTO batches (name, agency_id) VALUES ($1, $2)
       ON CONFLICT (agency_id, name) DO NOTHING RETURNING *`,
      [name, agencyId],
    );
    if (created) {
      return toBatch(created);
    }
    // The conflicting row is committed by now (ON CONFLICT waited for it), so this statement sees it.
    const existing = await this.findByName(name, agencyId);
    if (!existing) {
      throw new RowNotFoundError("batches", name);
    }
    return existing;
  }

  async findByName(name: string, agencyId = DEFAULT_AGENCY_ID): Promise<Batch | null> {
    const [row] = await this.db.query<BatchRow>(
      "SELECT * FROM batches WHERE name = $1 AND agency_id = $2",
      [name, agencyId],
    );
    return row ? toBatch(row) : null;
  }

  /** Null also for a batch outside the scope: to the caller it does not exist. */
  async get(id: string, scope = EVERY_AGENCY): Promise<Batch | null> {
    const [row] = await this.db.query<BatchRow>(
      "SELECT * FROM batches WHERE id = $1 AND ($2::uuid IS NULL OR agency_id = $2)",
      [id, scope.agencyId],
    );
    return row ? toBatch(row) : null;
  }

  /** Oldest first. */
  async listSummaries(scope = EVERY_AGENCY): Promise<BatchSummary[]> {
    const rows = await this.db.query<SummaryRow>(
      `${SUMMARY_SQL} WHERE $1::uuid IS NULL OR b.agency_id = $1 ORDER BY b.created_at, b.name`,
      [scope.agencyId],
    );
    return rows.map(toSummary);
  }

  /** Per file, in the order handed in: what the batch report shows. */
  async fileReport(batchId: string): Promise<FileReportRow[]> {
    const rows = await this.db.query<Parameters<typeof toFileReportRow>[0]>(
      `SELECT f.file_name, f.status, f.page_count, f.error_message,
              original.file_name AS duplicate_of_name,
              (SELECT count(*) FROM pages p WHERE p.file_id = f.id AND p.blank) AS blank_pages,
              (SELECT count(*) FROM case_files c
                 WHERE c.file_id = f.id AND c.sheet_page IS NOT NULL) AS separator_sheets,
              (SELECT coalesce(jsonb_object_agg(doc_type, n), '{}'::jsonb) FROM (
                 SELECT doc_type, count(*) AS n FROM records r WHERE r.file_id = f.id GROUP BY doc_type
               ) d) AS by_doc_type,
              (SELECT count(*) FROM records r WHERE r.file_id = f.id AND r.needs_review
                 AND r.status IN ('extracted', 'in_review')) AS needs_review,
              (SELECT count(DISTINCT n.page_id) FROM near_duplicates n
                 JOIN pages p ON p.id = n.page_id WHERE p.file_id = f.id) AS near_duplicate_pages
       FROM source_files f
       LEFT JOIN source_files original ON original.id = f.duplicate_of
       WHERE f.batch_id = $1
       ORDER BY f.created_at, f.file_name, f.id`,
      [batchId],
    );
    return rows.map(toFileReportRow);
  }

  async summary(batchId: string): Promise<BatchSummary> {
    const [row] = await this.db.query<SummaryRow>(`${SUMMARY_SQL} WHERE b.id = $1`, [batchId]);
    if (!row) {
      throw new RowNotFoundError("batches", batchId);
    }
    return toSummary(row);
  }
}

function toFileReportRow(row: {
  file_name: string;
  status: SourceFileStatus;
  page_count: number | null;
  blank_pages: number;
  separator_sheets: number;
  by_doc_type: Record<string, number>;
  needs_review: number;
  near_duplicate_pages: number;
  duplicate_of_name: string | null;
  error_message: string | null;
}): FileReportRow {
  return {
    fileName: row.file_name,
    status: row.status,
    pages: row.page_count,
    blankPages: Number(row.blank_pages),
    separatorSheets: Number(row.separator_sheets),
    recordsByDocType: row.by_doc_type,
    needsReview: Number(row.needs_review),
    nearDuplicatePages: Number(row.near_duplicate_pages),
    duplicateOf: row.duplicate_of_name,
    error: row.error_message,
  };
}

function toBatch(row: BatchRow): Batch {
  return { id: row.id, name: row.name, agencyId: row.agency_id, createdAt: row.created_at };
}

function toSummary(row: SummaryRow): BatchSummary {
  const byStatus = Object.fromEntries(
    SOURCE_FILE_STATUSES.map((status) => [status, row.files_by_status[status] ?? 0]),
  ) as Record<SourceFileStatus, number>;
  return {
    ...toBatch(row),
    files: { total: Object.values(byStatus).reduce((sum, n) => sum + n, 0), byStatus },
    pages: { total: row.pages_total, ocrDone: row.pages_ocr_done },
    records: { total: row.records_total, needsReview: row.records_needs_review },
  };
}
