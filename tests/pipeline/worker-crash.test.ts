import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRuntime, type Runtime } from "../../cli/runtime.ts";
import { waitForBatch } from "../../cli/wait-for-batch.ts";
import { IngestService } from "../../ingest/ingest-service.ts";
import { ocrResultKey } from "../../storage/objects/object-keys.ts";
import { jobIds, queueNames } from "../../workers/queues.ts";
import { createTestEnvironment, type TestEnvironment } from "../helpers/test-environment.ts";

const sample = path.resolve("tests/samples/評価シート.jpg");
const batchPdf = path.resolve("tests/samples/相談記録 2023 箱12.pdf");

function startWorkerProcess(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "cli/main.ts", "worker"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

async function until<T>(
  probe: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("a worker process killed in the middle of an OCR job", () => {
  let environment: TestEnvironment;
  let runtime: Runtime;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    environment = await createTestEnvironment({
      KAMIROKU_OCR_WORKERS: "1",
      // Long enough that a busy worker renews its lock in time on a loaded 2-core machine (page
      // preparation runs on the main thread); short enough that a killed worker's job is taken
      // over within seconds.
      KAMIROKU_JOB_LOCK_MS: "8000",
      KAMIROKU_STALLED_CHECK_MS: "1000",
    });
    runtime = await openRuntime(environment.config);
  });

  afterAll(async () => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await runtime?.close();
    await environment?.dispose();
  });

  it("loses nothing: the job is taken over by another worker and the page is stored once", async () => {
    const ingest = new IngestService(runtime.objects, runtime.files, runtime.jobs, {
      maxPixels: 100_000_000,
      maxFileBytes: 100 * 1024 * 1024,
    });
    const batch = await runtime.batches.getOrCreate("crash");
    const outcome = await ingest.ingestLocalFile(batch.id, sample, "評価シート.jpg");
    if (outcome.status !== "queued") throw new Error(`sample not queued: ${outcome.status}`);
    const { fileId } = outcome;

    const doomed = startWorkerProcess(environment.env);
    children.push(doomed);
    await until(async () => (await runtime.jobs.counts()).ocr.active === 1, "the OCR job to start");
    const exited = once(doomed, "exit");
    doomed.kill("SIGKILL");
    await exited;
    expect((await runtime.pages.get(fileId, 1))?.status).toBe("split");

    children.push(startWorkerProcess(environment.env));
    const summary = await waitForBatch(runtime.batches, batch.id, () => {}, 200);
    expect(summary.files.byStatus.done).toBe(1);

    const pages = await runtime.pages.listByFile(fileId);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.status).toBe("ocr_done");
    expect(pages[0]?.ocrText?.length).toBeGreaterThan(20);
    const file = await runtime.files.get(fileId);
    expect(await runtime.objects.stat(ocrResultKey(file?.sha256 ?? "", 1))).not.toBeNull();
    expect(await runtime.records.listByFile(fileId)).toHaveLength(1);

    const ocrQueue = new Queue(queueNames.ocr, {
      connection: runtime.redis,
      prefix: environment.config.queuePrefix,
    });
    try {
      const job = await ocrQueue.getJob(jobIds.ocr(fileId, 1));
      expect(await job?.getState()).toBe("completed");
      expect(job?.stalledCounter).toBe(1); // taken over once, after the kill
    } finally {
      await ocrQueue.close();
    }
  });

  it("resumes a many-page batch where it stopped, without redoing the pages already read", async () => {
    const ingest = new IngestService(runtime.objects, runtime.files, runtime.jobs, {
      maxPixels: 100_000_000,
      maxFileBytes: 100 * 1024 * 1024,
    });
    const batch = await runtime.batches.getOrCreate("crash mid-batch");
    const outcome = await ingest.ingestLocalFile(batch.id, batchPdf, "箱12.pdf");
    if (outcome.status !== "queued") throw new Error(`sample not queued: ${outcome.status}`);
    const { fileId } = outcome;

    const doomed = startWorkerProcess(environment.env);
    children.push(doomed);
    // One OCR worker reads the pages one after another: kill it once the first is stored.
    await until(async () => (await runtime.pages.countOcrDone(fileId)) >= 1, "a page to be read");
    const exited = once(doomed, "exit");
    doomed.kill("SIGKILL");
    await exited;
    const before = (await runtime.pages.listByFile(fileId)).filter((p) => p.status === "ocr_done");
    expect(before.length).toBeGreaterThanOrEqual(1);
    expect(before.length).toBeLessThan(3);

    children.push(startWorkerProcess(environment.env));
    const summary = await waitForBatch(runtime.batches, batch.id, () => {}, 200);
    expect(summary.files.byStatus.done).toBe(1);
    const after = await runtime.pages.listByFile(fileId);
    expect(after.map((page) => page.status)).toEqual(["ocr_done", "ocr_done", "ocr_done"]);
    // The pages read before the crash were not read again: their rows never changed.
    for (const page of before) {
      expect(after.find((each) => each.pageNumber === page.pageNumber)?.updatedAt).toEqual(
        page.updatedAt,
      );
    }
    const ocrQueue = new Queue(queueNames.ocr, {
      connection: runtime.redis,
      prefix: environment.config.queuePrefix,
    });
    try {
      // A page stored just before the kill may not have been acknowledged yet: its job is then
      // taken over as stalled, finds the page stored and finishes without reading it (the rows
      // above did not change). Either way it finished on its first attempt, never failed.
      for (const page of before) {
        const job = await ocrQueue.getJob(jobIds.ocr(fileId, page.pageNumber));
        expect(job?.attemptsMade).toBe(1);
        expect(job?.finishedOn).toBeGreaterThan(0);
        expect(job?.failedReason).toBeUndefined();
        expect(job?.stalledCounter).toBeLessThanOrEqual(1);
      }
    } finally {
      await ocrQueue.close();
    }
  });
});
