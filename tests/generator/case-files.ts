/**
 * Case files as clerks hand them in, for the accuracy benchmark: one client's forms in case
 * order, scanned by one machine per file into a multi-page PDF, a 1-bit TIFF or a single JPEG,
 * with blank back sides, continuation sheets, turned and askew pages, handwritten values and
 * the odd 個人番号 mixed in, each file with its ground truth.
 */

import { renderBlankBack } from "./blank-page.ts";
import type {
  CaseFileFormat,
  CaseFileTruth,
  CaseFormTruth,
  PageScan,
  PageTruth,
} from "./case-file-truth.ts";
import { type ScannedPage, toMultipageTiff, toScannedPdf } from "./containers.ts";
import { type CaseProfile, createCaseProfile } from "./fake-case.ts";
import { DOC_TYPES, type DocType } from "./field-vocabulary.ts";
import type { FontStyle } from "./fonts.ts";
import { renderFormSheets } from "./form-sheets.ts";
import type { FormLayout } from "./form-spec.ts";
import { buildFormSpec } from "./form-templates.ts";
import type { FormTruth } from "./form-truth.ts";
import { createRandom, type Random } from "./random.ts";
import { applyScanEffects, mapTruth, type ScanEffects } from "./scan-effects.ts";
import { type FormVariation, varyFormSpec } from "./vary-form.ts";

export interface CaseFileOptions extends FormVariation {
  seed: number;
  caseFiles: number;
  /** Forms in a multi-page file, both ends included. Default [2, 5]. */
  formsPerFile?: readonly [number, number];
  /** One resolution per file. Default 200 and 300 dpi. */
  dpis?: readonly (150 | 200 | 300)[];
  /**
   * Dealt to the files in turn, shuffled; a JPEG holds one single-sheet form. Default: pdf,
   * pdf, tiff, jpeg.
   */
  formats?: readonly CaseFileFormat[];
  /** Share of sheets followed by their blank back side (duplex scans). Default 0.2. */
  blankPages?: number;
  /** Share of forms with long text that run onto a second sheet. Default 0.15. */
  continuations?: number;
  /** Share of pages fed sideways or upside down (TIFF pages only upside down). Default 0.05. */
  turnedPages?: number;
  /** Largest skew of a page, in degrees either way. Default 3. */
  maxSkewDegrees?: number;
}

export interface CaseFile {
  fileName: string;
  format: CaseFileFormat;
  bytes: Buffer;
  /** Each page image as stored in the file, in page order. */
  pages: ScannedPage[];
  truth: CaseFileTruth;
}

const FILE_EXTENSIONS: Record<CaseFileFormat, string> = { pdf: "pdf", tiff: "tif", jpeg: "jpg" };
const FONTS: readonly FontStyle[] = ["gothic", "mincho"];
const DEFAULT_FORMATS: readonly CaseFileFormat[] = ["pdf", "pdf", "tiff", "jpeg"];
// A case's forms are filed in the order the work produced them.
const CASE_ORDER: readonly DocType[] = DOC_TYPES;

type Scanner = Omit<ScanEffects, "seed" | "rotate" | "skewDegrees"> & {
  mode: PageScan["mode"];
  dpi: 150 | 200 | 300;
};

function scannerFor(format: CaseFileFormat, dpi: 150 | 200 | 300, random: Random): Scanner {
  if (format === "tiff") {
    return {
      dpi,
      mode: "bilevel",
      paperTone: random.float(0, 0.4),
      noise: random.float(1, 4),
      blur: random.float(0, 0.5),
    };
  }
  return {
    dpi,
    mode: format === "pdf" && random.chance(0.3) ? "grey" : "colour",
    paperTone: random.float(0.05, 0.6),
    noise: random.float(1, 5),
    blur: random.float(0.3, 0.8),
    jpegQuality: random.int(55, 90),
  };
}

function caseDocTypes(random: Random, [min, max]: readonly [number, number]): DocType[] {
  const count = random.int(min, Math.min(max, CASE_ORDER.length));
  // Most files open with the intake sheet; the rest is whatever the case got to.
  if (random.chance(0.8)) {
    return ["intake", ...random.sample(CASE_ORDER.slice(1), count - 1)];
  }
  return random.sample(CASE_ORDER, count);
}

class CaseFileBuilder {
  readonly pages: ScannedPage[] = [];
  readonly pageTruths: PageTruth[] = [];
  readonly forms: CaseFormTruth[] = [];

  constructor(
    private readonly format: CaseFileFormat,
    private readonly scanner: Scanner,
    private readonly options: CaseFileOptions,
    private readonly random: Random,
  ) {}

  private pageScan(turnable: boolean): PageScan {
    const { random, options } = this;
    const maxSkew = options.maxSkewDegrees ?? 3;
    const skewDegrees = random.chance(0.25)
      ? random.float(-maxSkew, maxSkew)
      : random.float(-Math.min(0.8, maxSkew), Math.min(0.8, maxSkew));
    const turned = turnable && random.chance(options.turnedPages ?? 0.05);
    // A multi-page TIFF has one page size, so its sheets can only come out upside down.
    const turns = this.format === "tiff" ? ([180] as const) : ([90, 180, 270] as const);
    return {
      dpi: this.scanner.dpi,
      mode: this.scanner.mode,
      rotate: turned ? random.pick(turns) : 0,
      skewDegrees,
    };
  }

  private async scan(png: Buffer, scan: PageScan) {
    const { dpi: _, ...scanner } = this.scanner;
    const scanned = await applyScanEffects(png, {
      ...scanner,
      seed: this.random.int(0, 0xffffffff),
      dpi: scan.dpi,
      rotate: scan.rotate,
      skewDegrees: scan.skewDegrees,
    });
    this.pages.push({
      data: scanned.data,
      format: scanned.format,
      width: scanned.width,
      height: scanned.height,
      dpi: scan.dpi,
    });
    return { scanned, pageNumber: this.pages.length };
  }

