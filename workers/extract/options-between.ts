import type { ChoiceOptionDefinition } from "../../config/forms/form-definitions.ts";
import type { BBox } from "../ocr/ocr-result.ts";
import { right } from "./boxes.ts";
import type { LocatedOption } from "./locate-options.ts";
import type { Token } from "./page-text.ts";
import { printedWidth } from "./type-metrics.ts";

/**
 * Options OCR could not read at all (a circle drawn through 健康 turns it to noise, or to
 * nothing), placed where the printed order puts them: forms print a row of options in the
 * order the definitions list them, so an option missing between two read on the same line
 * (健康 between 住まい and 障害) stands between them. The stretch between those two is shared
 * out by the options' printed widths, so that the mark in the ink there is read for it.
 * An option missing at either end of a line could belong to this line or the next: it stays
 * unread. Returns the options read and placed, in the definitions' order.
 */
export function withOptionsBetween(
  located: readonly LocatedOption[],
  options: readonly ChoiceOptionDefinition[],
  lines: readonly Token[][],
): LocatedOption[] {
  const indexOf = (option: LocatedOption) => options.indexOf(option.option);
  const read = new Set(located.map((option) => option.option));
  const placed: LocatedOption[] = [];
  for (const [line, tokens] of lines.entries()) {
    const onLine = located
      .filter((option) => option.line === line)
      .sort((a, b) => indexOf(a) - indexOf(b));
    for (let index = 1; index < onLine.length; index++) {
      const before = onLine[index - 1] as LocatedOption;
      const after = onLine[index] as LocatedOption;
      const missing = options
        .slice(indexOf(before) + 1, indexOf(after))
        .filter((option) => !read.has(option));
      if (missing.length === 0 || after.bbox[0] <= right(before.bbox)) continue;
      placed.push(...shareOut(missing, before, after, tokens, line));
    }
  }
  return [...located, ...placed].sort((a, b) => indexOf(a) - indexOf(b));
}

/** The stretch between two read options, shared out by printed width among those between. */
function shareOut(
  missing: readonly ChoiceOptionDefinition[],
  before: LocatedOption,
  after: LocatedOption,
  tokens: readonly Token[],
  line: number,
): LocatedOption[] {
  const left = right(before.bbox);
  const stretch = after.bbox[0] - left;
  const widths = missing.map((option) => printedWidth(option.words[0] ?? ""));
  const total = widths.reduce((sum, width) => sum + width, 0);
  const top = Math.min(before.bbox[1], after.bbox[1]);
  const height = Math.max(before.bbox[3], after.bbox[3]);
  const glyphs = tokens.flatMap((token) => token.glyphs);
  let cursor = left;
  return missing.map((option, index) => {
    const width = (stretch * (widths[index] as number)) / total;
    const bbox: BBox = [Math.round(cursor), top, Math.max(1, Math.round(width)), height];
    cursor += width;
    const inside = glyphs.filter((glyph) => {
      const middle = glyph.bbox[0] + glyph.bbox[2] / 2;
      return middle >= bbox[0] && middle < right(bbox);
    });
    return {
      option,
      word: option.words[0] ?? "",
      glyphs: inside,
      bbox,
      before: null,
      line,
      // Between the two read options in OCR's order too, in the order printed.
      order: before.order + (index + 1) / (missing.length + 1),
      edits: Number.POSITIVE_INFINITY,
      placedByOrder: true,
    } satisfies LocatedOption;
  });
}
