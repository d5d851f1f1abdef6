import type { Queryable } from "../db/database.ts";
import { RowNotFoundError } from "./row-not-found-error.ts";

/** The order a file moves through the pipeline, then its two end states besides 'done'. */
export const SOURCE_FILE_STATUSES = [
  "stored",
  "queued",
  "splitting",
  "ocr",
  "extracting",
  "done",
  "failed",
  "duplicate",
] as const;

export type SourceFileStatus = (typeof SOURCE_FILE_STATUSES)[number];

/** 'failed' needs an error (markFailed) and 'duplicate' is only ever set on insert. */
export type ProcessingStatus = Exclude<SourceFileStatus, "failed" | "duplicate">;

/** One file a clerk handed in, including broken files and second copies. */
export interface SourceFile {
  id: string;
  batchId: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  mediaType: string | null;
  objectKey: string;
  status: SourceFileStatus;
  errorCode: string | null;
  errorMessage: string | null;
  /** The first copy of the same content, when this row is a duplicate. */
  duplicateOf: string | null;
  pageCount: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewSourceFile {
  batchId: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  objectKey: string;
}

export interface InsertedSourceFile {
  file: SourceFile;
  /** The first copy when `file` was recorded as its duplicate, else null. */
  duplicateOf: SourceFile | null;
}

interface SourceFileRow {
  id: string;
  batch_id: string;
  file_name: string;
  sha256: string;
  size_bytes: number;
  media_type: string | null;
  object_key: string;
  status: SourceFileStatus;
  error_code: string | null;
  error_message: string | null;
  duplicate_of: string | null;
  page_count: number | null;
  created_at: Date;
  updated_at: Date;
}

export class SourceFileRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Records a handed-in file. The first row of a content (by sha256) is the one processed; any
   * later file with the same content becomes a 'duplicate' row pointing at it. Safe when many
   * uploads of one content arrive at once: the partial unique index lets exactly one of them
   * be the first copy, and each call inserts exactly one row.
   */
  async insertFirstCopyOrDuplicate(file: NewSourceFile): Promise<InsertedSourceFile> {
    const params = [file.batchId, file.fileName, file.sha256, file.sizeBytes, file.objectKey];
    const [first] = await this.db.query<SourceFileRow>(
      `INSERT INTO source_files (batch_id, file_name, sha256, size_bytes, object_key)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (sha256) WHERE duplicate_of IS NULL DO NOTHING
       RETURNING *`,
      params,
    );
    if (first) {
      return { file: toSourceFile(first), duplicateOf: null };
    }
    // ON CONFLICT waited for the first copy's transaction to commit, so this statement sees it.
    const [original] = await this.db.query<SourceFileRow>(
      "SELECT * FROM source_files WHERE sha256 = $1 AND duplicate_of IS NULL",
      [file.sha256],
    );
    if (!original) {
      throw new RowNotFoundError("source_files", `first copy of sha256 ${file.sha256}`);
    }
    const [duplicate] = await this.db.query<SourceFileRow>(
      `INSERT INTO source_files
         (batch_id, file_name, sha256, size_bytes, object_key, status, duplicate_of)
       VALUES ($1, $2, $3, $4, $5, 'duplicate', $6)
       RETURNING *`,
      [...params, original.id],
    );
    return {
      file: toSourceFile(required(duplicate, file.sha256)),
      duplicateOf: toSourceFile(original),
    };
  }

  async get(id: string): Promise<SourceFile | null> {
    const [row] = await this.db.query<SourceFileRow>("SELECT * FROM source_files WHERE id = $1", [
      id,
    ]);
    return row ? toSourceFile(row) : null;
  }

  /** Whether a file of this content was handed in to this batch already (any status). */
  async existsInBatch(batchId: string, sha256: string): Promise<boolean> {
    const rows = await this.db.query(
      "SELECT 1 FROM source_files WHERE batch_id = $1 AND sha256 = $2 LIMIT 1",
      [batchId, sha256],
    );
    return rows.length > 0;
  }

  /** Files of a batch in the order they were handed in. */
  async listByBatch(batchId: string): Promise<SourceFile[]> {
    const rows = await this.db.query<SourceFileRow>(
      "SELECT * FROM source_files WHERE batch_id = $1 ORDER BY created_at, file_name, id",
      [batchId],
    );
    return rows.map(toSourceFile);
  }

  /** Files still waiting to be split whose row has not changed since `before`. */
  async listWaitingSince(before: Date): Promise<SourceFile[]> {
    const rows = await this.db.query<SourceFileRow>(
      "SELECT * FROM source_files WHERE status IN ('stored', 'queued') AND updated_at < $1 ORDER BY created_at",
      [before],
    );
    return rows.map(toSourceFile);
  }

  /** The type sniffed from the content, e.g. "application/pdf". */
  setMediaType(id: string, mediaType: string): Promise<SourceFile> {
    return this.update(id, "media_type = $2", [mediaType]);
  }

  /**
   * Moves a file to the next stage. Clears a previous error, so a failed file can be retried;
   * the database rejects this on a duplicate row.
   */
  setStatus(id: string, status: ProcessingStatus): Promise<SourceFile> {
    return this.update(id, "status = $2, error_code = NULL, error_message = NULL", [status]);
  }

  /** `message` is shown to the clerk; `code` is stable for programs (e.g. InputFileError codes). */
  markFailed(id: string, error: { code: string; message: string }): Promise<SourceFile> {
    return this.update(id, "status = 'failed', error_code = $2, error_message = $3", [
      error.code,
      error.message,
    ]);
  }

  setPageCount(id: string, pageCount: number): Promise<SourceFile> {
    return this.update(id, "page_count = $2", [pageCount]);
  }

  private async update(id: string, set: string, params: unknown[]): Promise<SourceFile> {
    const [row] = await this.db.query<SourceFileRow>(
      `UPDATE source_files SET ${set}, updated_at = now() WHERE id = $1 RETURNING *`,
      [id, ...params],
    );
    return toSourceFile(required(row, id));
  }
}

function required(row: SourceFileRow | undefined, key: string): SourceFileRow {
  if (!row) {
    throw new RowNotFoundError("source_files", key);
  }
  return row;
}

function toSourceFile(row: SourceFileRow): SourceFile {
  return {
    id: row.id,
    batchId: row.batch_id,
    fileName: row.file_name,
    sha256: row.sha256,
    sizeBytes: row.size_bytes,
    mediaType: row.media_type,
    objectKey: row.object_key,
    status: row.status,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    duplicateOf: row.duplicate_of,
    pageCount: row.page_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
