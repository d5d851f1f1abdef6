import fs from "node:fs";
import path from "node:path";
import { collectInputFiles } from "../ingest/collect-input-files.ts";
import type { IngestOutcome } from "../ingest/ingest-service.ts";
import type { BatchSummary } from "../storage/repositories/batch-repository.ts";
import { BatchProgress } from "./batch-progress.ts";
import { fetchFromServer, type RunningServer } from "./running-server.ts";
import { finishedStatuses } from "./wait-for-batch.ts";

interface UploadReply {
  batch: { id: string; name: string };
  files: ({ fileName: string } & IngestOutcome)[];
}

interface BatchReply {
  summary: BatchSummary;
  files: {
    fileName: string;
    status: string;
    pageCount: number | null;
    errorMessage: string | null;
  }[];
}

/**
 * `kamiroku ingest` while a `kamiroku serve` holds the embedded stores: each file is streamed to
 * the server's upload endpoint (from disk, never read whole), and --wait follows the batch there.
 */
export async function ingestThroughServer(
  server: RunningServer,
  paths: string[],
  options: { batch: string; wait?: boolean },
): Promise<number> {
  const { files: inputs, missing } = await collectInputFiles(paths);
  for (const name of missing) console.error(`✗ ${name}: ファイルまたはフォルダが見つかりません`);
  console.error(`kamiroku serve (${server.url}) に送信します`);
  const progress = new BatchProgress(inputs.length);
  const uploadPath = `/api/uploads?batch=${encodeURIComponent(options.batch)}`;
  let batchId: string | null = null;
  let failed = missing.length > 0;
  for (const [index, input] of inputs.entries()) {
    const form = new FormData();
    form.append("file", await fs.openAsBlob(input), path.basename(input));
    const response = await fetchFromServer(server, uploadPath, { method: "POST", body: form });
    const reply = (await response.json()) as UploadReply & { error?: string };
    if (!response.ok) throw new Error(reply.error ?? `upload failed (HTTP ${response.status})`);
    batchId = reply.batch.id;
    for (const file of reply.files) {
      if (file.status === "failed") {
        failed = true;
        console.error(`✗ ${file.fileName}: ${file.message}`);
      }
      if (file.status === "duplicate")
        console.error(`= ${file.fileName}: 同じ内容のファイルが登録済みのため処理しません`);
    }
    progress.fileStored(index + 1);
  }
  let finalFiles: BatchReply["files"] = [];
  if (options.wait && batchId) {
    for (;;) {
      const reply = (await (
        await fetchFromServer(server, `/api/batches/${batchId}`)
      ).json()) as BatchReply;
      progress.update(reply.summary);
      if (
        reply.files.every((file) => (finishedStatuses as readonly string[]).includes(file.status))
      ) {
        finalFiles = reply.files;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  progress.stop();
  for (const file of finalFiles) {
    const pages = file.pageCount === null ? "" : ` | ${file.pageCount} ページ`;
    const error = file.errorMessage ? ` | ${file.errorMessage}` : "";
    console.log(`  ${file.fileName} | ${file.status}${pages}${error}`);
  }
  return failed ? 1 : 0;
}
