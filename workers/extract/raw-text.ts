import type { FieldType } from "../../config/forms/form-definitions.ts";
import { right } from "./boxes.ts";
import { SPACE_EM } from "./name-spacing.ts";
import { type Glyph, type Token, tokenText } from "./page-text.ts";

const JAPANESE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\u30FB\u30FC\uFF01-\uFFEF]/u;

/** Boxes this narrow are OCR's guesses at where a character was, not where its ink is. */
const DEGENERATE_EM = 0.15;

/**
 * A value's text as its normaliser expects it, from the tokens OCR found. A gap on paper means
 * something only in a name (姓 and 名 apart: here from the gaps between OCR's words, when the
 * ink is not there to measure them, see name-spacing.ts); between digits it is OCR spacing out 0 4 3, and
 * between Japanese words it is the extra room around 、 and （）, so there it is dropped. Lines
 * are kept apart for text, whose normaliser joins them.
 */
export function rawText(lines: readonly Token[][], type: FieldType, em: number): string {
  switch (type) {
    case "name":
      return lines.map((line) => spacedByGaps(line, SPACE_EM.name * em, em)).join(" ");
    case "kana":
      return lines.map((line) => spacedByGaps(line, SPACE_EM.kana * em, em)).join(" ");
    case "id":
    case "date":
    case "integer":
    case "postal":
    case "phone":
      return lines.map((line) => line.map(tokenText).join("")).join("");
    default:
      return lines.map((line) => joinWords(line.map(tokenText))).join("\n");
  }
}

/** Characters of a name with a space wherever the ink between two of them is wider than `gap`. */
function spacedByGaps(line: readonly Token[], gap: number, em: number): string {
  let text = "";
  let previous: Glyph | undefined;
  for (const glyph of line.flatMap((token) => token.glyphs)) {
    const measurable =
      previous !== undefined &&
      previous.bbox[2] > DEGENERATE_EM * em &&
      glyph.bbox[2] > DEGENERATE_EM * em;
    if (measurable && glyph.bbox[0] - right((previous as Glyph).bbox) > gap) text += " ";
    text += glyph.char;
    previous = glyph;
  }
  return text;
}

/** Words of one line: together beside Japanese, a space between Latin words and numbers. */
function joinWords(words: readonly string[]): string {
  return words.reduce((joined, word) => {
    if (joined === "") return word;
    const last = Array.from(joined).at(-1) ?? "";
    const first = Array.from(word)[0] ?? "";
    return JAPANESE.test(last) || JAPANESE.test(first) ? joined + word : `${joined} ${word}`;
  }, "");
}
