import type { Queryable } from "../db/database.ts";
import type { DocType, RecordItems, RecordStatus } from "./record-repository.ts";

/** Whose records a person may see: one agency's, or every agency's (admins). */
export interface AgencyScope {
  agencyId: string | null;
}

/** Statuses of records waiting for a person. */
export const WAITING_STATUSES: readonly RecordStatus[] = ["extracted", "in_review"];

export interface QueueFilter {
  batchId?: string;
  docType?: DocType;
  status?: "extracted" | "in_review";
}

export interface Lease {
  userId: string;
  holder: string;
  expiresAt: Date;
}

/** A record with what the review screen shows around it. */
export interface RecordUnderReview {
  id: string;
  fileId: string;
  version: number;
  docType: DocType;
  status: RecordStatus;
  needsReview: boolean;
  pages: number[];
  items: RecordItems;
  redactions: unknown[];
  batch: { id: string; name: string; agencyId: string };
  fileName: string;
  /** What the separator sheet in front of the record's case file said; null without one. */
  caseFile: { boxNumber: string | null; caseNumber: string | null; serial: number | null } | null;
  lease: Lease | null;
  rejectReason: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  createdAt: Date;
}

export interface QueueEntry {
  id: string;
  docType: DocType;
  status: RecordStatus;
  needsReview: boolean;
  items: RecordItems;
  pages: number[];
  batch: { id: string; name: string };
  fileName: string;
  lease: Lease | null;
  createdAt: Date;
}

export interface QueuePage {
  entries: QueueEntry[];
  total: number;
  byStatus: Record<string, number>;
  byDocType: Record<string, number>;
}

/** What a write that names a version and needs the lease may find instead. */
export type WriteRefusal =
  | { refused: "not_found" }
  | { refused: "stale_version"; version: number }
  | { refused: "leased"; holder: string }
  | { refused: "not_waiting"; status: RecordStatus };

export interface FieldEdit {
  items: RecordItems;
  docType: DocType;
  needsReview: boolean;
}

interface ReviewRow {
  id: string;
  file_id: string;
  version: number;
  doc_type: DocType;
  status: RecordStatus;
  needs_review: boolean;
  pages: number[];
  items: RecordItems;
  redactions: unknown[];
  batch_id: string;
  batch_name: string;
  agency_id: string;
  file_name: string;
  sheet_page: number | null;
  box_number: string | null;
  case_number: string | null;
  sheet_serial: number | null;
  lease_user_id: string | null;
  lease_holder: string | null;
  lease_expires_at: Date | null;
  reject_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  created_at: Date;
}

const SELECT_REVIEW = `
  SELECT r.id, r.file_id, r.version, r.doc_type, r.status, r.needs_review, r.pages, r.items,
         r.redactions, r.reject_reason, r.reviewed_by, r.reviewed_at, r.created_at,
         b.id AS batch_id, b.name AS batch_name, b.agency_id, f.file_name,
         cf.sheet_page, cf.box_number, cf.case_number, cf.sheet_serial,
         CASE WHEN r.lease_expires_at > now() THEN r.lease_user_id END AS lease_user_id,
         CASE WHEN r.lease_expires_at > now() THEN r.lease_expires_at END AS lease_expires_at,
         CASE WHEN r.lease_expires_at > now() THEN holder.display_name END AS lease_holder
  FROM records r
  JOIN source_files f ON f.id = r.file_id
  JOIN batches b ON b.id = f.batch_id
  LEFT JOIN users holder ON holder.id = r.lease_user_id
  LEFT JOIN case_files cf ON cf.id = r.case_file_id`;

/** A live lease held by someone other than $user blocks writes; an expired one does not. */
const FREE_FOR_USER = `(r.lease_user_id IS NULL OR r.lease_user_id = $2 OR r.lease_expires_at <= now())`;

/**
 * The records side of reviewing: the work queue, the edit lease, and writes that carry the
 * version the reviewer edited, so that a stale save changes nothing.
 */
export class RecordReviewRepository {
  constructor(private readonly db: Queryable) {}

  async get(id: string, scope: AgencyScope): Promise<RecordUnderReview | null> {
    const [row] = await this.db.query<ReviewRow>(
      `${SELECT_REVIEW} WHERE r.id = $1 AND ($2::uuid IS NULL OR b.agency_id = $2)`,
      [id, scope.agencyId],
    );
    return row ? toReview(row) : null;
  }

