import type { LanguageModel } from "./language-model.ts";
import { splitsAsName } from "./name-in-dictionary.ts";
import type { Token } from "./page-text.ts";
import { type CharacterDropped, inkCells, withoutGlyph } from "./read-twice.ts";

const KANJI = /^[\p{sc=Han}々]+$/u;

/**
 * A name in kanji read with one character more than its ink holds, where leaving exactly one
 * of its characters out makes it a dictionary 姓 and 名 and the reading as it stands is not:
 * tesseract read the full-width space of 池田　節子 as 人 and boxed 人 over 節 and 節子 over 子
 * (typed, on seeds 16, 31 and 34 alike). The ink counts the characters, the dictionary says
 * which one is too many. Names the dictionary does not hold (悠斗) are left as read.
 */
export function withoutExtraNameCharacter(
  lines: readonly Token[][],
  em: number,
  language: LanguageModel,
): CharacterDropped | undefined {
  const glyphs = lines.flat().flatMap((token) => token.glyphs);
  const name = glyphs.map((glyph) => glyph.char).join("");
  if (em <= 0 || !KANJI.test(name) || inkCells(lines, em) !== glyphs.length - 1) return undefined;
  if (splitsAsName(name, language)) return undefined;
  const names = glyphs.filter((extra) =>
    splitsAsName(
      glyphs
        .filter((glyph) => glyph !== extra)
        .map((glyph) => glyph.char)
        .join(""),
      language,
    ),
  );
  const [extra, another] = names;
  if (!extra || another) return undefined;
  return { lines: withoutGlyph(lines, extra), char: extra.char };
}
