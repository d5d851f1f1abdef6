import { asKatakana } from "./normalise/as-katakana.ts";
import type { Glyph, Token } from "./page-text.ts";

/** A reading with a character OCR read too many (here, twice over one character's ink) left out. */
export interface CharacterDropped {
  lines: Token[][];
  /** The character left out. */
  char: string;
}

/** Small katakana, each followed by its full-size form in the code chart. */
const SMALL_KATAKANA = /[ァィゥェォッャュョヮ]/gu;

/** The character as compared for a repeat: one kana in either script and either size. */
function kanaFolded(char: string): string {
  return asKatakana(char).replace(SMALL_KATAKANA, (kana) =>
    String.fromCodePoint((kana.codePointAt(0) ?? 0) + 1),
  );
}

/** Kanji and kana: full-width, one em to a character. Not 々 or ー, which stand for a repeat. */
const FULL_WIDTH_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const REPEAT_MARKS = /[々ヽヾゝゞー]/u;

/**
 * OCR now and then reads a character of a name twice (井上上康弘 for 井上康弘), then shifts the
 * boxes of the characters after it, so that its last word is boxed one character short. The
 * words' boxes still cover the name's ink, and printed kanji and kana stand one em apiece: when
 * they hold one character fewer than OCR read, and OCR read exactly one character twice in a
 * row, the second reading of it is the one too many. Names that do repeat a character (ススム)
 * have the ink for both. Kana read twice may be read once in each script (ナベべ), or once
 * small (サトウゥ).
 */
export function withoutCharacterReadTwice(
  lines: readonly Token[][],
  em: number,
): CharacterDropped | undefined {
  const glyphs = lines.flat().flatMap((token) => token.glyphs);
  const repeats = glyphs.flatMap((glyph, index) => {
    const next = glyphs[index + 1];
    return next &&
      kanaFolded(next.char) === kanaFolded(glyph.char) &&
      FULL_WIDTH_LETTER.test(glyph.char) &&
      !REPEAT_MARKS.test(glyph.char)
      ? [next]
      : [];
  });
  const [extra] = repeats;
  if (!extra || repeats.length > 1 || em <= 0) return undefined;
  if (inkCells(lines, em) !== glyphs.length - 1) return undefined;
  return { lines: withoutGlyph(lines, extra), char: extra.char };
}

/** How many full-width characters the words' boxes hold, at one em apiece. */
export function inkCells(lines: readonly Token[][], em: number): number {
  return Math.round(lines.flat().reduce((sum, token) => sum + token.bbox[2], 0) / em);
}

export function withoutGlyph(lines: readonly Token[][], glyph: Glyph): Token[][] {
  return lines.map((line) =>
    line
      .map((token) => ({ ...token, glyphs: token.glyphs.filter((each) => each !== glyph) }))
      .filter((token) => token.glyphs.length > 0),
  );
}
