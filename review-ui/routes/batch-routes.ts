import express, { type Response } from "express";
import type { FormDefinitions } from "../../config/forms/form-definitions.ts";
import { batchReportCsv } from "../../export/batch-report-csv.ts";
import { exportedDocument } from "../../export/exported-document.ts";
import { recordsCsv } from "../../export/records-csv.ts";
import type { IngestService } from "../../ingest/ingest-service.ts";
import type { AuditRepository } from "../../storage/repositories/audit-repository.ts";
import type { BatchRepository } from "../../storage/repositories/batch-repository.ts";
import type { NearDuplicateRepository } from "../../storage/repositories/near-duplicate-repository.ts";
import type { RecordExportRepository } from "../../storage/repositories/record-export-repository.ts";
import type { RecordRepository } from "../../storage/repositories/record-repository.ts";
import type {
  SourceFile,
  SourceFileRepository,
} from "../../storage/repositories/source-file-repository.ts";
import type { UserRepository } from "../../storage/repositories/user-repository.ts";
import type { JobRepository } from "../../workers/job-repository.ts";
import { auditIdentity, scopeOf } from "../auth/actor.ts";
import { allowed } from "../auth/authenticate.ts";
import { HttpError, notFound } from "../http-error.ts";
import { isUuid } from "../is-uuid.ts";

export interface BatchRouteDependencies {
  batches: BatchRepository;
  exports: RecordExportRepository;
  users: UserRepository;
  definitions: FormDefinitions;
  nearDuplicates: NearDuplicateRepository;
  files: SourceFileRepository;
  records: RecordRepository;
  jobs: JobRepository;
  ingest: IngestService;
  audit: AuditRepository;
}

const BATCH = "バッチ";

