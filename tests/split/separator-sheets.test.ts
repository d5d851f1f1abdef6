import QRCode from "qrcode";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputFileError } from "../../ingest/input-file-error.ts";
import {
  type SeparatorSheet,
  separatorSheet,
} from "../../ingest/separator-sheets/separator-sheet.ts";
import { CaseFileCuts } from "../../workers/split/case-file-cut.ts";
import { findSeparatorSheet } from "../../workers/split/find-separator-sheet.ts";
import { splitFile } from "../../workers/split/split-file.ts";
import { type SplitItem, splitIntoCaseFiles } from "../../workers/split/split-into-case-files.ts";
import { type ScannedPage, toScannedPdf } from "../generator/containers.ts";
import { generateCorpus } from "../generator/corpus.ts";
import { applyScanEffects } from "../generator/scan-effects.ts";
import { makeTempDir, type TempDir } from "./fixtures.ts";
import {
  printSheets,
  type SheetDamage,
  type SheetScan,
  scanSheet,
} from "./separator-sheet-scans.ts";

const SHEETS: SeparatorSheet[] = [
  separatorSheet({
    batch: "2023年度 箱12",
    agency: "さくら市社会福祉協議会",
    box: "12",
    caseNumber: "R5-0101",
    serial: 1,
  }),
  separatorSheet({
    batch: "2023年度 箱12",
    agency: "さくら市社会福祉協議会",
    box: "12",
    caseNumber: "R5-0102",
    serial: 2,
  }),
  separatorSheet({ batch: "2023年度 箱12", agency: "さくら市社会福祉協議会", serial: 3 }),
  // Every field at its longest, in kanji: the densest code a sheet can carry.
  separatorSheet({
    batch: "令和五年度相談記録".repeat(4).slice(0, 30),
    agency: "社会福祉法人さくら会地域包括支援センター".repeat(2).slice(0, 30),
    box: "第十二号書庫箱の三",
    caseNumber: "令和五年度第一二三四五号継続案件の二",
    serial: 9999,
  }),
];

/** The conditions the issue names: skew either way, 150 dpi, upside down, JPEG noise. */
const SCANS: { name: string; scan: SheetScan }[] = [
  {
    name: "150 dpi, 3° clockwise, JPEG 60",
    scan: { dpi: 150, seed: 1, skewDegrees: 3, jpegQuality: 60 },
  },
  {
    name: "150 dpi, upside down and 3° the other way, noisy JPEG 45",
    scan: { dpi: 150, seed: 2, skewDegrees: -3, rotate: 180, jpegQuality: 45, noise: 7 },
  },
  {
    name: "200 dpi, upside down, 2.5°, PNG",
    scan: { dpi: 200, seed: 3, skewDegrees: 2.5, rotate: 180 },
  },
  {
    name: "300 dpi, -1.5°, JPEG 75",
    scan: { dpi: 300, seed: 4, skewDegrees: -1.5, jpegQuality: 75 },
  },
];

const damagedScan = (damage: SheetDamage): SheetScan => ({
  dpi: 150,
  seed: 5,
  skewDegrees: -2,
  jpegQuality: 60,
  damage,
});

let printed: Uint8Array;
let forms: ScannedPage[];
let temp: TempDir;

// Rendering and degrading a sheet takes a second or two; tests that scan the same one share it.
const scans = new Map<string, Promise<ScannedPage>>();
function scan(pageNumber: number, conditions: SheetScan): Promise<ScannedPage> {
  const key = JSON.stringify([pageNumber, conditions]);
  let scanned = scans.get(key);
  if (!scanned) {
    scanned = scanSheet(printed, pageNumber, conditions);
    scans.set(key, scanned);
  }
  return scanned;
}

beforeAll(async () => {
  printed = await printSheets(SHEETS);
  // Office scans of ordinary forms, 200 dpi, to put between the sheets.
  forms = (await generateCorpus({ seed: 61, forms: 6, dpi: 200, scan: "office" })).pages;
  temp = await makeTempDir();
});

afterAll(async () => {
  await temp?.remove();
});

