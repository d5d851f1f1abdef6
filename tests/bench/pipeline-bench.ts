/**
 * npm run bench: pages per minute of the whole Kamiroku pipeline (ingest → split → OCR →
 * extract through BullMQ) against OCRmyPDF (-l jpn) on the same PDF with the same number of
 * cores, in the same run. Also prints both engines' page-text character recall against the
 * generator's ground truth, so speed is never bought with quality unseen.
 *
 * Options (environment): BENCH_PAGES (default 20), BENCH_SEED (default 1), BENCH_DPI (300).
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startPipelineWorkers } from "../../cli/pipeline-workers.ts";
import { openRuntime } from "../../cli/runtime.ts";
import { waitForBatch } from "../../cli/wait-for-batch.ts";
import { inputLimits, loadConfig } from "../../config/config.ts";
import { logger } from "../../config/logger.ts";
import { IngestService } from "../../ingest/ingest-service.ts";
import { toScannedPdf } from "../generator/containers.ts";
import { generateCorpus } from "../generator/corpus.ts";
import { characterRecall } from "../helpers/text-metrics.ts";

const pageCount = Number(process.env.BENCH_PAGES ?? 20);
const seed = Number(process.env.BENCH_SEED ?? 1);
const dpi = Number(process.env.BENCH_DPI ?? 300) as 150 | 200 | 300;
const cores = os.availableParallelism();

function requireTool(command: string, debianPackage: string): void {
  if (spawnSync(command, ["--version"], { stdio: "ignore" }).error) {
    console.error(
      `${command} is needed for the anchor measurement: apt-get install ${debianPackage}`,
    );
    process.exit(2);
  }
}

function meanRecall(truths: string[], texts: string[]): number {
  return (
    truths.reduce((sum, truth, index) => sum + characterRecall(truth, texts[index] ?? ""), 0) /
    truths.length
  );
}

async function runKamiroku(
  pdfPath: string,
  workDir: string,
): Promise<{ seconds: number; texts: string[] }> {
  const base = loadConfig({
    ...process.env,
    KAMIROKU_DATA_DIR: path.join(workDir, "data"),
    KAMIROKU_LOG_LEVEL: "warn",
  });
  const config = { ...base, databaseUrl: undefined, minioEndpoint: undefined, ocrWorkers: cores };
  const runtime = await openRuntime(config);
  const workers = await startPipelineWorkers(runtime);
  try {
    const ingest = new IngestService(
      runtime.objects,
      runtime.files,
      runtime.jobs,
      inputLimits(config),
    );
    const batch = await runtime.batches.getOrCreate("bench");
    const started = performance.now();
    const outcome = await ingest.ingestLocalFile(batch.id, pdfPath, "bench.pdf");
    await waitForBatch(runtime.batches, batch.id, () => {}, 100);
    const seconds = (performance.now() - started) / 1000;
    if (outcome.status !== "queued") throw new Error(`bench file not queued: ${outcome.status}`);
    const file = await runtime.files.get(outcome.fileId);
    if (file?.status !== "done")
      throw new Error(`bench file ended ${file?.status}: ${file?.errorMessage}`);
    const pages = await runtime.pages.listByFile(outcome.fileId);
    return { seconds, texts: pages.map((page) => page.ocrText ?? "") };
  } finally {
    await workers.close();
    await runtime.close();
  }
}

function runOcrmypdf(pdfPath: string, workDir: string): { seconds: number; texts: string[] } {
  const output = path.join(workDir, "ocrmypdf.pdf");
  const started = performance.now();
  execFileSync("ocrmypdf", [
    "-l",
    "jpn",
    "--jobs",
    String(cores),
    "--optimize",
    "0",
    "--output-type",
    "pdf",
    "--quiet",
    pdfPath,
    output,
  ]);
  const seconds = (performance.now() - started) / 1000;
  const text = execFileSync("pdftotext", ["-layout", output, "-"], {
    maxBuffer: 64 * 1024 * 1024,
  }).toString("utf8");
  return { seconds, texts: text.split("\f").slice(0, pageCount) };
}

async function main(): Promise<void> {
  logger.level = "warn";
  requireTool("ocrmypdf", "ocrmypdf tesseract-ocr-jpn");
  requireTool("pdftotext", "poppler-utils");
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), "kamiroku-bench-"));
  try {
    console.log(`Generating ${pageCount} A4 pages at ${dpi} dpi (seed ${seed})…`);
    const corpus = await generateCorpus({ seed, forms: pageCount, dpi, scan: "office" });
    const pdfPath = path.join(workDir, "bench.pdf");
    await fs.writeFile(pdfPath, await toScannedPdf(corpus.pages));
    const truths = corpus.pages.map((page) => page.truth.lines.join("\n"));

    console.log(`Kamiroku pipeline (${cores} OCR workers)…`);
    const kamiroku = await runKamiroku(pdfPath, workDir);
    console.log(`OCRmyPDF -l jpn --jobs ${cores}…`);
    const anchor = runOcrmypdf(pdfPath, workDir);

    const perMinute = (seconds: number) => (pageCount / seconds) * 60;
    const rows = [
      ["engine", "seconds", "pages/min", "char recall"],
      [
        "kamiroku",
        kamiroku.seconds.toFixed(1),
        perMinute(kamiroku.seconds).toFixed(1),
        meanRecall(truths, kamiroku.texts).toFixed(3),
      ],
      [
        "ocrmypdf",
        anchor.seconds.toFixed(1),
        perMinute(anchor.seconds).toFixed(1),
        meanRecall(truths, anchor.texts).toFixed(3),
      ],
    ];
    for (const row of rows)
      console.log(
        row.map((cell, index) => (index === 0 ? cell.padEnd(10) : cell.padStart(12))).join(""),
      );
    console.log(`speed ratio kamiroku/ocrmypdf: ${(anchor.seconds / kamiroku.seconds).toFixed(2)}`);
  } finally {
    await fs.rm(workDir, { recursive: true, force: true });
  }
}

await main();
