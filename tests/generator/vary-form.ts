/**
 * What varies between municipalities and writers beyond the wording: the sheet's layout, values
 * written in by hand, and the 個人番号 row some old intake sheets still ask for. Applied to a
 * built FormSpec with its own random stream, so that forms built without it stay as they were.
 */
import type { HandFont } from "./fonts.ts";
import type { FormField, FormLayout, FormRow, FormSpec } from "./form-spec.ts";
import { fakeIndividualNumber, writeIndividualNumber } from "./individual-number.ts";
import type { Random } from "./random.ts";

export const FORM_LAYOUTS: readonly FormLayout[] = ["ruled-grid", "label-colon", "label-above-box"];

export interface FormVariation {
  /** Layouts to choose from, one per form. Default: all three. */
  layouts?: readonly FormLayout[];
  /** Share of text values written in by hand (in one hand per form). Default 0. */
  handwrittenValues?: number;
  /** Share of intake forms with a 個人番号 row. Default 0. */
  individualNumbers?: number;
}

const HANDS: readonly HandFont[] = ["seto", "kiloji"];

export function varyFormSpec(spec: FormSpec, random: Random, variation: FormVariation): FormSpec {
  const layout = random.pick(variation.layouts ?? FORM_LAYOUTS);
  const hand = random.pick(HANDS);
  const share = variation.handwrittenValues ?? 0;
  // Pre-printed words to circle (an era row) are not written by hand, and options are printed.
  const byHand = (field: FormField): FormField =>
    field.content.kind === "text" && !field.content.circled?.length && random.chance(share)
      ? { ...field, handwritten: true }
      : field;
  let rows: FormRow[] = spec.rows.map((row) => {
    if (row.kind === "cells") return { ...row, fields: row.fields.map(byHand) };
    if (row.kind === "block") return { ...row, field: byHand(row.field) };
    return row;
  });
  if (spec.docType === "intake" && random.chance(variation.individualNumbers ?? 0)) {
    rows = withIndividualNumber(rows, random, random.chance(share));
  }
  return {
    ...spec,
    ...(spec.dateLine ? { dateLine: byHand(spec.dateLine) } : {}),
    rows,
    layout,
    hand,
  };
}

/** The 個人番号 row goes under the client's name and birth date, where such sheets print it. */
function withIndividualNumber(rows: FormRow[], random: Random, handwritten: boolean): FormRow[] {
  const digits = fakeIndividualNumber(random);
  const row: FormRow = {
    kind: "individual-number",
    label: "個人番号",
    printed: writeIndividualNumber(digits, random),
    digits,
    ...(handwritten ? { handwritten } : {}),
  };
  const holdsIdentity = (candidate: FormRow) =>
    candidate.kind === "cells" &&
    candidate.fields.some((field) => field.key === "client_name" || field.key === "birth_date");
  const after = rows.length - 1 - [...rows].reverse().findIndex(holdsIdentity);
  return [...rows.slice(0, after + 1), row, ...rows.slice(after + 1)];
}
