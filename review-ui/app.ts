import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { type NextFunction, type Request, type Response } from "express";
import { logger } from "../config/logger.ts";
import type { IngestService } from "../ingest/ingest-service.ts";
import type { BatchRepository } from "../storage/repositories/batch-repository.ts";
import type { SourceFileRepository } from "../storage/repositories/source-file-repository.ts";
import type { JobRepository } from "../workers/job-repository.ts";
import { type UploadRouteOptions, uploadRoute } from "./upload-route.ts";

export interface AppDependencies {
  batches: BatchRepository;
  files: SourceFileRepository;
  jobs: JobRepository;
  ingest: IngestService;
  upload: UploadRouteOptions;
}

const publicDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "public");

/**
 * The HTTP face of Kamiroku: the upload endpoint, the batch API and the UI shell.
 * Pages load scripts from /static only, so the Content-Security-Policy forbids inline script.
 */
export function createApp(deps: AppDependencies): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.use((_request, response, next) => {
    response.set({
      "Content-Security-Policy":
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": "no-store",
    });
    next();
  });

  app.get("/healthz", (_request, response) => {
    response.json({ ok: true });
  });
  app.post("/api/uploads", uploadRoute(deps.batches, deps.ingest, deps.upload));
  app.get("/api/batches", async (_request, response) => {
    response.json({ batches: await deps.batches.listSummaries() });
  });
  app.get("/api/batches/:id", async (request, response) => {
    const id = request.params.id;
    const batch = isUuid(id) ? await deps.batches.get(id) : null;
    if (!batch) {
      response.status(404).json({ error: "バッチが見つかりません" });
      return;
    }
    const files = await deps.files.listByBatch(batch.id);
    response.json({
      summary: await deps.batches.summary(batch.id),
      files: files.map((file) => ({
        id: file.id,
        fileName: file.fileName,
        status: file.status,
        pageCount: file.pageCount,
        errorCode: file.errorCode,
        errorMessage: file.errorMessage,
        duplicateOf: file.duplicateOf,
      })),
    });
  });
  app.get("/api/queues", async (_request, response) => {
    response.json({ counts: await deps.jobs.counts(), failed: await deps.jobs.failedJobs(50) });
  });
  app.use("/static", express.static(publicDir, { index: false }));
  app.get("/", (_request, response) => {
    response.sendFile(path.join(publicDir, "index.html"));
  });

  app.use((error: Error, _request: Request, response: Response, _next: NextFunction) => {
    logger.error({ err: error.message }, "request failed");
    response.status(500).json({ error: "サーバーでエラーが発生しました" });
  });
  return app;
}

function isUuid(value: string | undefined): value is string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value ?? "");
}
