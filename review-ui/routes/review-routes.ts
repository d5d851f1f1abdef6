import express, { type Request } from "express";
import type {
  QueueFilter,
  RecordReviewRepository,
} from "../../storage/repositories/record-review-repository.ts";
import { type DocType, docTypes } from "../../workers/extract/extracted-form.ts";
import { scopeOf } from "../auth/actor.ts";
import { allowed, allowedPerson } from "../auth/authenticate.ts";
import { badRequest, notFound } from "../http-error.ts";
import { isUuid } from "../is-uuid.ts";
import { docTypeLabels } from "../services/record-view.ts";
import type { FieldInput, ReviewService } from "../services/review-service.ts";

/** The work queue and the review of one record (API.md, "Work queue" and "Review"). */
export function reviewRoutes(records: RecordReviewRepository, review: ReviewService) {
  const router = express.Router();

  router.get("/review/queue", async (request, response) => {
    const actor = allowed(response, "review");
    const limit = clamp(Number(request.query.limit ?? 50), 1, 200);
    const offset = Math.max(0, Number(request.query.offset ?? 0) || 0);
    const page = await records.queue(queueFilter(request.query), scopeOf(actor), { limit, offset });
    const userId = actor.kind === "user" ? actor.user.id : null;
    response.json({
      records: page.entries.map((entry) => ({
        id: entry.id,
        docType: entry.docType,
        status: entry.status,
        needsReview: entry.needsReview,
        fieldsToReview: Object.values(entry.items)
          .flatMap((group) => Object.values(group))
          .filter((item) => (item as { needsReview?: boolean }).needsReview).length,
        batch: entry.batch,
        fileName: entry.fileName,
        pages: entry.pages,
        createdAt: entry.createdAt.toISOString(),
        lease: entry.lease
          ? {
              byMe: entry.lease.userId === userId,
              holder: entry.lease.holder,
              expiresAt: entry.lease.expiresAt.toISOString(),
            }
          : null,
      })),
      total: page.total,
      counts: { byStatus: page.byStatus, byDocType: page.byDocType },
      docTypes: docTypeLabels(),
    });
  });

  router.post("/records/:id/open", async (request, response) => {
    const actor = allowedPerson(response, "review");
    response.json(await review.open(actor, recordId(request), request.body?.takeOver === true));
  });

  router.patch("/records/:id", async (request, response) => {
    const actor = allowedPerson(response, "review");
    response.json(await review.save(actor, recordId(request), recordEdit(request.body)));
  });

  router.post("/records/:id/approve", async (request, response) => {
    const actor = allowedPerson(response, "review");
    const body = request.body ?? {};
    response.json(
      await review.approve(
        actor,
        recordId(request),
        recordEdit(body),
        queueFilter(body.queue ?? {}),
      ),
    );
  });

  router.post("/records/:id/reject", async (request, response) => {
    const actor = allowedPerson(response, "review");
    const body = request.body ?? {};
    if (typeof body.reason !== "string") throw badRequest("差し戻しの理由を入力してください");
    response.json(
      await review.reject(
        actor,
        recordId(request),
        Number(body.version),
        body.reason,
        queueFilter(body.queue ?? {}),
      ),
    );
  });

  router.post("/records/:id/reopen", async (request, response) => {
    const actor = allowedPerson(response, "review");
    response.json(await review.reopen(actor, recordId(request)));
  });

  router.post("/records/:id/release", async (request, response) => {
    const actor = allowedPerson(response, "review");
    await review.release(actor, recordId(request));
    response.status(204).end();
  });

  router.get("/records/:id/pages/:page/image", async (request, response) => {
    const actor = allowed(response, "review");
    const page = Number(request.params.page);
    if (!Number.isInteger(page) || page < 1) throw notFound("ページ");
    const image = await review.pageImage(actor, recordId(request), page);
    response.type("image/png");
    image.pipe(response);
  });

  return router;
}

function recordId(request: Request): string {
  const id = request.params.id;
  if (!isUuid(id)) throw notFound("記録");
  return id;
}

function queueFilter(query: Record<string, unknown>): QueueFilter {
  const filter: QueueFilter = {};
  if (typeof query.batch === "string" && isUuid(query.batch)) filter.batchId = query.batch;
  if (typeof query.docType === "string" && docTypes.includes(query.docType as DocType)) {
    filter.docType = query.docType as DocType;
  }
  if (query.status === "extracted" || query.status === "in_review") filter.status = query.status;
  return filter;
}

function recordEdit(body: Record<string, unknown> | undefined) {
  const version = Number(body?.version);
  if (!Number.isInteger(version)) throw badRequest("version を指定してください");
  const fields = body?.fields ?? [];
  if (!Array.isArray(fields)) throw badRequest("fields は配列で指定してください");
  for (const field of fields) {
    if (
      !["common", "optional", "custom"].includes(field?.group) ||
      typeof field?.key !== "string"
    ) {
      throw badRequest("項目の指定が正しくありません");
    }
  }
  return {
    version,
    docType: typeof body?.docType === "string" ? (body.docType as DocType) : undefined,
    fields: fields as FieldInput[],
  };
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.trunc(value))) : min;
}
