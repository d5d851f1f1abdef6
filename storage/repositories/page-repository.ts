import type { Queryable } from "../db/database.ts";
import { RowNotFoundError } from "./row-not-found-error.ts";

export type PageStatus = "split" | "ocr_done";

/** One page image cut out of a source file, and its OCR once done. */
export interface Page {
  id: string;
  fileId: string;
  /** 1-based position in the source file. */
  pageNumber: number;
  imageKey: string;
  width: number;
  height: number;
  /** How the split stage obtained the image, e.g. "embedded-image" or "rendered". */
  splitMethod: string;
  status: PageStatus;
  ocrKey: string | null;
  ocrText: string | null;
  /** Mean word confidence, 0..1. */
  ocrConfidence: number | null;
  blank: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface SplitPage {
  fileId: string;
  pageNumber: number;
  imageKey: string;
  width: number;
  height: number;
  splitMethod: string;
}

export interface PageOcr {
  fileId: string;
  pageNumber: number;
  ocrKey: string;
  text: string;
  confidence: number;
  blank: boolean;
  /** The page image that replaces the split scan: upright, deskewed, redacted. */
  image: { key: string; width: number; height: number };
}

interface PageRow {
  id: string;
  file_id: string;
  page_number: number;
  image_key: string;
  width: number;
  height: number;
  split_method: string;
  status: PageStatus;
  ocr_key: string | null;
  ocr_text: string | null;
  ocr_confidence: number | null;
  blank: boolean;
  created_at: Date;
  updated_at: Date;
}

/**
 * OCR word boxes are pixels of one particular image, so a re-split that produced a different
 * image (other key or size) drops the OCR; a plain retry produces the same image and keeps it.
 */
const SAME_IMAGE = `(pages.image_key, pages.width, pages.height)
  = (EXCLUDED.image_key, EXCLUDED.width, EXCLUDED.height)`;

export class PageRepository {
  constructor(private readonly db: Queryable) {}

  /** Idempotent per (file, page number): a retried split updates the row it made before. */
  async upsertSplitPage(page: SplitPage): Promise<Page> {
    const [row] = await this.db.query<PageRow>(
      `INSERT INTO pages (file_id, page_number, image_key, width, height, split_method)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (file_id, page_number) DO UPDATE SET
         image_key = EXCLUDED.image_key,
         width = EXCLUDED.width,
         height = EXCLUDED.height,
         split_method = EXCLUDED.split_method,
         status = CASE WHEN ${SAME_IMAGE} THEN pages.status ELSE 'split' END,
         ocr_key = CASE WHEN ${SAME_IMAGE} THEN pages.ocr_key END,
         ocr_text = CASE WHEN ${SAME_IMAGE} THEN pages.ocr_text END,
         ocr_confidence = CASE WHEN ${SAME_IMAGE} THEN pages.ocr_confidence END,
         updated_at = now()
       RETURNING *`,
      [page.fileId, page.pageNumber, page.imageKey, page.width, page.height, page.splitMethod],
    );
    return toPage(required(row, page.fileId, page.pageNumber));
  }

  async get(fileId: string, pageNumber: number): Promise<Page | null> {
    const [row] = await this.db.query<PageRow>(
      "SELECT * FROM pages WHERE file_id = $1 AND page_number = $2",
      [fileId, pageNumber],
    );
    return row ? toPage(row) : null;
  }

  /** Stores where the OCR JSON lives and the text to search; the page becomes 'ocr_done'. */
  async saveOcr(ocr: PageOcr): Promise<Page> {
    const [row] = await this.db.query<PageRow>(
      `UPDATE pages
       SET status = 'ocr_done', ocr_key = $3, ocr_text = $4, ocr_confidence = $5, blank = $6,
           image_key = $7, width = $8, height = $9, updated_at = now()
       WHERE file_id = $1 AND page_number = $2
       RETURNING *`,
      [
        ocr.fileId,
        ocr.pageNumber,
        ocr.ocrKey,
        ocr.text,
        ocr.confidence,
        ocr.blank,
        ocr.image.key,
        ocr.image.width,
        ocr.image.height,
      ],
    );
    return toPage(required(row, ocr.fileId, ocr.pageNumber));
  }

  /** In page order. */
  async listByFile(fileId: string): Promise<Page[]> {
    const rows = await this.db.query<PageRow>(
      "SELECT * FROM pages WHERE file_id = $1 ORDER BY page_number",
      [fileId],
    );
    return rows.map(toPage);
  }

  /** Lets the OCR stage tell when the last page of a file is done. */
  async countOcrDone(fileId: string): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(
      "SELECT count(*) AS n FROM pages WHERE file_id = $1 AND status = 'ocr_done'",
      [fileId],
    );
    return row?.n ?? 0;
  }
}

function required(row: PageRow | undefined, fileId: string, pageNumber: number): PageRow {
  if (!row) {
    throw new RowNotFoundError("pages", `${fileId} page ${pageNumber}`);
  }
  return row;
}

function toPage(row: PageRow): Page {
  return {
    id: row.id,
    fileId: row.file_id,
    pageNumber: row.page_number,
    imageKey: row.image_key,
    width: row.width,
    height: row.height,
    splitMethod: row.split_method,
    status: row.status,
    ocrKey: row.ocr_key,
    ocrText: row.ocr_text,
    ocrConfidence: row.ocr_confidence,
    blank: row.blank,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
