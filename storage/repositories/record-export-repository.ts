import type { Queryable } from "../db/database.ts";
import type { AgencyScope } from "./record-review-repository.ts";

/** Any constant no other advisory lock of Kamiroku uses (migrations use 4_261_150_713). */
const EXPORT_SEQ_LOCK = 4_261_150_714;

/** One frozen version of a verified record, as the platform receives it. */
export interface RecordExport {
  seq: number;
  recordId: string;
  version: number;
  document: Record<string, unknown>;
  createdAt: Date;
  importedAt: Date | null;
  platformId: string | null;
}

interface ExportRow {
  seq: number;
  record_id: string;
  version: number;
  document: Record<string, unknown>;
  created_at: Date;
  imported_at: Date | null;
  platform_id: string | null;
}

/**
 * Exports, newest version per record. Their sequence numbers are the platform's cursor: taken
 * under a transaction-scoped advisory lock, they commit in the order they were taken, so a reader
 * that has seen seq N will never later find a new export below N.
 */
export class RecordExportRepository {
  constructor(private readonly db: Queryable) {}

  async nextVersion(recordId: string): Promise<number> {
    const [row] = await this.db.query<{ version: number }>(
      "SELECT coalesce(max(version), 0) + 1 AS version FROM record_exports WHERE record_id = $1",
      [recordId],
    );
    return row?.version ?? 1;
  }

  /** Must run inside the verifying transaction: the lock is held until it commits. */
  async insert(
    recordId: string,
    version: number,
    agencyId: string,
    document: object,
  ): Promise<RecordExport> {
    await this.db.query("SELECT pg_advisory_xact_lock($1)", [EXPORT_SEQ_LOCK]);
    const [row] = await this.db.query<ExportRow>(
      `INSERT INTO record_exports (seq, record_id, version, agency_id, document)
       VALUES (nextval('record_export_seq'), $1, $2, $3, $4::jsonb) RETURNING *`,
      [recordId, version, agencyId, JSON.stringify(document)],
    );
    return toExport(row as ExportRow);
  }

  /**
   * The latest export of each record after `cursor`, in sequence order; `waitingOnly` leaves out
   * the ones already acknowledged.
   */
  async listAfter(
    scope: AgencyScope,
    cursor: number,
    limit: number,
    waitingOnly: boolean,
  ): Promise<RecordExport[]> {
    const rows = await this.db.query<ExportRow>(
      `SELECT e.* FROM record_exports e
       WHERE e.seq > $1 AND ($2::uuid IS NULL OR e.agency_id = $2)
         AND NOT EXISTS (SELECT 1 FROM record_exports newer
                         WHERE newer.record_id = e.record_id AND newer.version > e.version)
         AND (NOT $4 OR e.imported_at IS NULL)
       ORDER BY e.seq LIMIT $3`,
      [cursor, scope.agencyId, limit, waitingOnly],
    );
    return rows.map(toExport);
  }

  async latest(recordId: string, scope: AgencyScope): Promise<RecordExport | null> {
    const [row] = await this.db.query<ExportRow>(
      `SELECT * FROM record_exports
       WHERE record_id = $1 AND ($2::uuid IS NULL OR agency_id = $2)
       ORDER BY version DESC LIMIT 1`,
      [recordId, scope.agencyId],
    );
    return row ? toExport(row) : null;
  }

  /** The latest export of every record of a batch that has one, in file and form order. */
  async latestForBatch(batchId: string): Promise<RecordExport[]> {
    const rows = await this.db.query<ExportRow>(
      `SELECT DISTINCT ON (f.created_at, f.id, r.form_index) e.*
       FROM record_exports e
       JOIN records r ON r.id = e.record_id
       JOIN source_files f ON f.id = r.file_id
       WHERE f.batch_id = $1
       ORDER BY f.created_at, f.id, r.form_index, e.version DESC`,
      [batchId],
    );
    return rows.map(toExport);
  }

  async get(seq: number): Promise<RecordExport | null> {
    const [row] = await this.db.query<ExportRow>("SELECT * FROM record_exports WHERE seq = $1", [
      seq,
    ]);
    return row ? toExport(row) : null;
  }

  /** The first acknowledgement wins; a repeat changes nothing. */
  async markImported(seq: number, platformId: string): Promise<void> {
    await this.db.query(
      `UPDATE record_exports SET imported_at = now(), platform_id = $2
       WHERE seq = $1 AND imported_at IS NULL`,
      [seq, platformId],
    );
  }
}

function toExport(row: ExportRow): RecordExport {
  return {
    seq: Number(row.seq),
    recordId: row.record_id,
    version: row.version,
    document: row.document,
    createdAt: row.created_at,
    importedAt: row.imported_at,
    platformId: row.platform_id,
  };
}
