import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import type { Request, Response } from "express";
import type { IngestOutcome, IngestService } from "../ingest/ingest-service.ts";
import { DEFAULT_AGENCY_ID } from "../storage/repositories/agency-repository.ts";
import type { AuditRepository } from "../storage/repositories/audit-repository.ts";
import type { BatchRepository } from "../storage/repositories/batch-repository.ts";
import { auditIdentity } from "./auth/actor.ts";
import { allowed } from "./auth/authenticate.ts";

export interface UploadRouteOptions {
  spoolDir: string;
  maxFileBytes: number;
  maxFiles: number;
}

type UploadResult = { fileName: string } & IngestOutcome;

/**
 * POST /api/uploads?batch=NAME (multipart/form-data, any number of file parts), into the
 * uploader's agency's batch of that name. Each part is streamed to a spool file under the size limit, never held in memory, then ingested
 * like a file given to `kamiroku ingest`. One bad file does not stop the others.
 */
export function uploadRoute(
  batches: BatchRepository,
  ingest: IngestService,
  audit: AuditRepository,
  options: UploadRouteOptions,
) {
  const receive = async (
    stream: Readable & { truncated?: boolean },
    fileName: string,
    batchId: string,
  ): Promise<UploadResult> => {
    const spoolPath = path.join(options.spoolDir, `${randomUUID()}.upload`);
    try {
      await pipeline(stream, createWriteStream(spoolPath));
      if (stream.truncated) {
        const limitMb = Math.floor(options.maxFileBytes / 1024 / 1024);
        const message = `ファイルが大きすぎます（上限 ${limitMb} MB）。分割してスキャンし直してください。`;
        return {
          fileName,
          status: "failed",
          fileId: null,
          sha256: null,
          code: "file_too_large",
          message,
        };
      }
      return { fileName, ...(await ingest.ingestLocalFile(batchId, spoolPath, fileName)) };
    } finally {
      await fs.rm(spoolPath, { force: true });
    }
  };

  return async (request: Request, response: Response): Promise<void> => {
    const actor = allowed(response, "upload");
    const batchName = typeof request.query.batch === "string" ? request.query.batch.trim() : "";
    if (!batchName) {
      response.status(400).json({ error: "batch を指定してください (?batch=名前)" });
      return;
    }
    if (!request.is("multipart/form-data")) {
      response.status(415).json({ error: "multipart/form-data で送信してください" });
      return;
    }
    const batch = await batches.getOrCreate(
      batchName,
      actor.kind === "user" ? actor.user.agency.id : DEFAULT_AGENCY_ID,
    );
    await fs.mkdir(options.spoolDir, { recursive: true });
    const results: Promise<UploadResult>[] = [];
    const parser = busboy({
      headers: request.headers,
      defParamCharset: "utf8",
      limits: { fileSize: options.maxFileBytes, files: options.maxFiles },
    });
    parser.on("file", (_field, stream, info) => {
      results.push(receive(stream, path.basename(info.filename || "unnamed"), batch.id));
    });
    await pipeline(request, parser);
    const files = (await Promise.allSettled(results)).map(
      (result): UploadResult =>
        result.status === "fulfilled"
          ? result.value
          : {
              fileName: "",
              status: "failed",
              fileId: null,
              sha256: null,
              code: "upload_failed",
              message: "受信中にエラーが発生しました。もう一度送信してください。",
            },
    );
    await audit.append({
      action: "file_upload",
      ...auditIdentity(actor),
      batchId: batch.id,
      detail: { files: files.length, failed: files.filter((f) => f.status === "failed").length },
    });
    response
      .status(files.length === 0 ? 400 : 200)
      .json({ batch: { id: batch.id, name: batch.name }, files });
  };
}
