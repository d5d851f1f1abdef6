import type { Queryable } from "../db/database.ts";

/** A page of another file whose fingerprint is close to the one looked for. */
export interface FingerprintMatch {
  pageId: string;
  fileId: string;
  pageNumber: number;
  ocrText: string;
  distance: number;
}

/** A page flagged as probably the same sheet as a page handed in earlier. */
export interface NearDuplicate {
  fileId: string;
  pageNumber: number;
  similar: {
    fileId: string;
    fileName: string;
    pageNumber: number;
    batchId: string;
    batchName: string;
  };
  distance: number;
  textSimilarity: number;
}

export class NearDuplicateRepository {
  constructor(private readonly db: Queryable) {}

  async saveFingerprint(pageId: string, fingerprint: bigint): Promise<void> {
    await this.db.query("UPDATE pages SET fingerprint = $2 WHERE id = $1", [
      pageId,
      fingerprint.toString(),
    ]);
  }

  /**
   * Pages of other files at most `maxDistance` bits away, closest first. A scan over the
   * fingerprints: cheap next to the OCR of the page (≈ 20 ms per 100,000 pages).
   */
  async closeTo(
    fingerprint: bigint,
    excludeFileId: string,
    maxDistance: number,
  ): Promise<FingerprintMatch[]> {
    const rows = await this.db.query<{
      id: string;
      file_id: string;
      page_number: number;
      ocr_text: string | null;
      distance: number;
    }>(
      `SELECT id, file_id, page_number, ocr_text, distance FROM (
         SELECT id, file_id, page_number, ocr_text,
                bit_count((fingerprint # $1::bigint)::bit(64)) AS distance
         FROM pages WHERE fingerprint IS NOT NULL AND file_id <> $2 AND NOT blank
       ) candidates WHERE distance <= $3 ORDER BY distance LIMIT 20`,
      [fingerprint.toString(), excludeFileId, maxDistance],
    );
    return rows.map((row) => ({
      pageId: row.id,
      fileId: row.file_id,
      pageNumber: row.page_number,
      ocrText: row.ocr_text ?? "",
      distance: Number(row.distance),
    }));
  }

  async add(pageId: string, similarPageId: string, distance: number, textSimilarity: number) {
    await this.db.query(
      `INSERT INTO near_duplicates (page_id, similar_page_id, distance, text_similarity)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [pageId, similarPageId, distance, textSimilarity],
    );
  }

  /** Pages of a batch's files that look like pages handed in earlier, in page order. */
  async listForBatch(batchId: string): Promise<NearDuplicate[]> {
    const rows = await this.db.query<{
      file_id: string;
      page_number: number;
      similar_file_id: string;
      similar_file_name: string;
      similar_page_number: number;
      similar_batch_id: string;
      similar_batch_name: string;
      distance: number;
      text_similarity: number;
    }>(
      `SELECT p.file_id, p.page_number, sp.file_id AS similar_file_id,
              sf.file_name AS similar_file_name, sp.page_number AS similar_page_number,
              sb.id AS similar_batch_id, sb.name AS similar_batch_name,
              n.distance, n.text_similarity
       FROM near_duplicates n
       JOIN pages p ON p.id = n.page_id
       JOIN source_files f ON f.id = p.file_id
       JOIN pages sp ON sp.id = n.similar_page_id
       JOIN source_files sf ON sf.id = sp.file_id
       JOIN batches sb ON sb.id = sf.batch_id
       WHERE f.batch_id = $1
       ORDER BY f.created_at, p.page_number`,
      [batchId],
    );
    return rows.map((row) => ({
      fileId: row.file_id,
      pageNumber: row.page_number,
      similar: {
        fileId: row.similar_file_id,
        fileName: row.similar_file_name,
        pageNumber: row.similar_page_number,
        batchId: row.similar_batch_id,
        batchName: row.similar_batch_name,
      },
      distance: row.distance,
      textSimilarity: row.text_similarity,
    }));
  }
}
