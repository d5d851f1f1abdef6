import type { FieldDefinition } from "../../config/forms/form-definitions.ts";
import type { AnalysedPage } from "./analyse-page.ts";
import { unionBoxes } from "./boxes.ts";
import { locateOptions } from "./locate-options.ts";
import type { Token } from "./page-text.ts";
import type { ValueText } from "./value-region.ts";

/**
 * Options found together that identify a choice field without its label: three of them, or
 * both of a two-option field when its words are long enough not to turn up by chance
 * (同意する / 同意しない, unlike 有 / 無 or 男 / 女 inside 長男・長女).
 */
const MIN_OPTIONS = 3;
const MIN_WORD_LENGTH_FOR_TWO = 3;

/**
 * A choice field whose label OCR lost is still recognisable by its printed options: a line
 * holding several of them exactly (and, for 課題, the line its options wrapped onto).
 */
export function findOptionsRow(field: FieldDefinition, page: AnalysedPage): ValueText | null {
  const options = field.options ?? [];
  const needed =
    options.length === 2 &&
    options.every((option) => option.words.every((word) => word.length >= MIN_WORD_LENGTH_FOR_TWO))
      ? 2
      : MIN_OPTIONS;
  const lines = page.text.lines.map((line) =>
    line.tokens.filter((token) => !token.glyphs.some((glyph) => page.claimed.has(glyph.id))),
  );
  const exact = (tokens: Token[][]) =>
    locateOptions(tokens, options).filter((located) => located.edits === 0).length;
  for (const [index, tokens] of lines.entries()) {
    if (exact([tokens]) < needed) continue;
    const next = lines[index + 1];
    const rows =
      field.type === "multichoice" && next && exact([next]) > 0 ? [tokens, next] : [tokens];
    return {
      lines: rows,
      bbox: unionBoxes(rows.flat().map((token) => token.bbox)),
      em: page.text.lines[index]?.em ?? 1,
    };
  }
  return null;
}
