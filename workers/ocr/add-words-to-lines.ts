import { joinLineWords } from "./japanese-spacing.ts";
import type { BBox, OcrLine, OcrWord } from "./ocr-result.ts";

/** Share of the shorter word's height two boxes must share to sit on one line. */
const SAME_LINE_OVERLAP = 0.5;

/**
 * `lines` with words read later put where they belong: into the line they sit on, in order of
 * x, or, when no line is level with them, as lines of their own, in order of y. A label read
 * again on its own then stands before its value on one line, as the page prints it.
 */
export function addWordsToLines(
  lines: readonly OcrLine[],
  groups: readonly (readonly OcrWord[])[],
): OcrLine[] {
  const merged = lines.map((line) => [...line.words]);
  const added: OcrWord[][] = [];
  for (const group of groups) {
    const own: OcrWord[] = [];
    for (const word of group) {
      const line = merged.find((words) => words.some((other) => sameLine(word.bbox, other.bbox)));
      if (line) line.push(word);
      else own.push(word);
    }
    if (own.length > 0) added.push(own);
  }
  const original = merged.map((words, i) => {
    const line = lines[i] as OcrLine;
    return words.length === line.words.length ? line : toLine(words);
  });
  // New lines go before the first line that starts below them; the rest keep their order.
  for (const line of added.map(toLine)) {
    const index = original.findIndex((other) => other.bbox[1] > line.bbox[1]);
    original.splice(index < 0 ? original.length : index, 0, line);
  }
  return original;
}

function sameLine([, ay, , ah]: BBox, [, by, , bh]: BBox): boolean {
  const overlap = Math.min(ay + ah, by + bh) - Math.max(ay, by);
  return overlap >= SAME_LINE_OVERLAP * Math.min(ah, bh);
}

function toLine(unsorted: readonly OcrWord[]): OcrLine {
  const words = [...unsorted].sort((a, b) => a.bbox[0] - b.bbox[0]);
  const x0 = Math.min(...words.map((w) => w.bbox[0]));
  const y0 = Math.min(...words.map((w) => w.bbox[1]));
  const x1 = Math.max(...words.map((w) => w.bbox[0] + w.bbox[2]));
  const y1 = Math.max(...words.map((w) => w.bbox[1] + w.bbox[3]));
  return {
    text: joinLineWords(words),
    confidence: words.reduce((sum, w) => sum + w.confidence, 0) / words.length,
    bbox: [x0, y0, x1 - x0, y1 - y0],
    words,
  };
}
