import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import express, { type Request, type Response } from "express";
import type { IngestService } from "../../ingest/ingest-service.ts";
import { DEFAULT_AGENCY_ID } from "../../storage/repositories/agency-repository.ts";
import type { AuditRepository } from "../../storage/repositories/audit-repository.ts";
import type { BatchRepository } from "../../storage/repositories/batch-repository.ts";
import { type Actor, auditIdentity } from "../auth/actor.ts";
import { allowed } from "../auth/authenticate.ts";
import { badRequest, HttpError, notFound } from "../http-error.ts";
import { isUuid } from "../is-uuid.ts";

export interface ResumableUploadOptions {
  spoolDir: string;
  maxFileBytes: number;
  /** Largest chunk one PUT may carry. */
  maxChunkBytes: number;
  /** An upload not finished within this long is given up (its part file removed). */
  expireMs: number;
}

/** What is kept beside the part file of an upload in progress, and after it, its outcome. */
interface UploadSession {
  ownerKey: string;
  batchId: string;
  fileName: string;
  size: number;
  createdAt: number;
  /** Kept until the upload expires: the answer to the last chunk may have been lost. */
  result?: Record<string, unknown>;
}

/**
 * Large files over an unreliable connection (API.md, "Resumable upload"): the browser creates an
 * upload, sends it in chunks, each at the offset the server has, and after a dropped connection
 * asks for that offset and goes on from there. The finished file is ingested like any upload.
 */
export function resumableUploadRoutes(
  batches: BatchRepository,
  ingest: IngestService,
  audit: AuditRepository,
  options: ResumableUploadOptions,
) {
  const router = express.Router();
  const dir = path.join(options.spoolDir, "resumable");
  const partPath = (id: string) => path.join(dir, `${id}.part`);
  const sessionPath = (id: string) => path.join(dir, `${id}.json`);

  const load = async (request: Request, response: Response) => {
    const actor = allowed(response, "upload");
    const id = request.params.id;
    const text = isUuid(id) ? await fs.readFile(sessionPath(id), "utf8").catch(() => null) : null;
    const session = text ? (JSON.parse(text) as UploadSession) : null;
    // Someone else's upload is answered as missing: its name may be personal data.
    if (!session || session.ownerKey !== ownerKey(actor)) throw notFound("アップロード");
    const received = session.result
      ? session.size
      : ((await fs.stat(partPath(id as string)).catch(() => null))?.size ?? 0);
    return { actor, id: id as string, session, received };
  };

  router.post("/", express.json(), async (request, response) => {
    const actor = allowed(response, "upload");
    const { batch, fileName, size } = request.body ?? {};
    if (typeof batch !== "string" || !batch.trim()) throw badRequest("バッチ名を指定してください");
    if (typeof fileName !== "string" || !fileName.trim())
      throw badRequest("ファイル名がありません");
    if (!Number.isSafeInteger(size) || size < 0)
      throw badRequest("ファイルの大きさが正しくありません");
    if (size > options.maxFileBytes) {
      const limitMb = Math.floor(options.maxFileBytes / 1024 / 1024);
      throw new HttpError(413, "file_too_large", `ファイルが大きすぎます（上限 ${limitMb} MB）`);
    }
    await removeExpired(dir, options.expireMs);
    const target = await batches.getOrCreate(
      batch.trim(),
      actor.kind === "user" ? actor.user.agency.id : DEFAULT_AGENCY_ID,
    );
    const id = randomUUID();
    const session: UploadSession = {
      ownerKey: ownerKey(actor),
      batchId: target.id,
      fileName: path.basename(fileName),
      size,
      createdAt: Date.now(),
    };
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(partPath(id), "");
    await fs.writeFile(sessionPath(id), JSON.stringify(session));
    response.status(201).json({ id, received: 0, size });
  });

  router.get("/:id", async (request, response) => {
    const { session, received } = await load(request, response);
    response.json({
      received,
      size: session.size,
      ...(session.result ? { result: session.result } : {}),
    });
  });

  router.put("/:id", async (request, response) => {
    const { actor, id, session, received } = await load(request, response);
    if (session.result) {
      throw new HttpError(409, "finished", "このファイルは登録済みです", {
        result: session.result,
      });
    }
    const offset = Number(request.query.offset);
    if (offset !== received) {
      // The client's idea of the offset is behind or ahead: it asks again and resends from here.
      throw new HttpError(409, "offset_mismatch", "送信位置が一致しません", { received });
    }
    const length = Number(request.headers["content-length"]);
    if (
      !Number.isSafeInteger(length) ||
      length > options.maxChunkBytes ||
      offset + length > session.size
    ) {
      throw badRequest("チャンクの大きさが正しくありません");
    }
    // Appended only once the whole chunk arrived, so a dropped connection never leaves half a chunk.
    const chunkPath = `${partPath(id)}.${randomUUID()}.chunk`;
    try {
      await pipeline(request, createWriteStream(chunkPath));
      const chunk = await fs.readFile(chunkPath);
      if (chunk.length !== length) throw badRequest("チャンクが途中で切れました");
      await fs.appendFile(partPath(id), chunk);
    } finally {
      await fs.rm(chunkPath, { force: true });
    }
    const now = received + length;
    if (now < session.size) {
      response.json({ received: now, size: session.size });
      return;
    }
    const result = {
      fileName: session.fileName,
      ...(await ingest.ingestLocalFile(session.batchId, partPath(id), session.fileName)),
    };
    await fs.writeFile(sessionPath(id), JSON.stringify({ ...session, result }));
    await fs.rm(partPath(id), { force: true });
    await audit.append({
      action: "file_upload",
      ...auditIdentity(actor),
      batchId: session.batchId,
      detail: { files: 1, failed: result.status === "failed" ? 1 : 0, resumable: true },
    });
    response.json({
      received: now,
      size: session.size,
      result,
    });
  });

  return router;
}

function ownerKey(actor: Actor): string {
  return actor.kind === "user" ? `user:${actor.user.id}` : actor.kind;
}

async function removeExpired(dir: string, expireMs: number): Promise<void> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((each) => each.endsWith(".json"))) {
    const file = path.join(dir, name);
    const session = JSON.parse(
      await fs.readFile(file, "utf8").catch(() => "{}"),
    ) as Partial<UploadSession>;
    if (Date.now() - (session.createdAt ?? 0) > expireMs) {
      await fs.rm(file.replace(/\.json$/, ".part"), { force: true });
      await fs.rm(file, { force: true });
    }
  }
}
