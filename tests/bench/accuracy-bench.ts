/**
 * npm run bench:accuracy — how well the whole pipeline reads case files: docType, field values,
 * auto-accept safety, long text, page text against the tesseract CLI, 個人番号 leaks and blank
 * pages, on a fresh corpus of generated case files with ground truth.
 *
 *   npx tsx tests/bench/accuracy-bench.ts [--seed N] [--files N] [--json out.json]
 *                                         [--ocr-cache DIR]
 *
 * The report goes to stdout, progress to stderr. The files run one after another through
 * extractFileInProcess with one shared TesseractPool sized as `kamiroku extract` sizes it; the
 * tesseract CLI then reads the same page images with the same number of processes.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { inputLimits, loadConfig } from "../../config/config.ts";
import type { RecordV1 } from "../../workers/extract/record-v1.ts";
import { extractFileInProcess } from "../../workers/extract-file-in-process.ts";
import { TesseractPool } from "../../workers/ocr/tesseract-pool.ts";
import { type CaseFile, generateCaseFiles } from "../generator/case-files.ts";
import { AccuracyTally } from "./accuracy/accuracy-tally.ts";
import { CachedTesseractPool } from "./accuracy/cached-tesseract-pool.ts";
import { formatReport, summarise } from "./accuracy/report.ts";
import { tesseractCliAvailable, tesseractCliTexts } from "./accuracy/tesseract-cli.ts";

// About 60 pages: files average near four pages with their blank backs and continuations.
const DEFAULT_FILES = 16;
// Half the intake sheets rather than the generator's 30 %: at 60 pages that still gives only a
// handful of 個人番号 to count leaks on.
const INDIVIDUAL_NUMBER_SHARE = 0.5;

function positiveInteger(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} must be a whole number, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

function log(message: string) {
  process.stderr.write(`${message}\n`);
}

const seconds = (since: number) => (performance.now() - since) / 1000;

async function runPipeline(
  files: readonly CaseFile[],
  workDir: string,
  ocrCache: string | undefined,
): Promise<{ outcomes: (RecordV1[] | Error)[]; seconds: number; workers: number }> {
  const config = loadConfig();
  const pool = ocrCache
    ? new CachedTesseractPool(ocrCache, { size: config.ocrWorkers })
    : new TesseractPool({ size: config.ocrWorkers });
  const outcomes: (RecordV1[] | Error)[] = [];
  const started = performance.now();
  try {
    for (const [index, file] of files.entries()) {
      const fileStarted = performance.now();
      try {
        const { records } = await extractFileInProcess(path.join(workDir, file.fileName), {
          pool,
          maxPixels: inputLimits(config).maxPixels,
          renderDpi: config.renderDpi,
          reading: { secondReading: config.ocrSecondReading },
        });
        outcomes.push(records);
      } catch (error) {
        outcomes.push(error instanceof Error ? error : new Error(String(error)));
      }
      const outcome = outcomes.at(-1);
      log(
        `  [${index + 1}/${files.length}] ${file.fileName}: ${file.pages.length} pages, ${
          outcome instanceof Error
            ? `failed: ${outcome.message}`
            : `${outcome?.length ?? 0} record(s)`
        } in ${seconds(fileStarted).toFixed(1)} s`,
      );
    }
  } finally {
    await pool.terminate();
  }
  if (pool instanceof CachedTesseractPool)
    log(
      `OCR cache: ${pool.hits} results reused, ${pool.misses} read; seconds per page are not comparable with an uncached run`,
    );
  return { outcomes, seconds: seconds(started), workers: pool.size };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: "string", default: "1" },
      files: { type: "string", default: String(DEFAULT_FILES) },
      json: { type: "string" },
      "ocr-cache": { type: "string" },
    },
  });
  const seed = positiveInteger("seed", values.seed);
  const fileCount = positiveInteger("files", values.files);
  if (!tesseractCliAvailable()) {
    console.error(
      "The tesseract CLI with Japanese is needed for the reference figures: apt-get install tesseract-ocr-jpn",
    );
    process.exit(2);
  }
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), "kamiroku-accuracy-"));
  try {
    log(`Generating ${fileCount} case files (seed ${seed})…`);
    const generateStarted = performance.now();
    const files = await generateCaseFiles({
      seed,
      caseFiles: fileCount,
      individualNumbers: INDIVIDUAL_NUMBER_SHARE,
    });
    for (const file of files) await fs.writeFile(path.join(workDir, file.fileName), file.bytes);
    const pageCount = files.reduce((sum, file) => sum + file.pages.length, 0);
    const generateSeconds = seconds(generateStarted);
    log(`  ${pageCount} pages in ${generateSeconds.toFixed(0)} s`);

    log("Kamiroku pipeline (extractFileInProcess)…");
    const pipeline = await runPipeline(files, workDir, values["ocr-cache"]);

    log(`tesseract CLI (-l jpn, ${pipeline.workers} processes)…`);
    const cliStarted = performance.now();
    const allPages = files.flatMap((file) => file.pages);
    const cliTexts = await tesseractCliTexts(allPages, workDir, pipeline.workers, (done) => {
      if (done % 10 === 0 || done === allPages.length) log(`  ${done}/${allPages.length} pages`);
    });
    const tesseractCliSeconds = seconds(cliStarted);

    const tally = new AccuracyTally();
    let firstPage = 0;
    files.forEach((file, index) => {
      const pageTexts = cliTexts.slice(firstPage, firstPage + file.pages.length);
      firstPage += file.pages.length;
      const outcome = pipeline.outcomes[index] as RecordV1[] | Error;
      if (outcome instanceof Error) tally.addFailure(file.truth, outcome.message, pageTexts);
      else tally.addFile(file.truth, outcome, pageTexts);
    });
    const timings = {
      generateSeconds,
      pipelineSeconds: pipeline.seconds,
      tesseractCliSeconds,
    };
    const summary = summarise(tally.counts, timings);
    console.log(formatReport(tally.counts, summary));
    if (values.json) {
      const results = {
        seed,
        files: fileCount,
        workers: pipeline.workers,
        timings,
        summary,
        counts: tally.counts,
        forms: tally.details,
      };
      await fs.writeFile(values.json, `${JSON.stringify(results, null, 2)}\n`);
      log(`Results written to ${values.json}`);
    }
  } finally {
    await fs.rm(workDir, { recursive: true, force: true });
  }
}

await main();
