import express, { type Request } from "express";
import { exportedDocument } from "../../export/exported-document.ts";
import type { Database } from "../../storage/db/database.ts";
import { searchablePdfKey } from "../../storage/objects/object-keys.ts";
import type { ObjectStore } from "../../storage/objects/object-store.ts";
import { AuditRepository } from "../../storage/repositories/audit-repository.ts";
import {
  type RecordExport,
  RecordExportRepository,
} from "../../storage/repositories/record-export-repository.ts";
import { type Actor, auditIdentity, scopeOf } from "../auth/actor.ts";
import { allowed } from "../auth/authenticate.ts";
import { badRequest, notFound } from "../http-error.ts";
import { isUuid } from "../is-uuid.ts";
import type { ReviewService } from "../services/review-service.ts";

const RECORD = "記録";
const MAX_PAGE = 500;

/**
 * The platform's pull API (export/openapi/platform-v1.yaml): verified records as frozen
 * kamiroku.record/v1 exports, paged by a cursor that follows commit order, and acknowledged
 * with the platform's own id. Every record served is written to the audit trail as an export.
 */
export function platformRoutes(db: Database, objects: ObjectStore, review: ReviewService) {
  const router = express.Router();
  const exports = new RecordExportRepository(db);

  router.get("/records", async (request, response) => {
    const actor = allowed(response, "platform");
    const status = request.query.status ?? "verified";
    if (status !== "verified" && status !== "all") {
      throw badRequest("status は verified か all です");
    }
    const cursor = parseCursor(request.query.cursor);
    const limit = Math.min(MAX_PAGE, Math.max(1, Number(request.query.limit) || 100));
    const page = await exports.listAfter(scopeOf(actor), cursor, limit, status === "verified");
    await auditExports(db, actor, page, "list");
    response.json({
      records: page.map(exportedDocument),
      // The cursor of the last record seen; unchanged when there is nothing new yet.
      nextCursor: String(page.at(-1)?.seq ?? cursor),
    });
  });

  router.get("/records/:id", async (request, response) => {
    const actor = allowed(response, "platform");
    const latest = await latestExport(exports, actor, request);
    await auditExports(db, actor, [latest], "get");
    response.json(exportedDocument(latest));
  });

  router.get("/records/:id/pages/:page/image", async (request, response) => {
    const actor = allowed(response, "platform");
    const latest = await latestExport(exports, actor, request);
    const page = Number(request.params.page);
    if (!Number.isInteger(page) || page < 1) throw notFound("ページ");
    const image = await review.pageImage(actor, latest.recordId, page);
    response.type("image/png");
    image.pipe(response);
  });

  router.get("/records/:id/pdf", async (request, response) => {
    const actor = allowed(response, "platform");
    const latest = await latestExport(exports, actor, request);
    const sha256 = (latest.document.source as { sha256: string }).sha256;
    const key = searchablePdfKey(sha256);
    if (!(await objects.stat(key))) throw notFound("検索可能 PDF");
    await auditExports(db, actor, [latest], "pdf");
    response.type("application/pdf");
    (await objects.get(key)).pipe(response);
  });

  router.post("/records/:id/ack", async (request, response) => {
    const actor = allowed(response, "platform");
    const platformId = request.body?.platformId;
    if (typeof platformId !== "string" || !platformId.trim() || platformId.length > 200) {
      throw badRequest("platformId（プラットフォーム側の ID）を指定してください");
    }
    const latest = await latestExport(exports, actor, request);
    await db.transaction(async (tx) => {
      await new RecordExportRepository(tx).markImported(latest.seq, platformId.trim());
      await tx.query(
        "UPDATE records SET status = 'imported', updated_at = now() WHERE id = $1 AND status = 'verified'",
        [latest.recordId],
      );
    });
    const acknowledged = (await exports.get(latest.seq)) as RecordExport;
    response.json({
      recordId: acknowledged.recordId,
      version: acknowledged.version,
      platformId: acknowledged.platformId,
      importedAt: acknowledged.importedAt?.toISOString() ?? null,
    });
  });

  return router;
}

function parseCursor(raw: unknown): number {
  if (raw === undefined || raw === "") return 0;
  const cursor = Number(raw);
  if (!Number.isSafeInteger(cursor) || cursor < 0) throw badRequest("cursor が正しくありません");
  return cursor;
}

async function latestExport(
  exports: RecordExportRepository,
  actor: Actor,
  request: Request,
): Promise<RecordExport> {
  const id = request.params.id;
  const latest = isUuid(id) ? await exports.latest(id, scopeOf(actor)) : null;
  if (!latest) throw notFound(RECORD);
  return latest;
}

async function auditExports(
  db: Database,
  actor: Actor,
  page: readonly RecordExport[],
  via: "list" | "get" | "pdf",
): Promise<void> {
  const audit = new AuditRepository(db);
  for (const frozen of page) {
    await audit.append({
      action: "record_export",
      ...auditIdentity(actor),
      recordId: frozen.recordId,
      detail: { via, version: frozen.version },
    });
  }
}
