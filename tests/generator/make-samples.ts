/**
 * Writes the committed demo samples into tests/samples/ from a fixed seed, so re-running it
 * reproduces the same files byte for byte:
 *   npx tsx tests/generator/make-samples.ts
 * One client's case in the three shapes clerks hand in: a scanned PDF case file, a TIFF from the
 * multifunction printer, and a single photo-like JPEG.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ScannedPage, toMultipageTiff, toScannedPdf } from "./containers.ts";
import { createCaseProfile } from "./fake-case.ts";
import type { DocType } from "./field-vocabulary.ts";
import type { FontStyle } from "./fonts.ts";
import { buildFormSpec } from "./form-templates.ts";
import type { FormTruth } from "./form-truth.ts";
import { createRandom } from "./random.ts";
import { renderForm } from "./render-form.ts";
import { applyScanEffects, mapTruth, type ScanEffects } from "./scan-effects.ts";

const SEED = 20230412;
const DPI = 200;
const SAMPLES_DIR = fileURLToPath(new URL("../samples/", import.meta.url));

interface PagePlan {
  docType: DocType;
  font: FontStyle;
  effects: Omit<ScanEffects, "seed" | "dpi">;
}

const random = createRandom(SEED);
const profile = createCaseProfile(random.fork(), { year: 2023 });

async function scanPages(plans: readonly PagePlan[]) {
  const pages: (ScannedPage & { truth: FormTruth })[] = [];
  for (const plan of plans) {
    const form = renderForm(buildFormSpec(plan.docType, profile, random.fork()), {
      dpi: DPI,
      font: plan.font,
    });
    const scanned = await applyScanEffects(form.png, {
      ...plan.effects,
      seed: random.int(0, 0xffffffff),
      dpi: DPI,
    });
    pages.push({ ...scanned, dpi: DPI, truth: mapTruth(form.truth, scanned.transform) });
  }
  return pages;
}

const colourScan = { paperTone: 0.3, noise: 2, blur: 0.4, jpegQuality: 70 } as const;
const caseFile = await scanPages([
  { docType: "intake", font: "gothic", effects: { ...colourScan, skewDegrees: 0.35 } },
  { docType: "assessment", font: "mincho", effects: { ...colourScan, skewDegrees: -0.5 } },
  { docType: "progress", font: "gothic", effects: { ...colourScan, skewDegrees: 0.2 } },
]);
const meetingRecords = await scanPages([
  { docType: "meeting", font: "mincho", effects: { mode: "bilevel", noise: 3, skewDegrees: -0.3 } },
  { docType: "plan", font: "gothic", effects: { mode: "bilevel", noise: 3, skewDegrees: 0.6 } },
]);
const [evaluation] = await scanPages([
  {
    docType: "evaluation",
    font: "gothic",
    effects: { ...colourScan, paperTone: 0.45, skewDegrees: -0.8 },
  },
]);
if (!evaluation) throw new Error("The evaluation page was not generated");

const files: Record<string, { bytes: Buffer; truth: FormTruth[] }> = {
  "相談記録 2023 箱12.pdf": {
    bytes: await toScannedPdf(caseFile),
    truth: caseFile.map((page) => page.truth),
  },
  "支援会議記録.tiff": {
    bytes: await toMultipageTiff(
      meetingRecords.map((page) => page.data),
      { dpi: DPI, mode: "bilevel" },
    ),
    truth: meetingRecords.map((page) => page.truth),
  },
  "評価シート.jpg": { bytes: evaluation.data, truth: [evaluation.truth] },
};

mkdirSync(SAMPLES_DIR, { recursive: true });
const groundTruth: Record<string, FormTruth[]> = {};
for (const [name, file] of Object.entries(files)) {
  writeFileSync(join(SAMPLES_DIR, name), file.bytes);
  groundTruth[name] = file.truth;
  console.log(
    `${name}: ${(file.bytes.length / 1024).toFixed(0)} KiB, ${file.truth.length} page(s)`,
  );
}
writeFileSync(join(SAMPLES_DIR, "ground-truth.json"), `${JSON.stringify(groundTruth, null, 2)}\n`);
