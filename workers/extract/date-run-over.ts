import type { TableColumnDefinition } from "../../config/forms/form-definitions.ts";
import { unionBoxes } from "./boxes.ts";
import type { Glyph, Token } from "./page-text.ts";

/** A date cut short at a separator: its day (or month) stands past the column's rule. */
const CUT_SHORT = /[/.年月]$/u;
const DIGIT = /^[0-9０-９]$/u;
/** A day or a month has at most two digits. */
const MAX_DIGITS = 2;

/**
 * A date wider than its column runs over the rule into the next one (2022/3/ | 25 来所): the
 * digits the next column starts with are the date's, when the date's own cell ends at a
 * separator. Cells are given line by line, column by column, as the table's row holds them,
 * and changed in place; the keys of the dates so completed are returned.
 */
export function withDateRunOver(
  columns: readonly TableColumnDefinition[],
  cells: Map<string, Token[][]>,
): string[] {
  const completed: string[] = [];
  columns.forEach((column, index) => {
    const next = columns[index + 1];
    if (column.type !== "date" || !next) return;
    const date = cells.get(column.key) ?? [];
    const lastLine = date.at(-1);
    const text = (lastLine ?? []).flatMap((token) => token.glyphs.map((g) => g.char)).join("");
    if (!lastLine || !CUT_SHORT.test(text)) return;
    const [firstLine, ...otherLines] = cells.get(next.key) ?? [];
    if (!firstLine) return;
    const { taken, left } = leadingDigits(firstLine);
    if (taken.length === 0) return;
    cells.set(column.key, [...date.slice(0, -1), [...lastLine, tokenOf(taken)]]);
    cells.set(next.key, left.length > 0 ? [left, ...otherLines] : otherLines);
    completed.push(column.key);
  });
  return completed;
}

/** Up to two digits the line starts with, spaces between them allowed, and what is left. */
function leadingDigits(line: readonly Token[]): { taken: Glyph[]; left: Token[] } {
  const taken: Glyph[] = [];
  const left: Token[] = [];
  for (const token of line) {
    if (left.length > 0) {
      left.push(token);
      continue;
    }
    const digits: Glyph[] = [];
    for (const glyph of token.glyphs) {
      if (taken.length + digits.length >= MAX_DIGITS || !DIGIT.test(glyph.char)) break;
      digits.push(glyph);
    }
    taken.push(...digits);
    const rest = token.glyphs.slice(digits.length);
    if (rest.length > 0) left.push(tokenOf(rest, token.colonAfter));
  }
  return { taken, left };
}

function tokenOf(glyphs: Glyph[], colonAfter = false): Token {
  return {
    glyphs,
    bbox: unionBoxes(glyphs.map((glyph) => glyph.bbox)) as Token["bbox"],
    colonAfter,
  };
}
