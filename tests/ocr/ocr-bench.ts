/**
 * Seconds per A4 page for each jpn data variant and resolution.
 * Run: npx tsx tests/ocr/ocr-bench.ts [runs]
 */
import { type JpnDataVariant, jpnLangPath } from "../../workers/ocr/language-data.ts";
import { ocrPage } from "../../workers/ocr/ocr-page.ts";
import { TesseractPool } from "../../workers/ocr/tesseract-pool.ts";
import { characterAccuracy } from "../helpers/text-metrics.ts";
import { renderForm } from "./render-form.ts";
import { INTAKE_PAGE } from "./sample-forms.ts";

const runs = Number(process.argv[2] ?? 3);
const variants: JpnDataVariant[] = ["4.0.0", "4.0.0_best_int"];
const expected = INTAKE_PAGE.map((line) => line.join(" ")).join("\n");

for (const dpi of [200, 300]) {
  const page = renderForm({ lines: INTAKE_PAGE, dpi, segmentGapEm: 1 }).png;
  for (const variant of variants) {
    const pool = new TesseractPool({ size: 1, langPath: jpnLangPath(variant) });
    const startAt = performance.now();
    // The first page also pays for loading the model; report it apart from steady state.
    const first = await ocrPage(page, pool);
    const firstSeconds = (performance.now() - startAt) / 1000;
    const timed = performance.now();
    for (let i = 0; i < runs; i++) await ocrPage(page, pool);
    const seconds = (performance.now() - timed) / 1000 / runs;
    await pool.terminate();
    const recall = characterAccuracy(expected, first.text);
    console.log(
      `${dpi} dpi  ${variant.padEnd(15)} ${seconds.toFixed(2)} s/page  (first page ${firstSeconds.toFixed(2)} s)  recall ${recall.toFixed(3)}  confidence ${first.confidence.toFixed(2)}`,
    );
  }
}
