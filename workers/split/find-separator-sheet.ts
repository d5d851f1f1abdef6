import type { SeparatorSheet } from "../../ingest/separator-sheets/separator-sheet.ts";
import { SHEET_PAGE_MM } from "../../ingest/separator-sheets/sheet-geometry.ts";
import { decodeSheetPayload } from "../../ingest/separator-sheets/sheet-payload.ts";
import { cropGrey, type GreyImage, greyImage, inkThreshold } from "./grey-image.ts";
import { type FinderPattern, findFinderPatterns } from "./qr-finder-patterns.ts";
import { readQrCode } from "./read-qr-code.ts";
import { countFrameSides } from "./separator-frame.ts";

export type SheetFinding =
  | { kind: "none" }
  | { kind: "sheet"; sheet: SeparatorSheet }
  /**
   * It looks like a separator sheet (its frame, or a QR code of a sheet's size) but what it says
   * cannot be known: taking it for an ordinary page could merge two case files.
   */
  | { kind: "unreadable"; cause: "damaged" | "unsupported_version" };

/**
 * Every page is looked at small: shrunk while decoding to a short side of 600–1200 pixels
 * (75–150 dpi on A4), where a sheet's QR module is still at least 4 pixels, and a page with no
 * QR code costs a few milliseconds beyond the decoding.
 */
const LOOK_SHORT_SIDE = 600;
/** A second, sharper look only for a page that looks like a sheet whose code did not read. */
const RETRY_SHORT_SIDE = 1200;
/** Around the finder patterns found, room for the rest of the code and its quiet zone. */
const CODE_MARGIN_MODULES = 12;
/** The smallest and largest module of a sheet's QR code, in mm, with room for print and scan. */
const MODULE_MM = { min: 1.1, max: 6 };
const FRAME_SIDES_OF_A_SHEET = 3;

/** Tells whether a page image is a Kamiroku separator sheet and, if so, what it says. */
export async function findSeparatorSheet(page: {
  data: Buffer;
  width: number;
  height: number;
}): Promise<SheetFinding> {
  const grey = await greyImage(page, LOOK_SHORT_SIDE);
  // The page's physical size is unknown (many scans carry no resolution): assume A4, as sheets
  // are printed; a sheet scanned as letter or B4 is within the tolerances below.
  const pixelsPerMm = Math.min(grey.width, grey.height) / SHEET_PAGE_MM.width;
  const threshold = inkThreshold(grey);
  const finders = findFinderPatterns(grey, threshold, {
    minModule: MODULE_MM.min * pixelsPerMm,
    maxModule: MODULE_MM.max * pixelsPerMm,
  });
  const framed = countFrameSides(grey, threshold, pixelsPerMm) >= FRAME_SIDES_OF_A_SHEET;
  if (finders.length === 0 && !framed) return { kind: "none" };

  const looksLikeSheet = framed || hasQrCodeGeometry(finders);
  let content = finders.length > 0 ? readQrCode(aroundFinders(grey, finders)) : null;
  if (content === null) content = readQrCode(grey);
  if (content === null && looksLikeSheet) content = await readSharper(page, grey);
  if (content === null || content === "undecodable") {
    return looksLikeSheet ? { kind: "unreadable", cause: "damaged" } : { kind: "none" };
  }
  const decoded = decodeSheetPayload(content);
  switch (decoded.kind) {
    case "sheet":
      return decoded;
    case "foreign":
      // A form may carry a QR code of its own; inside a sheet's frame, though, it is a mistake.
      return framed ? { kind: "unreadable", cause: "damaged" } : { kind: "none" };
    case "unsupported":
      return { kind: "unreadable", cause: "unsupported_version" };
    case "corrupt":
      return { kind: "unreadable", cause: "damaged" };
  }
}

async function readSharper(
  page: { data: Buffer; width: number; height: number },
  seen: GreyImage,
): Promise<string | null> {
  if (Math.min(page.width, page.height) <= Math.min(seen.width, seen.height)) return null;
  return readQrCode(await greyImage(page, RETRY_SHORT_SIDE));
}

/**
 * The code's neighbourhood: jsQR tries every 1:1:3:1:1 run it sees as a finder pattern, and a
 * large code is full of them, so reading only this part is several times faster.
 */
function aroundFinders(grey: GreyImage, finders: readonly FinderPattern[]): GreyImage {
  const margin = CODE_MARGIN_MODULES * Math.max(...finders.map((finder) => finder.module));
  return cropGrey(grey, {
    left: Math.min(...finders.map((finder) => finder.x)) - margin,
    top: Math.min(...finders.map((finder) => finder.y)) - margin,
    right: Math.max(...finders.map((finder) => finder.x)) + margin,
    bottom: Math.max(...finders.map((finder) => finder.y)) + margin,
  });
}

/**
 * At least two finder patterns of one QR code: alike in module size and as far apart as the
 * corners of a code of version 1–15 (14–66 modules, more on the diagonal).
 */
function hasQrCodeGeometry(finders: readonly FinderPattern[]): boolean {
  return finders.some((a, i) =>
    finders.slice(i + 1).some((b) => {
      const module = (a.module + b.module) / 2;
      if (Math.abs(a.module - b.module) > module * 0.35) return false;
      const apart = Math.hypot(a.x - b.x, a.y - b.y) / module;
      return apart >= 12 && apart <= 66 * Math.SQRT2 + 4;
    }),
  );
}
