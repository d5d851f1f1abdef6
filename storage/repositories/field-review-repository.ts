import type { Queryable } from "../db/database.ts";

/** One field of an approved record: did the reviewer change it, had the extractor accepted it. */
export interface FieldReview {
  group: string;
  key: string;
  corrected: boolean;
  autoAccepted: boolean;
}

export interface CorrectionRate {
  docType: string;
  group: string;
  key: string;
  reviewed: number;
  corrected: number;
  autoAccepted: number;
  autoAcceptedCorrected: number;
}

export class FieldReviewRepository {
  constructor(private readonly db: Queryable) {}

  async recordApproval(
    recordId: string,
    docType: string,
    reviewedBy: string,
    fields: readonly FieldReview[],
  ): Promise<void> {
    if (fields.length === 0) return;
    await this.db.query(
      `INSERT INTO field_reviews
         (record_id, doc_type, field_group, field_key, corrected, auto_accepted, reviewed_by)
       SELECT $1, $2, f.field_group, f.field_key, f.corrected, f.auto_accepted, $3
       FROM jsonb_to_recordset($4::jsonb)
         AS f(field_group text, field_key text, corrected boolean, auto_accepted boolean)
       ON CONFLICT (record_id, field_group, field_key) DO UPDATE SET
         corrected = EXCLUDED.corrected, auto_accepted = EXCLUDED.auto_accepted,
         reviewed_by = EXCLUDED.reviewed_by, reviewed_at = now()`,
      [
        recordId,
        docType,
        reviewedBy,
        JSON.stringify(
          fields.map((field) => ({
            field_group: field.group,
            field_key: field.key,
            corrected: field.corrected,
            auto_accepted: field.autoAccepted,
          })),
        ),
      ],
    );
  }

  /** Per docType and field, the most corrected first. */
  async correctionRates(): Promise<CorrectionRate[]> {
    const rows = await this.db.query<{
      doc_type: string;
      field_group: string;
      field_key: string;
      reviewed: number;
      corrected: number;
      auto_accepted: number;
      auto_accepted_corrected: number;
    }>(
      `SELECT doc_type, field_group, field_key,
              count(*) AS reviewed,
              count(*) FILTER (WHERE corrected) AS corrected,
              count(*) FILTER (WHERE auto_accepted) AS auto_accepted,
              count(*) FILTER (WHERE auto_accepted AND corrected) AS auto_accepted_corrected
       FROM field_reviews
       GROUP BY doc_type, field_group, field_key
       ORDER BY count(*) FILTER (WHERE corrected)::float / count(*) DESC, doc_type, field_key`,
    );
    return rows.map((row) => ({
      docType: row.doc_type,
      group: row.field_group,
      key: row.field_key,
      reviewed: Number(row.reviewed),
      corrected: Number(row.corrected),
      autoAccepted: Number(row.auto_accepted),
      autoAcceptedCorrected: Number(row.auto_accepted_corrected),
    }));
  }
}
