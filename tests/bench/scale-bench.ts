/**
 * npm run bench:scale — resident memory of one process running the whole pipeline (split → OCR →
 * extract → searchable PDF, embedded stores) on one large batch PDF, against an anchor measured in
 * the same run: the same pipeline on a small PDF of the same pages. Bounded memory means the peak
 * of the large batch stays near the anchor's, whatever the page count.
 *
 * Options (environment): BENCH_PAGES (default 500), BENCH_ANCHOR_PAGES (default 20),
 * BENCH_DPI (default 200), BENCH_SEED (default 1). Distinct forms are generated once and repeated,
 * as a box of one office's files repeats its forms; every page is still OCRed on its own.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startPipelineWorkers } from "../../cli/pipeline-workers.ts";
import { openRuntime } from "../../cli/runtime.ts";
import { inputLimits, loadConfig } from "../../config/config.ts";
import { logger } from "../../config/logger.ts";
import { IngestService } from "../../ingest/ingest-service.ts";
import { toScannedPdf } from "../generator/containers.ts";
import { generateCorpus } from "../generator/corpus.ts";

const pageCount = Number(process.env.BENCH_PAGES ?? 500);
const anchorPages = Number(process.env.BENCH_ANCHOR_PAGES ?? 20);
const dpi = Number(process.env.BENCH_DPI ?? 200) as 150 | 200 | 300;
const seed = Number(process.env.BENCH_SEED ?? 1);
const DISTINCT_FORMS = 24;
const MB = 1024 * 1024;

interface Run {
  pages: number;
  seconds: number;
  /** Peak resident memory per stage the file was in when sampled. */
  peakByStage: Record<string, number>;
  peak: number;
  /** Resident memory when 25 %, 50 %, 75 % and 100 % of the pages had been OCRed. */
  byProgress: number[];
  /** The same moments: memory the main thread's JavaScript holds (heap; ArrayBuffers and WebAssembly). */
  heapByProgress: number[];
  arrayBuffersByProgress: number[];
}

async function runPipeline(pdfPath: string, pages: number, workDir: string): Promise<Run> {
  const base = loadConfig({
    ...process.env,
    KAMIROKU_DATA_DIR: path.join(workDir, `data-${pages}`),
    KAMIROKU_LOG_LEVEL: "warn",
  });
  const config = { ...base, databaseUrl: undefined, minioEndpoint: undefined, redisUrl: undefined };
  const runtime = await openRuntime(config);
  const workers = await startPipelineWorkers(runtime);
  const peakByStage: Record<string, number> = {};
  const byProgress: number[] = [];
  const heapByProgress: number[] = [];
  const arrayBuffersByProgress: number[] = [];
  let peak = 0;
  try {
    const ingest = new IngestService(
      runtime.objects,
      runtime.files,
      runtime.jobs,
      inputLimits(config),
    );
    const batch = await runtime.batches.getOrCreate(`scale ${pages}`);
    const started = performance.now();
    const outcome = await ingest.ingestLocalFile(batch.id, pdfPath, `batch-${pages}.pdf`);
    if (outcome.status !== "queued") throw new Error(`batch file not queued: ${outcome.status}`);
    for (;;) {
      const { rss } = process.memoryUsage();
      const file = await runtime.files.get(outcome.fileId);
      const status = file?.status ?? "?";
      peak = Math.max(peak, rss);
      peakByStage[status] = Math.max(peakByStage[status] ?? 0, rss);
      const done = await runtime.pages.countOcrDone(outcome.fileId);
      while (byProgress.length < 4 && done >= (pages * (byProgress.length + 1)) / 4) {
        // Under --expose-gc the heap is counted without garbage not yet collected.
        (globalThis as { gc?: () => void }).gc?.();
        byProgress.push(rss);
        const { heapUsed, arrayBuffers } = process.memoryUsage();
        heapByProgress.push(heapUsed);
        arrayBuffersByProgress.push(arrayBuffers);
      }
      if (status === "done" || status === "failed") {
        if (status === "failed") throw new Error(`batch file failed: ${file?.errorMessage}`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return {
      pages,
      seconds: (performance.now() - started) / 1000,
      peakByStage,
      peak,
      byProgress,
      heapByProgress,
      arrayBuffersByProgress,
    };
  } finally {
    await workers.close();
    await runtime.close();
  }
}

async function main(): Promise<void> {
  logger.level = "warn";
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), "kamiroku-scale-"));
  try {
    console.log(`Generating ${DISTINCT_FORMS} distinct A4 forms at ${dpi} dpi (seed ${seed})…`);
    const corpus = await generateCorpus({ seed, forms: DISTINCT_FORMS, dpi, scan: "office" });
    const pagesOf = (count: number) =>
      Array.from({ length: count }, (_, index) => corpus.pages[index % corpus.pages.length]).filter(
        (page) => page !== undefined,
      );
    const anchorPdf = path.join(workDir, "anchor.pdf");
    const largePdf = path.join(workDir, "large.pdf");
    await fs.writeFile(anchorPdf, await toScannedPdf(pagesOf(anchorPages)));
    await fs.writeFile(largePdf, await toScannedPdf(pagesOf(pageCount)));
    const size = (await fs.stat(largePdf)).size;
    console.log(`Anchor: ${anchorPages} pages…`);
    const anchor = await runPipeline(anchorPdf, anchorPages, workDir);
    console.log(`Batch: ${pageCount} pages in one PDF (${(size / MB).toFixed(0)} MB)…`);
    const large = await runPipeline(largePdf, pageCount, workDir);

    const mb = (bytes: number | undefined) => `${((bytes ?? 0) / MB).toFixed(0)} MB`.padStart(8);
    console.log("\nresident memory of the process (peak)");
    console.log(`${"stage".padEnd(12)}${"anchor".padStart(10)}${"batch".padStart(10)}`);
    for (const stage of ["splitting", "ocr", "extracting"]) {
      console.log(
        `${stage.padEnd(12)}  ${mb(anchor.peakByStage[stage])}  ${mb(large.peakByStage[stage])}`,
      );
    }
    console.log(`${"whole run".padEnd(12)}  ${mb(anchor.peak)}  ${mb(large.peak)}`);
    console.log(
      `batch while OCR progressed (25/50/75/100 %): ${large.byProgress.map((rss) => mb(rss).trim()).join(" / ")}`,
    );
    console.log(
      `  of which main-thread JS heap: ${large.heapByProgress.map((bytes) => mb(bytes).trim()).join(" / ")}; ArrayBuffers and WebAssembly: ${large.arrayBuffersByProgress.map((bytes) => mb(bytes).trim()).join(" / ")}`,
    );
    console.log(
      `peak ratio batch/anchor: ${(large.peak / anchor.peak).toFixed(2)} for ${(pageCount / anchorPages).toFixed(0)}× the pages`,
    );
    console.log(
      `time: anchor ${anchor.seconds.toFixed(0)} s, batch ${large.seconds.toFixed(0)} s (${((pageCount / large.seconds) * 60).toFixed(1)} pages/min)`,
    );
  } finally {
    await fs.rm(workDir, { recursive: true, force: true });
  }
}

await main();