  async queue(
    filter: QueueFilter,
    scope: AgencyScope,
    page: { limit: number; offset: number },
  ): Promise<QueuePage> {
    const params = [scope.agencyId, filter.batchId ?? null, filter.docType ?? null];
    const where = `r.status IN ('extracted', 'in_review')
      AND ($1::uuid IS NULL OR b.agency_id = $1)
      AND ($2::uuid IS NULL OR b.id = $2)`;
    const rows = await this.db.query<ReviewRow>(
      `${SELECT_REVIEW} WHERE ${where}
         AND ($3::text IS NULL OR r.doc_type = $3)
         AND ($4::text IS NULL OR r.status = $4)
       ORDER BY r.created_at, r.id LIMIT $5 OFFSET $6`,
      [...params, filter.status ?? null, page.limit, page.offset],
    );
    const counts = await this.db.query<{ status: string; doc_type: string; n: number }>(
      `SELECT r.status, r.doc_type, count(*) AS n
       FROM records r JOIN source_files f ON f.id = r.file_id JOIN batches b ON b.id = f.batch_id
       WHERE ${where}
       GROUP BY r.status, r.doc_type`,
      params.slice(0, 2),
    );
    const byStatus: Record<string, number> = {};
    const byDocType: Record<string, number> = {};
    let total = 0;
    for (const { status, doc_type, n } of counts) {
      const count = Number(n);
      if (!filter.docType || doc_type === filter.docType) {
        byStatus[status] = (byStatus[status] ?? 0) + count;
      }
      if (!filter.status || status === filter.status) {
        byDocType[doc_type] = (byDocType[doc_type] ?? 0) + count;
        if (!filter.docType || doc_type === filter.docType) total += count;
      }
    }
    return { entries: rows.map(toQueueEntry), total, byStatus, byDocType };
  }

  /**
   * The oldest waiting record of the queue that `userId` can work on now (nobody else holds
   * it), other than `excludeId`.
   */
  async next(
    filter: QueueFilter,
    scope: AgencyScope,
    userId: string,
    excludeId: string,
  ): Promise<string | null> {
    const [row] = await this.db.query<{ id: string }>(
      `SELECT r.id FROM records r
       JOIN source_files f ON f.id = r.file_id JOIN batches b ON b.id = f.batch_id
       WHERE r.status IN ('extracted', 'in_review') AND ${FREE_FOR_USER}
         AND r.id <> $1
         AND ($3::uuid IS NULL OR b.agency_id = $3)
         AND ($4::uuid IS NULL OR b.id = $4)
         AND ($5::text IS NULL OR r.doc_type = $5)
       ORDER BY r.created_at, r.id LIMIT 1`,
      [excludeId, userId, scope.agencyId, filter.batchId ?? null, filter.docType ?? null],
    );
    return row?.id ?? null;
  }

