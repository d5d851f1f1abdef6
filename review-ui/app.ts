import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { type NextFunction, type Request, type Response } from "express";
import type { FormDefinitions } from "../config/forms/form-definitions.ts";
import { todayInJapan } from "../config/japan-time.ts";
import { logger } from "../config/logger.ts";
import { RecordExporter } from "../export/record-exporter.ts";
import type { IngestService } from "../ingest/ingest-service.ts";
import type { Database } from "../storage/db/database.ts";
import type { ObjectStore } from "../storage/objects/object-store.ts";
import { AgencyRepository } from "../storage/repositories/agency-repository.ts";
import { ApiTokenRepository } from "../storage/repositories/api-token-repository.ts";
import { AuditRepository } from "../storage/repositories/audit-repository.ts";
import type { BatchRepository } from "../storage/repositories/batch-repository.ts";
import { FieldReviewRepository } from "../storage/repositories/field-review-repository.ts";
import { NearDuplicateRepository } from "../storage/repositories/near-duplicate-repository.ts";
import type { PageRepository } from "../storage/repositories/page-repository.ts";
import { RecordExportRepository } from "../storage/repositories/record-export-repository.ts";
import { RecordRepository } from "../storage/repositories/record-repository.ts";
import { RecordReviewRepository } from "../storage/repositories/record-review-repository.ts";
import { SessionRepository } from "../storage/repositories/session-repository.ts";
import type { SourceFileRepository } from "../storage/repositories/source-file-repository.ts";
import { UserRepository } from "../storage/repositories/user-repository.ts";
import { WebhookDeliveryRepository } from "../storage/repositories/webhook-delivery-repository.ts";
import type { JobRepository } from "../workers/job-repository.ts";
import { authenticate } from "./auth/authenticate.ts";
import { csrfProtection } from "./auth/csrf.ts";
import { HttpError } from "./http-error.ts";
import { adminRoutes } from "./routes/admin-routes.ts";
import { batchRoutes } from "./routes/batch-routes.ts";
import { platformRoutes } from "./routes/platform-routes.ts";
import { resumableUploadRoutes } from "./routes/resumable-upload-routes.ts";
import { reviewRoutes } from "./routes/review-routes.ts";
import { sessionRoutes } from "./routes/session-routes.ts";
import { sheetRoutes } from "./routes/sheet-routes.ts";
import { AdminService } from "./services/admin-service.ts";
import { ReviewService } from "./services/review-service.ts";
import { SessionService } from "./services/session-service.ts";
import { type UploadRouteOptions, uploadRoute } from "./upload-route.ts";

export interface SecurityOptions {
  sessionIdleMs: number;
  leaseMs: number;
  secureCookies: "auto" | "always";
  trustProxy: boolean;
  loginFailures: number;
}

export interface AppDependencies {
  db: Database;
  objects: ObjectStore;
  batches: BatchRepository;
  files: SourceFileRepository;
  pages: PageRepository;
  jobs: JobRepository;
  ingest: IngestService;
  definitions: FormDefinitions;
  upload: UploadRouteOptions;
  security: SecurityOptions;
  /** The token `kamiroku` commands on this machine use (server.json); null: none accepted. */
  localToken: string | null;
  /** A webhook is configured: verifications write delivery rows to its outbox. */
  webhook: boolean;
}

const publicDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "public");

const LOGIN_WINDOW_MS = 15 * 60_000;
/** The browser sends 4 MiB chunks; the limit leaves room without letting a PUT grow unbounded. */
const RESUMABLE_CHUNK_LIMIT = 16 * 1024 * 1024;

/**
 * The HTTP face of Kamiroku: the JSON API of review-ui/API.md and the UI that uses it.
 * Pages load scripts from /static only, so the Content-Security-Policy forbids inline script.
 */
