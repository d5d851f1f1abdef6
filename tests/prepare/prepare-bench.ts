/**
 * Time per stage of preparePage on 300 dpi A4 scans (yellowed colour JPEG, skewed, one of them
 * sideways), with the orientation detector answering at once so the pixel work is timed alone;
 * the OCR trial is timed separately on the first page's sample.
 *   npx tsx tests/prepare/prepare-bench.ts
 */
import { TesseractPool } from "../../workers/ocr/tesseract-pool.ts";
import {
  OcrTrialOrientation,
  type OrientationDetector,
  type OrientationSample,
} from "../../workers/prepare/orientation.ts";
import { type PrepareStage, preparePage } from "../../workers/prepare/prepare-page.ts";
import { createCaseProfile } from "../generator/fake-case.ts";
import { buildFormSpec } from "../generator/form-templates.ts";
import { createRandom } from "../generator/random.ts";
import { renderForm } from "../generator/render-form.ts";
import { applyScanEffects } from "../generator/scan-effects.ts";

const ROUNDS = 5;

const random = createRandom(20240501);
const profile = createCaseProfile(random.fork(), { year: 2023 });
const scans = await Promise.all(
  (["intake", "progress", "assessment"] as const).map(async (docType, index) => {
    const form = renderForm(buildFormSpec(docType, profile, random.fork()), {
      dpi: 300,
      font: "gothic",
    });
    const scan = await applyScanEffects(form.png, {
      seed: index,
      skewDegrees: 1.5,
      rotate: index === 1 ? 90 : 0,
      paperTone: 0.8,
      noise: 4,
      jpegQuality: 70,
      dpi: 300,
    });
    return scan.data;
  }),
);

let sample: OrientationSample | undefined;
const instant: OrientationDetector = {
  uprightTurn: async (given) => {
    sample ??= given;
    return 0;
  },
};
const totals = new Map<PrepareStage | "total" | "total CPU", number>();
for (let round = 0; round < ROUNDS + 1; round++) {
  for (const scan of scans) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    await preparePage(scan, {
      orientation: instant,
      // The first round warms up the JIT and is not counted.
      onStage: (stage, ms) => round > 0 && totals.set(stage, (totals.get(stage) ?? 0) + ms),
    });
    if (round === 0) continue;
    totals.set("total", (totals.get("total") ?? 0) + performance.now() - start);
    // CPU time of the whole process, sharp's threads included: what the page costs on a shared
    // machine, where wall time also counts other processes' turns.
    const { user, system } = process.cpuUsage(cpu);
    totals.set("total CPU", (totals.get("total CPU") ?? 0) + (user + system) / 1000);
  }
}
const pages = ROUNDS * scans.length;
console.log(`ms per page, mean of ${pages} (2480×3508 px):`);
for (const [stage, ms] of totals) console.log(`  ${stage.padEnd(14)} ${(ms / pages).toFixed(1)}`);

const pool = new TesseractPool({ size: 1 });
const trial = new OcrTrialOrientation(pool);
if (sample) {
  await trial.uprightTurn(sample, [0]);
  for (const turns of [[0], [180, 0]] as const) {
    const start = performance.now();
    await trial.uprightTurn(sample, turns);
    console.log(
      `OCR trial, ${turns.join("° then ")}°: ${(performance.now() - start).toFixed(0)} ms`,
    );
  }
}
await pool.terminate();
