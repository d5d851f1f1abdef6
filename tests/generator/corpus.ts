/**
 * Batches of rendered, scanned pages with their ground truth, for benchmarks: doc types and
 * typefaces vary page to page, and one run of pages shares a case as a real case file does.
 */
import type { ScannedPage } from "./containers.ts";
import { createCaseProfile } from "./fake-case.ts";
import { DOC_TYPES, type DocType } from "./field-vocabulary.ts";
import type { FontStyle } from "./fonts.ts";
import { buildFormSpec } from "./form-templates.ts";
import type { FormTruth } from "./form-truth.ts";
import { createRandom, type Random } from "./random.ts";
import { renderForm } from "./render-form.ts";
import { applyScanEffects, mapTruth, type ScanEffects } from "./scan-effects.ts";

/**
 * clean: the render itself (PNG, no effects); office: a decent office scanner (JPEG);
 * worn: yellowed paper, dust, visible skew and heavy JPEG compression.
 */
export type ScanCondition = "clean" | "office" | "worn";

export interface CorpusOptions {
  seed: number;
  forms: number;
  dpi: 150 | 200 | 300;
  docTypes?: readonly DocType[];
  fonts?: readonly FontStyle[];
  scan?: ScanCondition;
  /** Share of pages fed sideways or upside down, for orientation detection. */
  turnedPages?: number;
}

export interface CorpusPage extends ScannedPage {
  truth: FormTruth;
}

export interface Corpus {
  pages: CorpusPage[];
}

function scanEffects(condition: "office" | "worn", dpi: number, random: Random): ScanEffects {
  const seed = random.int(0, 0xffffffff);
  if (condition === "office") {
    return {
      seed,
      dpi,
      paperTone: random.float(0.05, 0.35),
      noise: random.float(1, 3),
      skewDegrees: random.float(-0.6, 0.6),
      blur: random.float(0.3, 0.5),
      jpegQuality: random.int(72, 90),
    };
  }
  return {
    seed,
    dpi,
    paperTone: random.float(0.6, 1),
    noise: random.float(4, 8),
    skewDegrees: random.float(-2, 2),
    blur: random.float(0.5, 0.9),
    jpegQuality: random.int(45, 65),
    mode: random.chance(0.3) ? "grey" : "colour",
  };
}

export async function generateCorpus(options: CorpusOptions): Promise<Corpus> {
  const random = createRandom(options.seed);
  const docTypes = options.docTypes ?? DOC_TYPES;
  const fonts = options.fonts ?? (["gothic", "mincho"] as const);
  const condition = options.scan ?? "office";
  const pages: CorpusPage[] = [];
  let order: DocType[] = [];
  let profile = createCaseProfile(random.fork());
  for (let index = 0; index < options.forms; index++) {
    if (order.length === 0) {
      // Each pass through the doc types is one client's case file.
      order = random.shuffle(docTypes);
      if (index > 0) profile = createCaseProfile(random.fork());
    }
    const docType = order.shift() as DocType;
    const spec = buildFormSpec(docType, profile, random.fork());
    const form = renderForm(spec, { dpi: options.dpi, font: random.pick(fonts) });
    if (condition === "clean") {
      pages.push({
        data: form.png,
        format: "png",
        width: form.width,
        height: form.height,
        dpi: options.dpi,
        truth: form.truth,
      });
      continue;
    }
    const effects = scanEffects(condition, options.dpi, random);
    if (options.turnedPages && random.chance(options.turnedPages)) {
      effects.rotate = random.pick([90, 180, 270] as const);
    }
    const scanned = await applyScanEffects(form.png, effects);
    pages.push({
      data: scanned.data,
      format: scanned.format,
      width: scanned.width,
      height: scanned.height,
      dpi: options.dpi,
      truth: mapTruth(form.truth, scanned.transform),
    });
  }
  return { pages };
}
