import { existsSync } from "node:fs";
import { createCanvas, GlobalFonts } from "@napi-rs/canvas";

const FONT_PATH = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
const FONT_FAMILY = "Noto Sans CJK JP";
const A4_MM = { width: 210, height: 297 };
const MM_PER_INCH = 25.4;
const LINE_PITCH_EM = 2.2;

export class MissingCjkFontError extends Error {
  override name = "MissingCjkFontError";
}

/** One printed line; its segments are set apart by a wide gap, like a form label and its value. */
export type FormLine = string[];

export interface RenderFormOptions {
  lines: FormLine[];
  dpi?: number;
  pointSize?: number;
  /** Gap between segments, in em. */
  segmentGapEm?: number;
  /** Page height in mm; A4 by default. Shorter pages keep unit tests fast. */
  heightMm?: number;
}

export interface DrawnSegment {
  text: string;
  /** Ink box [x, y, w, h] as the font reports it. */
  bbox: [number, number, number, number];
}

export interface RenderedForm {
  png: Buffer;
  width: number;
  height: number;
  segments: DrawnSegment[];
}

let fontRegistered = false;

function registerFont(): void {
  if (fontRegistered) return;
  if (!existsSync(FONT_PATH) || !GlobalFonts.registerFromPath(FONT_PATH, FONT_FAMILY)) {
    throw new MissingCjkFontError(
      `${FONT_PATH} not found: install the Debian package fonts-noto-cjk to render test pages`,
    );
  }
  fontRegistered = true;
}

/** Form text as a 200 dpi office scan of an 11 pt print looks: off-white paper, grey ink. */
export function renderForm(options: RenderFormOptions): RenderedForm {
  registerFont();
  const dpi = options.dpi ?? 200;
  const pointSize = options.pointSize ?? 11;
  const gapEm = options.segmentGapEm ?? 1.5;
  const pxPerMm = dpi / MM_PER_INCH;
  const width = Math.round(A4_MM.width * pxPerMm);
  const height = Math.round((options.heightMm ?? A4_MM.height) * pxPerMm);
  const fontPx = (pointSize / 72) * dpi;
  const margin = Math.round(20 * pxPerMm);

  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ece8df";
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = "#3a3a3a";
  ctx.font = `${fontPx}px "${FONT_FAMILY}"`;
  ctx.textBaseline = "alphabetic";

  const segments: DrawnSegment[] = [];
  let baseline = margin + fontPx;
  for (const line of options.lines) {
    let x = margin;
    for (const text of line) {
      const m = ctx.measureText(text);
      ctx.fillText(text, x, baseline);
      const left = x - m.actualBoundingBoxLeft;
      const top = baseline - m.actualBoundingBoxAscent;
      segments.push({
        text,
        bbox: [
          left,
          top,
          m.actualBoundingBoxLeft + m.actualBoundingBoxRight,
          m.actualBoundingBoxAscent + m.actualBoundingBoxDescent,
        ],
      });
      x += m.width + gapEm * fontPx;
    }
    baseline += LINE_PITCH_EM * fontPx;
  }
  return { png: canvas.toBuffer("image/png"), width, height, segments };
}