describe("finding a separator sheet on a page", () => {
  for (const [index, sheet] of SHEETS.entries()) {
    const { name, scan: conditions } = SCANS[index % SCANS.length] as (typeof SCANS)[number];
    it(`reads sheet ${index + 1} scanned at ${name}`, async () => {
      const page = await scan(index + 1, conditions);
      expect(await findSeparatorSheet(page)).toEqual({ kind: "sheet", sheet });
    });
  }

  it("reads the densest sheet in each low-resolution condition", async () => {
    for (const { name, scan: conditions } of SCANS.filter(({ scan }) => scan.dpi < 300)) {
      const page = await scan(4, { ...conditions, seed: conditions.seed + 10 });
      expect(await findSeparatorSheet(page), name).toEqual({ kind: "sheet", sheet: SHEETS[3] });
    }
  });

  it("says a sheet it sees but cannot read is unreadable, whether by its frame or its code's corners", async () => {
    for (const damage of ["blotted", "inked", "frameless"] as const) {
      const page = await scan(1, { ...damagedScan(damage), rotate: damage === "inked" ? 180 : 0 });
      expect(await findSeparatorSheet(page), damage).toEqual({
        kind: "unreadable",
        cause: "damaged",
      });
    }
  });

  // The time the look takes is part of the pages per minute `npm run bench` measures, not
  // asserted here: a timed test fails on a loaded machine for no fault of the code.
  it("takes no form page for a sheet", async () => {
    const worn = (await generateCorpus({ seed: 62, forms: 3, dpi: 300, scan: "worn" })).pages;
    for (const page of [...forms, ...worn]) {
      expect(await findSeparatorSheet(page)).toEqual({ kind: "none" });
    }
  });

  it("ignores the QR codes other systems print on forms, small or large", async () => {
    const [clean] = (await generateCorpus({ seed: 63, forms: 1, dpi: 200, scan: "clean" })).pages;
    if (!clean) throw new Error("no form rendered");
    for (const sizeMm of [25, 60]) {
      const size = Math.round((sizeMm * 200) / 25.4);
      const code = await QRCode.toBuffer("https://example.jp/kintone/record/48213", {
        type: "png",
        margin: 4,
        width: size,
      });
      const withCode = await sharp(clean.data)
        .composite([{ input: code, left: clean.width - size - 80, top: 80 }])
        .png()
        .toBuffer();
      const scanned = await applyScanEffects(withCode, { seed: sizeMm, jpegQuality: 70 });
      expect(await findSeparatorSheet(scanned), `${sizeMm} mm`).toEqual({ kind: "none" });
    }
  });
});

describe("cutting a scanned batch file into case files", () => {
  async function split(pages: ScannedPage[]): Promise<{ items: SplitItem[]; error: unknown }> {
    const path = await temp.write(`batch-${pages.length}.pdf`, await toScannedPdf(pages));
    const items: SplitItem[] = [];
    try {
      const pagesOfFile = splitFile(path, { mediaType: "application/pdf", maxPixels: 1e8 });
      for await (const item of splitIntoCaseFiles(pagesOfFile)) items.push(item);
      return { items, error: null };
    } catch (error) {
      return { items, error };
    }
  }

  it("cuts at each sheet, gives the pages after it the sheet's metadata and drops the sheets", async () => {
    const sheet = (n: number, index: number) => scan(n, SCANS[index]?.scan as SheetScan);
    const [f1, f2, f3, f4, f5, f6] = forms as [ScannedPage, ...ScannedPage[]];
    const pages = [
      f1, // before any sheet: case 0, no metadata
      await sheet(1, 0),
      f2,
      f3,
      await sheet(2, 1),
      f4,
      await sheet(3, 2),
      await sheet(4, 3), // straight after another sheet: a case file with no pages
      f5,
      f6,
    ] as ScannedPage[];
    const { items, error } = await split(pages);
    expect(error).toBeNull();
    const cuts = new CaseFileCuts();
    for (const item of items) cuts.add(item);
    expect(
      cuts.list().map(({ caseIndex, sheet, pages }) => ({
        caseIndex,
        sheetPage: sheet?.pageNumber ?? null,
        caseNumber: sheet?.content.caseNumber ?? null,
        box: sheet?.content.box ?? null,
        pages,
      })),
    ).toEqual([
      { caseIndex: 0, sheetPage: null, caseNumber: null, box: null, pages: [1] },
      { caseIndex: 1, sheetPage: 2, caseNumber: "R5-0101", box: "12", pages: [3, 4] },
      { caseIndex: 2, sheetPage: 5, caseNumber: "R5-0102", box: "12", pages: [6] },
      { caseIndex: 3, sheetPage: 7, caseNumber: null, box: null, pages: [] },
      {
        caseIndex: 4,
        sheetPage: 8,
        caseNumber: SHEETS[3]?.caseNumber,
        box: SHEETS[3]?.box,
        pages: [9, 10],
      },
    ]);
    expect(cuts.list()[1]?.sheet?.content).toEqual(SHEETS[0]);
    // The sheets make no pages: nothing of them reaches OCR.
    const pageItems = items.filter((item) => item.kind === "page");
    expect(pageItems.map((item) => item.page.pageNumber)).toEqual([1, 3, 4, 6, 9, 10]);
  });

  it("stops at a sheet it cannot read with the clerk's reason, never merging the cases around it", async () => {
    const [f1, f2] = forms as [ScannedPage, ScannedPage];
    const damaged = await scan(1, { ...damagedScan("blotted"), rotate: 0 });
    const { items, error } = await split([
      await scan(1, SCANS[0]?.scan as SheetScan),
      f1,
      damaged,
      f2,
    ]);
    expect(error).toBeInstanceOf(InputFileError);
    expect((error as InputFileError).code).toBe("separator_sheet_unreadable");
    expect((error as InputFileError).message).toMatch(
      /^3ページ目は区切り紙のようですが.*スキャンし直して/,
    );
    // Nothing after the damaged sheet was handed on as part of the case before it.
    expect(items.map((item) => [item.kind, item.caseIndex])).toEqual([
      ["sheet", 0],
      ["page", 0],
    ]);
  });
});