/** The clerks' view of their batches (API.md, "Batches"). */
export function batchRoutes(deps: BatchRouteDependencies) {
  const router = express.Router();

  router.get("/batches", async (_request, response) => {
    const actor = allowed(response, "batches");
    response.json({ batches: await deps.batches.listSummaries(scopeOf(actor)) });
  });

  router.get("/batches/:id", async (request, response) => {
    const actor = allowed(response, "batches");
    const scope = scopeOf(actor);
    const id = request.params.id;
    const batch = isUuid(id) ? await deps.batches.get(id, scope) : null;
    if (!batch) throw notFound(BATCH);
    const files = await deps.files.listByBatch(batch.id);
    const counts = await deps.records.countByBatch(batch.id);
    const byDocType: Record<string, number> = {};
    for (const count of counts)
      byDocType[count.docType] = (byDocType[count.docType] ?? 0) + count.count;
    const total = (keep: (count: (typeof counts)[number]) => boolean) =>
      counts.filter(keep).reduce((sum, count) => sum + count.count, 0);
    response.json({
      summary: await deps.batches.summary(batch.id),
      files: await Promise.all(
        files.map(async (file) => ({
          id: file.id,
          fileName: file.fileName,
          status: file.status,
          pageCount: file.pageCount,
          errorCode: file.errorCode,
          errorMessage: file.errorMessage,
          duplicateOf: file.duplicateOf
            ? await duplicateOriginal(deps, file.duplicateOf, scope)
            : null,
        })),
      ),
      nearDuplicates: await Promise.all(
        (await deps.nearDuplicates.listForBatch(batch.id)).map(async (pair) => {
          // Another agency's file is named only as such: its names are theirs.
          const visible = await deps.batches.get(pair.similar.batchId, scope);
          return {
            fileId: pair.fileId,
            fileName: files.find((file) => file.id === pair.fileId)?.fileName ?? "",
            pageNumber: pair.pageNumber,
            similar: visible
              ? {
                  fileName: pair.similar.fileName,
                  pageNumber: pair.similar.pageNumber,
                  batchName: pair.similar.batchName,
                }
              : { fileName: "（他の機関のファイル）", pageNumber: null, batchName: "" },
            textSimilarity: Math.round(pair.textSimilarity * 100) / 100,
          };
        }),
      ),
      records: {
        byDocType,
        needsReview: total((c) => c.needsReview && ["extracted", "in_review"].includes(c.status)),
        verified: total((c) => c.status === "verified" || c.status === "imported"),
        rejected: total((c) => c.status === "rejected"),
      },
    });
  });

  router.get("/batches/:id/report.csv", async (request, response) => {
    const actor = allowed(response, "batches");
    const id = request.params.id;
    const batch = isUuid(id) ? await deps.batches.get(id, scopeOf(actor)) : null;
    if (!batch) throw notFound(BATCH);
    sendCsv(response, "batch-report.csv", `${batch.name} バッチ報告.csv`);
    response.send(batchReportCsv(batch.name, await deps.batches.fileReport(batch.id)));
  });

  router.get("/batches/:id/records.csv", async (request, response) => {
    const actor = allowed(response, "review");
    const id = request.params.id;
    const batch = isUuid(id) ? await deps.batches.get(id, scopeOf(actor)) : null;
    if (!batch) throw notFound(BATCH);
    const exports = await deps.exports.latestForBatch(batch.id);
    const documents = exports.map(exportedDocument);
    const reviewers = new Map<string, string>();
    for (const document of documents) {
      const reviewerId = document.review?.reviewedBy;
      if (reviewerId && !reviewers.has(reviewerId)) {
        reviewers.set(reviewerId, (await deps.users.get(reviewerId))?.displayName ?? reviewerId);
      }
    }
    for (const frozen of exports) {
      await deps.audit.append({
        action: "record_export",
        ...auditIdentity(actor),
        recordId: frozen.recordId,
        batchId: batch.id,
        detail: { via: "csv", version: frozen.version },
      });
    }
    sendCsv(response, "records.csv", `${batch.name} 確認済み記録.csv`);
    response.send(
      recordsCsv(documents, deps.definitions, {
        batch: () => batch.name,
        reviewer: (userId) => reviewers.get(userId) ?? userId,
      }),
    );
  });

  router.post("/files/:id/retry", async (request, response) => {
    const actor = allowed(response, "upload");
    const id = request.params.id;
    const file = isUuid(id) ? await deps.files.get(id) : null;
    const batch = file ? await deps.batches.get(file.batchId, scopeOf(actor)) : null;
    if (!file || !batch) throw notFound("ファイル");
    if (!(await deps.ingest.retryFailedFile(file.id))) {
      throw new HttpError(409, "not_failed", "失敗したファイルだけを再試行できます");
    }
    await deps.audit.append({
      action: "file_retry",
      ...auditIdentity(actor),
      batchId: batch.id,
      detail: { fileId: file.id },
    });
    response.status(202).json({ status: "queued" });
  });

  router.get("/queues", async (_request, response) => {
    allowed(response, "batches");
    response.json({ counts: await deps.jobs.counts(), failed: await deps.jobs.failedJobs(50) });
  });

  return router;
}

/** A download with an ASCII name for old browsers and the Japanese one (RFC 6266) for the rest. */
function sendCsv(response: Response, asciiName: string, name: string): void {
  response.type("text/csv; charset=utf-8");
  response.set(
    "Content-Disposition",
    `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  );
}

/**
 * The file a duplicate repeats. Its name and batch are shown only within the caller's scope:
 * another agency's file names are theirs.
 */
async function duplicateOriginal(
  deps: BatchRouteDependencies,
  originalId: string,
  scope: ReturnType<typeof scopeOf>,
): Promise<{ id: string; fileName: string; batchName: string } | null> {
  const original: SourceFile | null = await deps.files.get(originalId);
  const batch = original ? await deps.batches.get(original.batchId, scope) : null;
  if (!original || !batch) {
    return { id: originalId, fileName: "（他の機関のファイル）", batchName: "" };
  }
  return { id: original.id, fileName: original.fileName, batchName: batch.name };
}
