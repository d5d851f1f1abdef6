/**
 * The sheets one form takes: one, or two when its long text ran over (or a continuation is
 * asked for) and the rows from a long-text box on move to a second sheet without a title, as a
 * clerk's Word template spills onto the next page.
 */
import type { FormSpec } from "./form-spec.ts";
import { FormOverflowError } from "./page-layout.ts";
import { type RenderedForm, type RenderOptions, renderForm } from "./render-form.ts";

/** The first sheet keeps the header; the second carries the rest and the footnote under it. */
function splitAt(spec: FormSpec, index: number): [FormSpec, FormSpec] {
  const { footnote, formNumber, stamp, dateLine, ...rest } = spec;
  const first: FormSpec = {
    ...rest,
    ...(formNumber ? { formNumber } : {}),
    ...(stamp ? { stamp } : {}),
    ...(dateLine ? { dateLine } : {}),
    rows: spec.rows.slice(0, index),
  };
  const second: FormSpec = {
    ...rest,
    ...(footnote ? { footnote } : {}),
    rows: spec.rows.slice(index),
    continued: true,
  };
  return [first, second];
}

export function renderFormSheets(
  spec: FormSpec,
  options: RenderOptions,
  continuation: boolean,
): RenderedForm[] {
  // Sheets break before a long-text box, never inside one, so every field stays on one page.
  const breaks = spec.rows
    .map((row, index) => (row.kind === "block" && index > 0 ? index : -1))
    .filter((index) => index > 0)
    .reverse();
  if (!continuation) {
    try {
      return [renderForm(spec, options)];
    } catch (error) {
      if (!(error instanceof FormOverflowError)) throw error;
    }
  }
  for (const index of breaks) {
    try {
      return splitAt(spec, index).map((sheet) => renderForm(sheet, options));
    } catch (error) {
      if (!(error instanceof FormOverflowError)) throw error;
    }
  }
  if (continuation) return [renderForm(spec, options)];
  throw new FormOverflowError(`The ${spec.docType} form "${spec.title}" fits on no two sheets`);
}
