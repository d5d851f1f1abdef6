import type { Queryable } from "../db/database.ts";
import { RowNotFoundError } from "./row-not-found-error.ts";

/** What the separator sheet (区切り紙) in front of a case file says, and where it was. */
export interface CaseFileSheet {
  /** The sheet's page number in the source file. */
  pageNumber: number;
  /** Batch name and 相談支援機関 as printed on the sheet (not necessarily the file's batch). */
  batch: string;
  agency: string;
  /** 箱番号 */
  box: string | null;
  /** ケース番号 */
  caseNumber: string | null;
  /** 通番 of the sheet in its print run. */
  serial: number;
}

/**
 * One case file (ケースファイル) of a source file: the pages between two separator sheets, or
 * the whole file when it has none.
 */
export interface CaseFile {
  id: string;
  fileId: string;
  /** From 0, in file order. */
  caseIndex: number;
  /** Its own pages are firstPage..lastPage of the source file; null when it has none. */
  firstPage: number | null;
  lastPage: number | null;
  pageCount: number;
  /** null for the pages before the first sheet, or a file without sheets. */
  sheet: CaseFileSheet | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewCaseFile {
  fileId: string;
  caseIndex: number;
  /** Page numbers of its own pages, ascending and without a sheet between them. */
  pages: readonly number[];
  sheet: CaseFileSheet | null;
}

interface CaseFileRow {
  id: string;
  file_id: string;
  case_index: number;
  first_page: number | null;
  last_page: number | null;
  page_count: number;
  sheet_page: number | null;
  sheet_batch: string | null;
  sheet_agency: string | null;
  box_number: string | null;
  case_number: string | null;
  sheet_serial: number | null;
  created_at: Date;
  updated_at: Date;
}

export class CaseFileRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Stores the case files the split stage cut a source file into, replacing what an earlier
   * split of the same file stored: idempotent per (file, case index), so ids survive a retry.
   */
  async replaceForFile(fileId: string, caseFiles: readonly NewCaseFile[]): Promise<CaseFile[]> {
    const stored: CaseFile[] = [];
    for (const caseFile of caseFiles) {
      if (caseFile.fileId !== fileId) throw new Error("case file of another source file");
      const { pages, sheet } = caseFile;
      const [row] = await this.db.query<CaseFileRow>(
        `INSERT INTO case_files (file_id, case_index, first_page, last_page, page_count,
           sheet_page, sheet_batch, sheet_agency, box_number, case_number, sheet_serial)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (file_id, case_index) DO UPDATE SET
           first_page = EXCLUDED.first_page,
           last_page = EXCLUDED.last_page,
           page_count = EXCLUDED.page_count,
           sheet_page = EXCLUDED.sheet_page,
           sheet_batch = EXCLUDED.sheet_batch,
           sheet_agency = EXCLUDED.sheet_agency,
           box_number = EXCLUDED.box_number,
           case_number = EXCLUDED.case_number,
           sheet_serial = EXCLUDED.sheet_serial,
           updated_at = now()
         RETURNING *`,
        [
          fileId,
          caseFile.caseIndex,
          pages[0] ?? null,
          pages.at(-1) ?? null,
          pages.length,
          sheet?.pageNumber ?? null,
          sheet?.batch ?? null,
          sheet?.agency ?? null,
          sheet?.box ?? null,
          sheet?.caseNumber ?? null,
          sheet?.serial ?? null,
        ],
      );
      stored.push(toCaseFile(required(row, `${fileId} case ${caseFile.caseIndex}`)));
    }
    await this.db.query("DELETE FROM case_files WHERE file_id = $1 AND case_index >= $2", [
      fileId,
      caseFiles.length,
    ]);
    return stored;
  }

  /** In case order. */
  async listByFile(fileId: string): Promise<CaseFile[]> {
    const rows = await this.db.query<CaseFileRow>(
      "SELECT * FROM case_files WHERE file_id = $1 ORDER BY case_index",
      [fileId],
    );
    return rows.map(toCaseFile);
  }

  /** Grouped by file in the order files were handed in, then in case order. */
  async listByBatch(batchId: string): Promise<CaseFile[]> {
    const rows = await this.db.query<CaseFileRow>(
      `SELECT case_files.* FROM case_files
       JOIN source_files ON source_files.id = case_files.file_id
       WHERE source_files.batch_id = $1
       ORDER BY source_files.created_at, source_files.file_name, source_files.id,
                case_files.case_index`,
      [batchId],
    );
    return rows.map(toCaseFile);
  }

  /** The case file a record was extracted from; null for records older than case files. */
  async getForRecord(recordId: string): Promise<CaseFile | null> {
    const [row] = await this.db.query<CaseFileRow>(
      `SELECT case_files.* FROM case_files
       JOIN records ON records.case_file_id = case_files.id
       WHERE records.id = $1`,
      [recordId],
    );
    return row ? toCaseFile(row) : null;
  }

  /**
   * Records which case file a record came from. Also on a record a person is already
   * reviewing: the extract stage keeps their work, but where the form lies does not change.
   */
  async assignRecord(recordId: string, caseFileId: string): Promise<void> {
    const rows = await this.db.query(
      "UPDATE records SET case_file_id = $2 WHERE id = $1 RETURNING id",
      [recordId, caseFileId],
    );
    required(rows[0], recordId, "records");
  }
}

function required<Row>(row: Row | undefined, key: string, table = "case_files"): Row {
  if (!row) throw new RowNotFoundError(table, key);
  return row;
}

function toCaseFile(row: CaseFileRow): CaseFile {
  return {
    id: row.id,
    fileId: row.file_id,
    caseIndex: row.case_index,
    firstPage: row.first_page,
    lastPage: row.last_page,
    pageCount: row.page_count,
    sheet:
      row.sheet_page === null
        ? null
        : {
            pageNumber: row.sheet_page,
            batch: row.sheet_batch ?? "",
            agency: row.sheet_agency ?? "",
            box: row.box_number,
            caseNumber: row.case_number,
            serial: row.sheet_serial ?? 0,
          },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