export function createApp(deps: AppDependencies): express.Express {
  const { db, security } = deps;
  const audit = new AuditRepository(db);
  const users = new UserRepository(db);
  const sessionRepository = new SessionRepository(db);
  const tokens = new ApiTokenRepository(db);
  const sessions = new SessionService(users, sessionRepository, audit, {
    idleMs: security.sessionIdleMs,
  });
  const review = new ReviewService(
    db,
    deps.objects,
    deps.pages,
    deps.definitions,
    new RecordExporter({ webhook: deps.webhook }),
    (deliveryId) => deps.jobs.enqueueDelivery(deliveryId),
    { leaseMs: security.leaseMs, today: todayInJapan },
  );
  const agencies = new AgencyRepository(db);

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", security.trustProxy);
  app.use((_request, response, next) => {
    response.set({
      "Content-Security-Policy":
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": "no-store",
    });
    next();
  });

  app.get("/healthz", (_request, response) => {
    response.json({ ok: true });
  });

  const api = express.Router();
  api.use(authenticate(sessions, tokens, deps.localToken));
  api.use(csrfProtection);
  // Uploads are multipart and streamed by their route; everything else is small JSON.
  api.post("/uploads", uploadRoute(deps.batches, deps.ingest, audit, deps.upload));
  api.use(
    "/uploads/resumable",
    resumableUploadRoutes(deps.batches, deps.ingest, audit, {
      spoolDir: deps.upload.spoolDir,
      maxFileBytes: deps.upload.maxFileBytes,
      maxChunkBytes: RESUMABLE_CHUNK_LIMIT,
      expireMs: 24 * 3600_000,
    }),
  );
  api.use(express.json({ limit: "1mb" }));
  api.use(
    "/session",
    sessionRoutes(sessions, {
      secureCookies: security.secureCookies,
      loginRateLimit: { failures: security.loginFailures, windowMs: LOGIN_WINDOW_MS },
    }),
  );
  api.use(reviewRoutes(new RecordReviewRepository(db), review));
  api.use(
    batchRoutes({
      batches: deps.batches,
      exports: new RecordExportRepository(db),
      users,
      definitions: deps.definitions,
      nearDuplicates: new NearDuplicateRepository(db),
      files: deps.files,
      records: new RecordRepository(db),
      jobs: deps.jobs,
      ingest: deps.ingest,
      audit,
    }),
  );
  api.use(
    "/admin",
    adminRoutes({
      admin: new AdminService(users, agencies, sessionRepository, tokens, audit),
      users,
      agencies,
      tokens,
      audit,
      fieldReviews: new FieldReviewRepository(db),
      deliveries: new WebhookDeliveryRepository(db),
      exports: new RecordExportRepository(db),
      jobs: deps.jobs,
      definitions: deps.definitions,
    }),
  );
  api.use(sheetRoutes());
  api.use("/platform/v1", platformRoutes(db, deps.objects, review));
  api.use((_request, _response) => {
    throw new HttpError(404, "not_found", "見つかりません");
  });
  app.use("/api", api);

  app.use("/static", express.static(publicDir, { index: false }));
  app.get("/", (_request, response) => {
    response.sendFile(path.join(publicDir, "index.html"));
  });

  app.use((error: Error, request: Request, response: Response, _next: NextFunction) => {
    if (error instanceof HttpError) {
      response
        .status(error.status)
        .json({ error: error.message, code: error.code, ...error.details });
      return;
    }
    if ((error as { type?: string }).type === "entity.parse.failed") {
      response.status(400).json({ error: "JSON が読めません", code: "bad_request" });
      return;
    }
    // Route pattern and code location, never the body or query: those may hold personal data.
    logger.error(
      {
        err: error.name,
        route: `${request.method} ${request.baseUrl}${request.route?.path ?? ""}`,
        at: error.stack?.split("\n")[1]?.trim(),
      },
      "request failed",
    );
    response.status(500).json({ error: "サーバーでエラーが発生しました", code: "internal" });
  });
  return app;
}
