/**
 * Draws a FormSpec as an A4 page the way municipal forms are printed: a centred title over a
 * ruled grid with grey label cells, long-text boxes under their label, and the progress table.
 * Returns the PNG and the ground truth of what was printed where.
 */
import { createCanvas } from "@napi-rs/canvas";
import { paint } from "./draw-ops.ts";
import { type FontStyle, formFonts } from "./fonts.ts";
import type { FormSpec } from "./form-spec.ts";
import type { FormTruth } from "./form-truth.ts";
import { geometryFor } from "./page-geometry.ts";
import { layoutPage } from "./page-layout.ts";
import { collectTruth } from "./page-truth.ts";

export interface RenderOptions {
  dpi: 150 | 200 | 300;
  font: FontStyle;
}

export interface RenderedForm {
  png: Buffer;
  width: number;
  height: number;
  truth: FormTruth;
}

export function renderForm(spec: FormSpec, options: RenderOptions): RenderedForm {
  const geo = geometryFor(options.dpi);
  const fonts = formFonts(options.font);
  const canvas = createCanvas(geo.width, geo.height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, geo.width, geo.height);
  ctx.textBaseline = "alphabetic";
  const ops = layoutPage(ctx, spec, geo, fonts);
  paint(ctx, ops, spec.seed);
  return {
    png: canvas.toBuffer("image/png", { resolution: options.dpi }),
    width: geo.width,
    height: geo.height,
    truth: collectTruth(ctx, spec, { width: geo.width, height: geo.height, dpi: geo.dpi }, ops),
  };
}
