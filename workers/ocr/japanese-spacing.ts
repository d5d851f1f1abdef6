import type { OcrWord } from "./ocr-result.ts";

/**
 * Japanese characters: kanji, kana (with ー and ・, which Unicode files under "Common"), CJK
 * punctuation, full-width and half-width forms. U+3000 (ideographic space) is left out on purpose.
 */
const CJK_CLASS =
  "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3001-\\u303F\\u30FB\\u30FC\\uFF01-\\uFFEF";
const CJK = new RegExp(`[${CJK_CLASS}]`, "u");
/**
 * Punctuation whose ink sits in part of its em box, so the paper shows a gap beside it: 、。「」（）・
 * and the ASCII forms tesseract often returns for the full-width ones.
 */
const OFF_CENTRE_PUNCTUATION =
  /[\u3001-\u3003\u3008-\u3011\u3014-\u301F\u30FB\uFF08\uFF09\uFF0C\uFF0E\uFF3B\uFF3D\uFF5B\uFF5D()[\]{},.]/u;
const SPACE_TOUCHING_CJK = new RegExp(
  `(?<=[${CJK_CLASS}])[ \\t\\u3000]+|[ \\t\\u3000]+(?=[${CJK_CLASS}])`,
  "gu",
);

/** A gap this many times the line's median character height is a space on the paper. */
const WIDE_GAP_RATIO = 0.6;
/** Extra allowance next to that punctuation, in character heights. */
const PUNCTUATION_SLACK_RATIO = 0.5;

/**
 * Plain-text fallback when no boxes are known: tesseract separates every word it finds with a
 * space, and written Japanese has none, so any space touching a Japanese character goes.
 * Spaces between Latin words and digits stay ("TEL 043").
 */
export function removeJapaneseSpacing(text: string): string {
  return text.replace(SPACE_TOUCHING_CJK, "");
}

/**
 * Joins one line's words (in reading order). A gap wider than ~0.6 character heights becomes a
 * single space whatever the script, so 「山田　花子」 printed with a gap keeps it; narrower gaps
 * are tesseract's own word splits and are dropped when either side is Japanese. The boxes must
 * be fitted to the ink (alignWordsToInk): tesseract's own drift by up to a glyph.
 */
export function joinLineWords(words: readonly OcrWord[]): string {
  const first = words[0];
  if (!first) return "";
  const charHeight = lineCharHeight(words);
  let text = first.text;
  let previous = first;
  for (const word of words.slice(1)) {
    const space = isWideGap(previous, word, charHeight) || (!endsCjk(previous) && !startsCjk(word));
    text += space ? ` ${word.text}` : word.text;
    previous = word;
  }
  return text;
}

/** Median box height: the size of the line's characters, robust to ー, - and 、. */
function lineCharHeight(words: readonly OcrWord[]): number {
  const sorted = words.map((word) => word.bbox[3]).sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Whether the blank between two boxes is a space on the paper rather than letter spacing. */
function isWideGap(left: OcrWord, right: OcrWord, charHeight: number): boolean {
  const gap = right.bbox[0] - (left.bbox[0] + left.bbox[2]);
  const beside = lastChar(left.text) + firstChar(right.text);
  const slack = OFF_CENTRE_PUNCTUATION.test(beside) ? PUNCTUATION_SLACK_RATIO : 0;
  return gap > (WIDE_GAP_RATIO + slack) * charHeight;
}

function endsCjk(word: OcrWord): boolean {
  return CJK.test(lastChar(word.text));
}

function startsCjk(word: OcrWord): boolean {
  return CJK.test(firstChar(word.text));
}

// By code point: kanji outside the BMP (𠮷) are two UTF-16 units.
function firstChar(text: string): string {
  const code = text.codePointAt(0);
  return code === undefined ? "" : String.fromCodePoint(code);
}

function lastChar(text: string): string {
  return Array.from(text).at(-1) ?? "";
}
