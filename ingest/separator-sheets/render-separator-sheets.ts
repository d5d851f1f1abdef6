import fontkit from "@pdf-lib/fontkit";
import {
  PDFDocument,
  type PDFFont,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setLineWidth,
  setStrokingColor,
  setTextRenderingMode,
  TextRenderingMode,
} from "pdf-lib";
import QRCode from "qrcode";
import type { SeparatorSheet } from "./separator-sheet.ts";
import { SHEET_FRAME, SHEET_PAGE_MM, SHEET_QR } from "./sheet-geometry.ts";
import { encodeSheetPayload } from "./sheet-payload.ts";

const POINTS_PER_MM = 72 / 25.4;
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.3, 0.3, 0.3);
const PAGE = {
  width: SHEET_PAGE_MM.width * POINTS_PER_MM,
  height: SHEET_PAGE_MM.height * POINTS_PER_MM,
};
/** The printable width inside the frame, with a little air. */
const TEXT_LEFT = (SHEET_FRAME.insetMm + SHEET_FRAME.thicknessMm + 8) * POINTS_PER_MM;
const TEXT_WIDTH = PAGE.width - 2 * TEXT_LEFT;

/**
 * Prints separator sheets, one A4 page each: the thick frame and the 「区切り紙」 heading people
 * recognise it by, the QR code the split stage reads, and the same metadata as text, so a
 * person can check a sheet and file it back into its box.
 * @param fontBytes a TrueType font with Japanese glyphs (see loadSheetFont)
 */
export async function renderSeparatorSheets(
  sheets: readonly SeparatorSheet[],
  fontBytes: Uint8Array,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle("区切り紙（紙録）");
  pdf.setCreator("Kamiroku");
  const font = await pdf.embedFont(fontBytes, { subset: true });
  for (const sheet of sheets) drawSheet(pdf.addPage([PAGE.width, PAGE.height]), sheet, font);
  return pdf.save();
}

function drawSheet(page: PDFPage, sheet: SeparatorSheet, font: PDFFont): void {
  drawFrame(page);
  const top = (mm: number) => PAGE.height - mm * POINTS_PER_MM;
  drawBoldCentred(page, "区切り紙", { font, size: 60, y: top(45) });
  drawCentred(page, "この紙から次の区切り紙の手前までが、1つのケースファイルです。", {
    font,
    size: 11,
    y: top(54),
    colour: GREY,
  });
  drawQrCode(page, encodeSheetPayload(sheet), top(SHEET_QR.topMm));

  const lines: [string, string][] = [
    ["バッチ", sheet.batch],
    ["相談支援機関", sheet.agency],
    ["箱番号", sheet.box ?? "（指定なし）"],
    ["ケース番号", sheet.caseNumber ?? "（指定なし）"],
    ["通番", String(sheet.serial)],
  ];
  const labelWidth = 34 * POINTS_PER_MM;
  let y = top(SHEET_QR.topMm + SHEET_QR.sizeMm + 16);
  for (const [label, value] of lines) {
    page.drawText(label, { x: TEXT_LEFT, y, size: 13, font, color: GREY });
    const size = fittingSize(font, value, TEXT_WIDTH - labelWidth, 18);
    page.drawText(value, { x: TEXT_LEFT + labelWidth, y, size, font, color: BLACK });
    y -= 11 * POINTS_PER_MM;
  }
  drawCentred(
    page,
    "紙録が読み取り時に取り除きます。抜き取らずに、書類と一緒にスキャンしてください。",
    {
      font,
      size: 9,
      y: top(SHEET_PAGE_MM.height - SHEET_FRAME.insetMm - SHEET_FRAME.thicknessMm - 7),
      colour: GREY,
    },
  );
}

/** Four filled bands rather than a stroked rectangle: corners are square and exactly as thick. */
function drawFrame(page: PDFPage): void {
  const inset = SHEET_FRAME.insetMm * POINTS_PER_MM;
  const thickness = SHEET_FRAME.thicknessMm * POINTS_PER_MM;
  const width = PAGE.width - 2 * inset;
  const height = PAGE.height - 2 * inset;
  const band = (x: number, y: number, w: number, h: number) =>
    page.drawRectangle({ x, y, width: w, height: h, color: BLACK });
  band(inset, inset, width, thickness);
  band(inset, PAGE.height - inset - thickness, width, thickness);
  band(inset, inset, thickness, height);
  band(PAGE.width - inset - thickness, inset, thickness, height);
}

/**
 * The payload as a single byte segment in UTF-8: the QR library would otherwise cut it into
 * numeric and alphanumeric runs, which every reader handles but which saves nothing here.
 */
function drawQrCode(page: PDFPage, payload: string, top: number): void {
  const { modules } = QRCode.create([{ data: Buffer.from(payload, "utf8"), mode: "byte" }], {
    errorCorrectionLevel: SHEET_QR.errorCorrection,
  });
  const module = (SHEET_QR.sizeMm * POINTS_PER_MM) / modules.size;
  const left = (PAGE.width - SHEET_QR.sizeMm * POINTS_PER_MM) / 2;
  for (let row = 0; row < modules.size; row++) {
    // One rectangle per run of dark modules: fewer operators, and no hairline seams in viewers.
    let column = 0;
    while (column < modules.size) {
      if (!modules.get(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < modules.size && modules.get(row, column)) column++;
      page.drawRectangle({
        x: left + start * module,
        y: top - (row + 1) * module,
        width: (column - start) * module,
        height: module,
        color: BLACK,
      });
    }
  }
}

interface TextStyle {
  font: PDFFont;
  size: number;
  y: number;
  colour?: ReturnType<typeof rgb>;
}

function drawCentred(page: PDFPage, text: string, { font, size, y, colour = BLACK }: TextStyle) {
  const fitted = fittingSize(font, text, TEXT_WIDTH, size);
  const x = (PAGE.width - font.widthOfTextAtSize(text, fitted)) / 2;
  page.drawText(text, { x, y, size: fitted, font, color: colour });
}

/** IPAexGothic has no bold face: the heading's glyphs are filled and outlined with a thick pen. */
function drawBoldCentred(page: PDFPage, text: string, { font, size, y }: TextStyle) {
  const x = (PAGE.width - font.widthOfTextAtSize(text, size)) / 2;
  page.pushOperators(
    pushGraphicsState(),
    setTextRenderingMode(TextRenderingMode.FillAndOutline),
    setLineWidth(size / 40),
    setStrokingColor(BLACK),
  );
  page.drawText(text, { x, y, size, font, color: BLACK });
  page.pushOperators(popGraphicsState());
}

/** The largest size up to `size` at which `text` fits `width`; long names shrink, never overflow. */
function fittingSize(font: PDFFont, text: string, width: number, size: number): number {
  const natural = font.widthOfTextAtSize(text, size);
  return natural <= width ? size : Math.max(6, (size * width) / natural);
}
