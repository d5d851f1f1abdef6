import type { BBox, OcrLine, OcrPageResult } from "../workers/ocr/ocr-result.ts";
import { REDACTED_INDIVIDUAL_NUMBER } from "../workers/redact/find-individual-numbers.ts";
import {
  classifyCharacter,
  individualNumberSpans,
} from "../workers/redact/individual-number-spans.ts";

/** Text to lay evenly over a box of the page image, its characters touching one another. */
export interface TextRun {
  text: string;
  /** In pixels of the stored page image. */
  bbox: BBox;
}

/**
 * The page's text layer as runs of text without spaces. Readers (pdftotext, viewers' search)
 * take a gap between two characters for a space, and Japanese has none: so the words of a line
 * that its text joins without a space become one run, stretched over their boxes end to end,
 * and a new run starts only where the line text has a space (山田 花子, TEL 043-…).
 *
 * The text is always the line's own text, which the OCR stage has already redacted; word boxes
 * only place it. A line that still holds (part of) an Individual Number is redacted here again
 * and laid over the whole line, since its words can no longer say where the marker goes.
 */
export function textRuns(ocr: OcrPageResult): TextRun[] {
  const texts = redactedLineTexts(ocr.lines);
  return ocr.lines.flatMap((line, index) => {
    const text = texts[index] ?? "";
    if (text.trim() === "") return [];
    const runs = text === line.text ? runsOfWords(line) : null;
    return (runs ?? [{ text: text.trim(), bbox: line.bbox }]).filter(
      ({ bbox }) => bbox[2] > 0 && bbox[3] > 0,
    );
  });
}

/**
 * Each line's text without Individual Numbers, searched for in the page text as the OCR stage
 * joins it (lines and "\n"), so that a number tesseract spread over two lines (1234 5678 / 9018),
 * which neither line shows whole and the OCR stage leaves in the line texts, is found too: the
 * marker goes where it starts, and its other digits leave the lines they are on.
 */
function redactedLineTexts(lines: readonly OcrLine[]): string[] {
  const chars = lines.flatMap((line, index) => [
    ...(index > 0 ? [{ char: "\n", line: -1 }] : []),
    ...Array.from(line.text, (char) => ({ char, line: index })),
  ]);
  const hidden = new Set<number>();
  const starts = new Set<number>();
  for (const [first, last] of individualNumberSpans(
    chars.map(({ char }) => classifyCharacter(char)),
  )) {
    starts.add(first);
    for (let i = first; i <= last; i++) hidden.add(i);
  }
  const texts = lines.map(() => "");
  for (const [i, { char, line }] of chars.entries()) {
    if (line < 0 || (hidden.has(i) && !starts.has(i))) continue;
    texts[line] += starts.has(i) ? REDACTED_INDIVIDUAL_NUMBER : char;
  }
  return texts;
}

/** null when the words do not spell the line text, save for single spaces between them. */
function runsOfWords(line: OcrLine): TextRun[] | null {
  const runs: TextRun[] = [];
  let position = 0;
  let start = 0;
  for (const [index, word] of line.words.entries()) {
    if (index > 0 && line.text[position] === " ") {
      runs.push(run(line, start, index));
      start = index;
      position += 1;
    }
    if (word.text === "" || !line.text.startsWith(word.text, position)) return null;
    position += word.text.length;
  }
  if (position !== line.text.length || line.words.length === 0) return null;
  runs.push(run(line, start, line.words.length));
  return runs;
}

/** Words [from, to) of the line: their text, from the first's left to the last's right edge. */
function run(line: OcrLine, from: number, to: number): TextRun {
  const words = line.words.slice(from, to);
  const left = Math.min(...words.map((word) => word.bbox[0]));
  const right = Math.max(...words.map((word) => word.bbox[0] + word.bbox[2]));
  // The line's height for every run, so that a reader keeps the line's runs on one baseline.
  const [, top, , height] = line.bbox;
  return { text: words.map((word) => word.text).join(""), bbox: [left, top, right - left, height] };
}
