import type { Queryable } from "../storage/db/database.ts";
import { PageRepository } from "../storage/repositories/page-repository.ts";
import { RecordExportRepository } from "../storage/repositories/record-export-repository.ts";
import { RecordRepository } from "../storage/repositories/record-repository.ts";
import { SourceFileRepository } from "../storage/repositories/source-file-repository.ts";
import { WebhookDeliveryRepository } from "../storage/repositories/webhook-delivery-repository.ts";
import type { RecordItems, Redaction } from "../workers/extract/extracted-form.ts";
import { type RecordV1, toRecordV1 } from "../workers/extract/record-v1.ts";
import { assertRecordV1 } from "./record-schema.ts";

export interface FrozenExport {
  exportSeq: number;
  /** The webhook delivery written with it, to queue once the transaction has committed. */
  deliveryId: string | null;
}

export interface Verification {
  reviewedBy: string;
  reviewedAt: Date;
  corrections: number;
}

/**
 * Freezes a record at verification into the kamiroku.record/v1 document the platform receives,
 * validated against the schema, as the record's next export version, in the verifying
 * transaction; with the webhook on, the outbox row goes into the same transaction.
 */
export class RecordExporter {
  constructor(private readonly options: { webhook: boolean }) {}

  async freeze(tx: Queryable, recordId: string, verification: Verification): Promise<FrozenExport> {
    const record = await new RecordRepository(tx).get(recordId);
    const file = record ? await new SourceFileRepository(tx).get(record.fileId) : null;
    if (!record || !file) throw new Error(`record ${recordId} vanished while being verified`);
    const [batch] = await tx.query<{ agency_id: string }>(
      "SELECT agency_id FROM batches WHERE id = $1",
      [file.batchId],
    );
    const pages = await new PageRepository(tx).listByFile(file.id);
    const exports = new RecordExportRepository(tx);
    const version = await exports.nextVersion(recordId);
    const document: RecordV1 & { version: number } = {
      ...toRecordV1({
        recordId,
        docType: record.docType,
        status: "verified",
        batchId: file.batchId,
        fileName: file.fileName,
        sha256: file.sha256,
        pages: record.pages,
        items: withoutReviewBookkeeping(record.items as unknown as RecordItems),
        redactions: record.redactions as Redaction[],
        pageTexts: new Map(pages.map((page) => [page.pageNumber, page.ocrText ?? ""])),
      }),
      version,
      review: {
        reviewedBy: verification.reviewedBy,
        reviewedAt: verification.reviewedAt.toISOString(),
        corrections: verification.corrections,
      },
    };
    assertRecordV1(document);
    const frozen = await exports.insert(recordId, version, batch?.agency_id ?? "", document);
    const delivery = this.options.webhook
      ? await new WebhookDeliveryRepository(tx).insert(frozen.seq)
      : null;
    return { exportSeq: frozen.seq, deliveryId: delivery?.id ?? null };
  }
}

/** What extraction had read before a correction stays in Kamiroku (and its audit trail). */
function withoutReviewBookkeeping(items: RecordItems): RecordItems {
  const strip = (group: RecordItems["common"]) =>
    Object.fromEntries(
      Object.entries(group).map(([key, item]) => {
        const { extracted: _extracted, ...kept } = item as typeof item & { extracted?: unknown };
        return [key, kept];
      }),
    );
  return {
    common: strip(items.common),
    optional: strip(items.optional),
    custom: strip(items.custom),
  };
}
