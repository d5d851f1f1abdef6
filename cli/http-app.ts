import path from "node:path";
import type express from "express";
import { inputLimits } from "../config/config.ts";
import { loadFormDefinitions } from "../config/forms/municipality-forms.ts";
import { IngestService } from "../ingest/ingest-service.ts";
import { createApp } from "../review-ui/app.ts";
import type { Runtime } from "./runtime.ts";

/** The review UI and API on a runtime's stores, set up from its configuration. */
export async function createHttpApp(
  runtime: Runtime,
  localToken: string | null,
): Promise<express.Express> {
  const { config } = runtime;
  const limits = inputLimits(config);
  return createApp({
    db: runtime.db,
    objects: runtime.objects,
    batches: runtime.batches,
    files: runtime.files,
    pages: runtime.pages,
    jobs: runtime.jobs,
    ingest: new IngestService(runtime.objects, runtime.files, runtime.jobs, limits),
    definitions: await loadFormDefinitions(config.formsFile),
    upload: {
      spoolDir: path.join(config.dataDir, "spool"),
      maxFileBytes: limits.maxFileBytes,
      maxFiles: 1000,
    },
    security: {
      sessionIdleMs: config.sessionIdleMinutes * 60_000,
      leaseMs: config.leaseMinutes * 60_000,
      secureCookies: config.cookieSecure,
      trustProxy: config.trustProxy,
      loginFailures: config.loginFailures,
    },
    localToken,
    webhook: Boolean(config.webhookUrl),
  });
}
