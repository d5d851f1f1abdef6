/**
 * Separator sheets as they come back from a scanner: printed by Kamiroku's own generator,
 * rendered at a scanner's resolution, optionally damaged on paper, then fed through the sample
 * generator's scan effects (skew, half turn, paper tone, noise, blur, JPEG).
 */
import sharp, { type OverlayOptions } from "sharp";
import { renderSeparatorSheets } from "../../ingest/separator-sheets/render-separator-sheets.ts";
import type { SeparatorSheet } from "../../ingest/separator-sheets/separator-sheet.ts";
import { loadSheetFont } from "../../ingest/separator-sheets/sheet-font.ts";
import { SHEET_FRAME, SHEET_QR } from "../../ingest/separator-sheets/sheet-geometry.ts";
import { openPdfRenderer } from "../../workers/split/render-pdf-page.ts";
import type { ScannedPage } from "../generator/containers.ts";
import { applyScanEffects } from "../generator/scan-effects.ts";

export function printSheets(sheets: readonly SeparatorSheet[]): Promise<Uint8Array> {
  return loadSheetFont().then((font) => renderSeparatorSheets(sheets, font));
}

/**
 * What happened to the printed sheet before it was scanned. "blotted": correction fluid over
 * the middle of the QR code; "inked": spilt ink over it (a light stain still reads); "frameless": the code blotted
 * and the frame cut off on two sides, so only the code's corner patterns are left to see.
 */
export type SheetDamage = "blotted" | "inked" | "frameless";

export interface SheetScan {
  dpi: 150 | 200 | 300;
  seed: number;
  skewDegrees?: number;
  rotate?: 0 | 180;
  /** JPEG quality; PNG when absent. */
  jpegQuality?: number;
  noise?: number;
  damage?: SheetDamage;
}

export async function scanSheet(
  pdf: Uint8Array,
  pageNumber: number,
  scan: SheetScan,
): Promise<ScannedPage> {
  const renderer = await openPdfRenderer(pdf, { maxPixels: 200_000_000 });
  let png: Buffer;
  try {
    ({ data: png } = await renderer.render(pageNumber, scan.dpi));
  } finally {
    await renderer.close();
  }
  if (scan.damage) png = await damage(png, scan.dpi, scan.damage);
  const scanned = await applyScanEffects(png, {
    seed: scan.seed,
    dpi: scan.dpi,
    skewDegrees: scan.skewDegrees ?? 0,
    rotate: scan.rotate ?? 0,
    noise: scan.noise ?? 3,
    paperTone: 0.3,
    blur: 0.5,
    ...(scan.jpegQuality === undefined ? {} : { jpegQuality: scan.jpegQuality }),
  });
  return { ...scanned, dpi: scan.dpi };
}

async function damage(png: Buffer, dpi: number, kind: SheetDamage): Promise<Buffer> {
  const px = (mm: number) => Math.round((mm * dpi) / 25.4);
  const { width, height } = await sharp(png).metadata();
  const qrLeft = (210 - SHEET_QR.sizeMm) / 2;
  // The middle 60% of the code: its data, not its three corner patterns.
  const middle = {
    left: px(qrLeft + SHEET_QR.sizeMm * 0.2),
    top: px(SHEET_QR.topMm + SHEET_QR.sizeMm * 0.2),
    width: px(SHEET_QR.sizeMm * 0.6),
    height: px(SHEET_QR.sizeMm * 0.6),
  };
  const patches: OverlayOptions[] = [blot(middle, kind === "inked" ? "#3a2a1a" : "#ffffff", 1)];
  if (kind === "frameless") {
    // Trimmed by a guillotine cutter along the top and the left, frame and all.
    const cut = px(SHEET_FRAME.insetMm + SHEET_FRAME.thicknessMm + 1);
    patches.push({ input: white(width, cut), left: 0, top: 0 });
    patches.push({ input: white(cut, height), left: 0, top: 0 });
  }
  return sharp(png).composite(patches).png().toBuffer();
}

function blot(
  box: { left: number; top: number; width: number; height: number },
  colour: string,
  opacity: number,
): OverlayOptions {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${box.width}" height="${box.height}">
    <ellipse cx="${box.width / 2}" cy="${box.height / 2}" rx="${box.width / 2}" ry="${box.height / 2}"
      fill="${colour}" fill-opacity="${opacity}"/></svg>`;
  return { input: Buffer.from(svg), left: box.left, top: box.top };
}

function white(width: number, height: number): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#ffffff"/></svg>`,
  );
}
