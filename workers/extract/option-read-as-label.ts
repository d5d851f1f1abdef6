import type { FieldDefinition } from "../../config/forms/form-definitions.ts";
import { bottom, right } from "./boxes.ts";
import type { LabelHit } from "./find-labels.ts";
import { labelKey } from "./label-text.ts";
import type { Glyph, TextLine } from "./page-text.ts";

/** OCR's reading of a hand-drawn loop's left and right arcs. */
const OPENING = /^[(（〔［[{｛<＜「『]$/u;
const CLOSING = /^[)）〕］\]}｝>＞」』]$/u;
/** The printed label stands at most this many lines above its options. */
const LABEL_ABOVE_LINES = 3;

/**
 * Drops the label hits that are really one of the field's own options. A choice field may
 * print an option word that is its label too (終結: (終結) 継続): the option, found as the
 * label, takes the option's characters away from the value, and the circle round it is never
 * read. Such a hit is an option when OCR read the loop round it as brackets, or when the
 * field's label already stands before it, on its line or a few lines above.
 */
export function withoutOptionsReadAsLabels(
  hits: readonly LabelHit[],
  fields: readonly FieldDefinition[],
): LabelHit[] {
  const optionWords = new Map(
    fields
      .filter((field) => field.options)
      .map((field) => [
        field.key,
        new Set(field.options?.flatMap((option) => option.words.map(labelKey))),
      ]),
  );
  return hits.filter((hit) => {
    if (!optionWords.get(hit.key)?.has(labelKey(hit.variant))) return true;
    return !(inBrackets(hit) || hits.some((other) => other !== hit && labelledBefore(other, hit)));
  });
}

function inBrackets(hit: LabelHit): boolean {
  const [line] = hit.lines;
  if (!line || hit.lines.length > 1) return false;
  const glyphs = line.tokens.flatMap((token) => token.glyphs);
  const indices = glyphs.flatMap((glyph, index) => (hit.glyphIds.has(glyph.id) ? [index] : []));
  const first = indices[0] ?? -1;
  const last = indices.at(-1) ?? -1;
  // Labels are matched on whole tokens with punctuation ignored: the brackets may be the hit's.
  return (
    [first - 1, first].some((index) => OPENING.test(charAt(glyphs, index))) ||
    [last, last + 1].some((index) => CLOSING.test(charAt(glyphs, index)))
  );
}

function charAt(glyphs: readonly Glyph[], index: number): string {
  return glyphs[index]?.char ?? "";
}

/** `label`, of the same field, stands before `option`: left of it on its line, or above it. */
function labelledBefore(label: LabelHit, option: LabelHit): boolean {
  if (label.key !== option.key) return false;
  const em = (option.lines[0] as TextLine | undefined)?.em ?? option.bbox[3];
  const sameLine =
    Math.abs(label.bbox[1] - option.bbox[1]) < em / 2 && right(label.bbox) <= option.bbox[0];
  const above =
    bottom(label.bbox) <= option.bbox[1] &&
    option.bbox[1] - bottom(label.bbox) < LABEL_ABOVE_LINES * 1.5 * em &&
    label.bbox[0] <= right(option.bbox);
  return sameLine || above;
}