  async addForm(docType: DocType, profile: CaseProfile) {
    const { random, options } = this;
    const spec = varyFormSpec(buildFormSpec(docType, profile, random.fork()), random.fork(), {
      layouts: options.layouts,
      handwrittenValues: options.handwrittenValues ?? 0.2,
      individualNumbers: options.individualNumbers ?? 0.3,
    });
    const sheets = renderFormSheets(
      spec,
      { dpi: this.scanner.dpi, font: random.pick(FONTS) },
      this.format !== "jpeg" && random.chance(options.continuations ?? 0.15),
    );
    const formIndex = this.forms.length;
    const sheetTruths: { truth: FormTruth; pageNumber: number }[] = [];
    for (const [sheetIndex, sheet] of sheets.entries()) {
      const scan = this.pageScan(true);
      const { scanned, pageNumber } = await this.scan(sheet.png, scan);
      const truth = mapTruth(sheet.truth, scanned.transform);
      sheetTruths.push({ truth, pageNumber });
      this.pageTruths.push({
        pageNumber,
        blank: false,
        docType,
        title: sheetIndex === 0 ? truth.title : null,
        form: formIndex,
        ...(sheetIndex > 0 ? { continuationOf: formIndex } : {}),
        layout: spec.layout ?? "ruled-grid",
        page: truth.page,
        scan,
        fields: truth.fields,
        ...(truth.entries ? { entries: truth.entries } : {}),
        ...(truth.individualNumbers ? { individualNumbers: truth.individualNumbers } : {}),
        lines: truth.lines,
      });
      if (this.format !== "jpeg" && random.chance(options.blankPages ?? 0.2)) {
        await this.addBlankBack(sheet.png);
      }
    }
    this.forms.push(formTruth(docType, spec.layout ?? "ruled-grid", sheetTruths));
  }

  private async addBlankBack(front: Buffer) {
    const scan = this.pageScan(false);
    const back = await renderBlankBack(front, scan.dpi, this.random);
    const { scanned, pageNumber } = await this.scan(back, scan);
    this.pageTruths.push({
      pageNumber,
      blank: true,
      docType: null,
      title: null,
      form: null,
      layout: null,
      page: { width: scanned.width, height: scanned.height, dpi: scan.dpi },
      scan,
      fields: {},
      lines: [],
    });
  }
}

function formTruth(
  docType: DocType,
  layout: FormLayout,
  sheets: readonly { truth: FormTruth; pageNumber: number }[],
): CaseFormTruth {
  const form: CaseFormTruth = {
    docType,
    title: sheets[0]?.truth.title ?? "",
    layout,
    pages: sheets.map((sheet) => sheet.pageNumber),
    fields: {},
  };
  for (const { truth, pageNumber: page } of sheets) {
    for (const [key, field] of Object.entries(truth.fields)) {
      form.fields[key as keyof CaseFormTruth["fields"]] = { ...field, page };
    }
    if (truth.entries) {
      form.entries = [...(form.entries ?? []), ...truth.entries.map((e) => ({ ...e, page }))];
    }
    if (truth.individualNumbers) {
      form.individualNumbers = [
        ...(form.individualNumbers ?? []),
        ...truth.individualNumbers.map((number) => ({ ...number, page })),
      ];
    }
  }
  return form;
}

async function caseFile(
  index: number,
  chosen: CaseFileFormat,
  options: CaseFileOptions,
  random: Random,
): Promise<CaseFile> {
  const dpi = random.pick(options.dpis ?? ([200, 300] as const));
  const profile = createCaseProfile(random.fork());
  const builder = new CaseFileBuilder(chosen, scannerFor(chosen, dpi, random), options, random);
  const docTypes =
    chosen === "jpeg"
      ? [random.pick(DOC_TYPES)]
      : caseDocTypes(random, options.formsPerFile ?? [2, 5]);
  for (const docType of docTypes) await builder.addForm(docType, profile);
  // A form too long for one sheet cannot be a single JPEG; the scanner makes it a PDF instead.
  const format: CaseFileFormat = chosen === "jpeg" && builder.pages.length > 1 ? "pdf" : chosen;
  const fileName = `${String(index + 1).padStart(2, "0")} ${profile.client.family}様 ${profile.caseNumber}.${FILE_EXTENSIONS[format]}`;
  const bytes =
    format === "pdf"
      ? await toScannedPdf(builder.pages)
      : format === "tiff"
        ? await toMultipageTiff(
            builder.pages.map((page) => page.data),
            { dpi, mode: "bilevel" },
          )
        : (builder.pages[0] as ScannedPage).data;
  return {
    fileName,
    format,
    bytes,
    pages: builder.pages,
    truth: { fileName, format, pages: builder.pageTruths, forms: builder.forms },
  };
}

/** `caseFiles` case files, reproducible from `seed`. */
export async function generateCaseFiles(options: CaseFileOptions): Promise<CaseFile[]> {
  const random = createRandom(options.seed);
  const formats = options.formats ?? DEFAULT_FORMATS;
  const files: CaseFile[] = [];
  // Formats are dealt from shuffled decks, so that even a small corpus has its share of each.
  let deck: CaseFileFormat[] = [];
  for (let index = 0; index < options.caseFiles; index++) {
    if (deck.length === 0) deck = random.shuffle(formats);
    files.push(await caseFile(index, deck.shift() as CaseFileFormat, options, random.fork()));
  }
  return files;
}
