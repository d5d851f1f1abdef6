import type { Queryable } from "../db/database.ts";

/** What a person did; the database refuses to change or delete an entry once written. */
export type AuditAction =
  | "login"
  | "login_failed"
  | "logout"
  | "record_view"
  | "record_edit"
  | "record_approve"
  | "record_reject"
  | "record_reopen"
  | "record_export"
  | "file_upload"
  | "file_retry"
  | "user_create"
  | "user_update"
  | "agency_create"
  | "token_create"
  | "token_revoke"
  | "delivery_retry";

export interface NewAuditEntry {
  action: AuditAction;
  userId: string | null;
  /** The login as typed, for a failed login that matches no account. */
  login?: string | null;
  agencyId: string | null;
  recordId?: string | null;
  batchId?: string | null;
  detail?: Record<string, unknown>;
}

export interface AuditEntry {
  id: number;
  at: Date;
  action: AuditAction;
  user: { id: string; login: string; displayName: string } | null;
  login: string | null;
  agency: { id: string; name: string } | null;
  recordId: string | null;
  batchId: string | null;
  detail: Record<string, unknown>;
}

export interface AuditFilter {
  action?: AuditAction;
  userId?: string;
  recordId?: string;
  /** Entries older than this id (paging backwards from the newest). */
  before?: number;
  limit: number;
}

interface AuditRow {
  id: number;
  at: Date;
  action: AuditAction;
  user_id: string | null;
  user_login: string | null;
  user_display_name: string | null;
  login: string | null;
  agency_id: string | null;
  agency_name: string | null;
  record_id: string | null;
  batch_id: string | null;
  detail: Record<string, unknown>;
}

export class AuditRepository {
  constructor(private readonly db: Queryable) {}

  async append(entry: NewAuditEntry): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (action, user_id, login, agency_id, record_id, batch_id, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
      [
        entry.action,
        entry.userId,
        entry.login ?? null,
        entry.agencyId,
        entry.recordId ?? null,
        entry.batchId ?? null,
        JSON.stringify(entry.detail ?? {}),
      ],
    );
  }

  /** Newest first. */
  async list(filter: AuditFilter): Promise<AuditEntry[]> {
    const rows = await this.db.query<AuditRow>(
      `SELECT audit_log.*, users.login AS user_login, users.display_name AS user_display_name,
              agencies.name AS agency_name
       FROM audit_log
       LEFT JOIN users ON users.id = audit_log.user_id
       LEFT JOIN agencies ON agencies.id = audit_log.agency_id
       WHERE ($1::text IS NULL OR audit_log.action = $1)
         AND ($2::uuid IS NULL OR audit_log.user_id = $2)
         AND ($3::uuid IS NULL OR audit_log.record_id = $3)
         AND ($4::bigint IS NULL OR audit_log.id < $4)
       ORDER BY audit_log.id DESC
       LIMIT $5`,
      [
        filter.action ?? null,
        filter.userId ?? null,
        filter.recordId ?? null,
        filter.before ?? null,
        filter.limit,
      ],
    );
    return rows.map(toEntry);
  }
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: Number(row.id),
    at: row.at,
    action: row.action,
    user:
      row.user_id && row.user_login
        ? { id: row.user_id, login: row.user_login, displayName: row.user_display_name ?? "" }
        : null,
    login: row.login,
    agency: row.agency_id ? { id: row.agency_id, name: row.agency_name ?? "" } : null,
    recordId: row.record_id,
    batchId: row.batch_id,
    detail: row.detail,
  };
}
