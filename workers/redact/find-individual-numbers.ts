import type { BBox, OcrLine } from "../ocr/ocr-result.ts";
import {
  classifyCharacter,
  individualNumberSpans,
  type NumberSymbol,
} from "./individual-number-spans.ts";

export interface IndividualNumberMatch {
  /** Index of the line in the input. */
  line: number;
  /** Indexes in that line's `words` of the words the number is written across, in order. */
  words: number[];
  /**
   * Where the number starts in the first word and ends (exclusive) in the last, in UTF-16 units:
   * a word may hold other text too (番号:1234).
   */
  startInFirstWord: number;
  endInLastWord: number;
  /** Union of the boxes of `words`. */
  bbox: BBox;
}

/** Where a symbol came from: a character of a word, or the gap between two words (null). */
type Origin = { word: number; start: number; end: number } | null;

export const REDACTED_INDIVIDUAL_NUMBER = "［個人番号削除］";

/**
 * The Individual Numbers in OCR output, line by line. A number written across several words
 * (1234 5678 9018, or one word per box of a form) is found as one. The box is the union of the
 * whole words, never a guess at the digits' part of a word, so that no ink of the number is left
 * uncovered when the page image is redacted.
 */
export function findIndividualNumbers(lines: readonly OcrLine[]): IndividualNumberMatch[] {
  return lines.flatMap((line, lineIndex) => {
    const symbols: NumberSymbol[] = [];
    const origins: Origin[] = [];
    for (const [wordIndex, word] of line.words.entries()) {
      if (wordIndex > 0) {
        symbols.push({ kind: "separator" });
        origins.push(null);
      }
      for (const { char, start } of characters(word.text)) {
        symbols.push(classifyCharacter(char));
        origins.push({ word: wordIndex, start, end: start + char.length });
      }
    }
    return individualNumberSpans(symbols).flatMap(([first, last]) => {
      const from = origins[first];
      const to = origins[last];
      if (!from || !to) return [];
      const words = range(from.word, to.word);
      const boxes = words.flatMap((index) => {
        const word = line.words[index];
        return word ? [word.bbox] : [];
      });
      return [
        {
          line: lineIndex,
          words,
          startInFirstWord: from.start,
          endInLastWord: to.end,
          bbox: union(boxes),
        },
      ];
    });
  });
}

/**
 * Replaces each Individual Number in a text, with the separators inside it, by ［個人番号削除］.
 * For any text that leaves the worker. A line break counts as a separator here, unlike in
 * `findIndividualNumbers`, since a text may hold a number wrapped over two lines.
 */
export function redactIndividualNumbersInText(text: string): { text: string; count: number } {
  const chars = characters(text);
  const spans = individualNumberSpans(chars.map(({ char }) => classifyCharacter(char)));
  let redacted = "";
  let position = 0;
  for (const [first, last] of spans) {
    const start = chars[first]?.start ?? position;
    const lastChar = chars[last];
    const end = lastChar ? lastChar.start + lastChar.char.length : position;
    redacted += text.slice(position, start) + REDACTED_INDIVIDUAL_NUMBER;
    position = end;
  }
  return { text: redacted + text.slice(position), count: spans.length };
}

/** Code points with their UTF-16 offsets, so offsets stay right after a kanji outside the BMP. */
function characters(text: string): { char: string; start: number }[] {
  const result: { char: string; start: number }[] = [];
  let start = 0;
  for (const char of text) {
    result.push({ char, start });
    start += char.length;
  }
  return result;
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

function union(boxes: readonly BBox[]): BBox {
  const left = Math.min(...boxes.map(([x]) => x));
  const top = Math.min(...boxes.map(([, y]) => y));
  const right = Math.max(...boxes.map(([x, , w]) => x + w));
  const bottom = Math.max(...boxes.map(([, y, , h]) => y + h));
  return [left, top, right - left, bottom - top];
}