  /**
   * Takes or renews the edit lease of a waiting record and marks it in review. Another person's
   * live lease is kept unless `takeOver`. Returns whether `userId` holds the lease now.
   */
  async takeLease(
    id: string,
    userId: string,
    leaseMs: number,
    takeOver: boolean,
  ): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE records r SET
         lease_user_id = $2,
         lease_expires_at = now() + make_interval(secs => $3::double precision / 1000),
         status = 'in_review'
       WHERE r.id = $1 AND r.status IN ('extracted', 'in_review') AND ($4 OR ${FREE_FOR_USER})
       RETURNING r.id`,
      [id, userId, leaseMs, takeOver],
    );
    return rows.length > 0;
  }

  /** A verified, imported or rejected record back in review, leased to `userId`. */
  async reopen(id: string, userId: string, leaseMs: number): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE records r SET
         status = 'in_review', reject_reason = NULL, reviewed_by = NULL, reviewed_at = NULL,
         version = r.version + 1, updated_at = now(), lease_user_id = $2,
         lease_expires_at = now() + make_interval(secs => $3::double precision / 1000)
       WHERE r.id = $1 AND r.status IN ('verified', 'imported', 'rejected')
       RETURNING r.id`,
      [id, userId, leaseMs],
    );
    return rows.length > 0;
  }

  async releaseLease(id: string, userId: string): Promise<void> {
    await this.db.query(
      "UPDATE records SET lease_user_id = NULL, lease_expires_at = NULL WHERE id = $1 AND lease_user_id = $2",
      [id, userId],
    );
  }

  /** Saves reviewed fields and renews the lease; null when written, else why not. */
  async saveFields(
    id: string,
    userId: string,
    version: number,
    edit: FieldEdit,
    leaseMs: number,
  ): Promise<WriteRefusal | null> {
    const rows = await this.db.query(
      `UPDATE records r SET
         items = $4::jsonb, doc_type = $5, needs_review = $6,
         version = r.version + 1, status = 'in_review', updated_at = now(),
         lease_user_id = $2,
         lease_expires_at = now() + make_interval(secs => $7::double precision / 1000)
       WHERE r.id = $1 AND r.version = $3 AND r.status IN ('extracted', 'in_review')
         AND ${FREE_FOR_USER}
       RETURNING r.id`,
      [id, userId, version, JSON.stringify(edit.items), edit.docType, edit.needsReview, leaseMs],
    );
    return rows.length > 0 ? null : this.whyRefused(id, userId, version);
  }

  /** Ends the review: `verified`, or `rejected` with a reason. Releases the lease. */
  async finish(
    id: string,
    userId: string,
    version: number,
    outcome: { status: "verified" } | { status: "rejected"; reason: string },
  ): Promise<WriteRefusal | null> {
    const rows = await this.db.query(
      `UPDATE records r SET
         status = $4, reject_reason = $5, reviewed_by = $2, reviewed_at = now(),
         version = r.version + 1, updated_at = now(),
         lease_user_id = NULL, lease_expires_at = NULL
       WHERE r.id = $1 AND r.version = $3 AND r.status IN ('extracted', 'in_review')
         AND ${FREE_FOR_USER}
       RETURNING r.id`,
      [id, userId, version, outcome.status, outcome.status === "rejected" ? outcome.reason : null],
    );
    return rows.length > 0 ? null : this.whyRefused(id, userId, version);
  }

  private async whyRefused(id: string, userId: string, version: number): Promise<WriteRefusal> {
    const [row] = await this.db.query<ReviewRow>(`${SELECT_REVIEW} WHERE r.id = $1`, [id]);
    if (!row) return { refused: "not_found" };
    if (row.version !== version) return { refused: "stale_version", version: row.version };
    if (!WAITING_STATUSES.includes(row.status))
      return { refused: "not_waiting", status: row.status };
    if (row.lease_user_id && row.lease_user_id !== userId) {
      return { refused: "leased", holder: row.lease_holder ?? "" };
    }
    // The row changed between the write and this read; the version tells the reviewer to reload.
    return { refused: "stale_version", version: row.version };
  }
}

function leaseOf(row: ReviewRow): Lease | null {
  return row.lease_user_id && row.lease_expires_at
    ? { userId: row.lease_user_id, holder: row.lease_holder ?? "", expiresAt: row.lease_expires_at }
    : null;
}

function toReview(row: ReviewRow): RecordUnderReview {
  return {
    id: row.id,
    fileId: row.file_id,
    version: row.version,
    docType: row.doc_type,
    status: row.status,
    needsReview: row.needs_review,
    pages: row.pages,
    items: row.items,
    redactions: row.redactions,
    batch: { id: row.batch_id, name: row.batch_name, agencyId: row.agency_id },
    fileName: row.file_name,
    caseFile:
      row.sheet_page === null
        ? null
        : { boxNumber: row.box_number, caseNumber: row.case_number, serial: row.sheet_serial },
    lease: leaseOf(row),
    rejectReason: row.reject_reason,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    createdAt: row.created_at,
  };
}

function toQueueEntry(row: ReviewRow): QueueEntry {
  return {
    id: row.id,
    docType: row.doc_type,
    status: row.status,
    needsReview: row.needs_review,
    items: row.items,
    pages: row.pages,
    batch: { id: row.batch_id, name: row.batch_name },
    fileName: row.file_name,
    lease: leaseOf(row),
    createdAt: row.created_at,
  };
}
