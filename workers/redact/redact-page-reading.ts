import { joinLineWords } from "../ocr/japanese-spacing.ts";
import type { BBox, OcrCell, OcrLine, OcrWord } from "../ocr/ocr-result.ts";
import {
  findIndividualNumbers,
  REDACTED_INDIVIDUAL_NUMBER,
  redactIndividualNumbersInText,
} from "./find-individual-numbers.ts";

export interface RedactedReading {
  lines: OcrLine[];
  cells: OcrCell[];
  /** Areas of the page image to black out. */
  boxes: BBox[];
}

/**
 * Takes every Individual Number out of a page's OCR output: the words that spell it are replaced
 * by a marker, and their boxes are returned so that the page image is blacked out there too.
 * All text then passes through the text redactor as well. A number the whole-page reading
 * spread over two lines (wrapped at the edge of its box, or one line read as two) is found
 * across each pair of lines that follow each other; each line's part gets a box of its own.
 */
export function redactPageReading(
  lines: readonly OcrLine[],
  cells: readonly OcrCell[],
): RedactedReading {
  const boxes: BBox[] = [];
  const redactedLines = lines.map((line) => redactLine(line, boxes));
  boxes.push(...numbersAcrossLines(lines));
  const redactedCells = cells.map((cell): OcrCell => {
    const found = boxes.length;
    const asLine = redactLine({ ...cell }, boxes);
    // A cell whose words held a number is re-spelt from them; the others keep their line breaks.
    const text = boxes.length > found ? asLine.text : cell.text;
    return { ...cell, words: asLine.words, text: redactIndividualNumbersInText(text).text };
  });
  const merged = mergeOverlapping(boxes);
  // One reading may misread a digit of a number another reading found: its check digit then
  // fails, but its other eleven digits are still the number. What any reading found is
  // redacted from every reading, by place.
  return {
    lines: redactedLines.map((line) => redactInside(line, merged)),
    cells: redactedCells.map((cell) => redactInside(cell, merged)),
    boxes: merged,
  };
}

/**
 * Boxes of the parts of the numbers that begin at the end of one line and end at the start of
 * the next: one box per line, so that neither covers the other line's text.
 */
function numbersAcrossLines(lines: readonly OcrLine[]): BBox[] {
  return lines.slice(1).flatMap((next, index) => {
    const line = lines[index] as OcrLine;
    const joined = { ...line, words: [...line.words, ...next.words] };
    return findIndividualNumbers([joined]).flatMap((match) => {
      const inLine = match.words.filter((word) => word < line.words.length);
      const inNext = match.words.filter((word) => word >= line.words.length);
      if (inLine.length === 0 || inNext.length === 0) return [];
      const box = (words: readonly OcrWord[], indexes: readonly number[]) =>
        indexes.map((word) => (words[word] as OcrWord).bbox).reduce(union);
      return [
        box(line.words, inLine),
        box(
          next.words,
          inNext.map((word) => word - line.words.length),
        ),
      ];
    });
  });
}

/** Words with a digit lying mostly inside a redacted area become the redaction marker. */
function redactInside<T extends OcrLine | OcrCell>(reading: T, boxes: readonly BBox[]): T {
  const inside = (word: OcrWord) =>
    /[0-9０-９]/u.test(word.text) &&
    word.text !== REDACTED_INDIVIDUAL_NUMBER &&
    boxes.some((box) => overlapOfFirst(word.bbox, box) > 0.5);
  if (!reading.words.some(inside)) return reading;
  const words = reading.words.flatMap((word, index) => {
    if (!inside(word)) return [word];
    // A number read as several words becomes one marker.
    const previous = reading.words[index - 1];
    return previous && inside(previous) ? [] : [{ ...word, text: REDACTED_INDIVIDUAL_NUMBER }];
  });
  return { ...reading, words, text: joinLineWords(words) };
}

/** Share of the first box's area that lies in the second. */
function overlapOfFirst([ax, ay, aw, ah]: BBox, [bx, by, bw, bh]: BBox): number {
  const w = Math.min(ax + aw, bx + bw) - Math.max(ax, bx);
  const h = Math.min(ay + ah, by + bh) - Math.max(ay, by);
  if (w <= 0 || h <= 0) return 0;
  return (w * h) / Math.max(1, aw * ah);
}

/** A number read both on the whole page and in its cell is one redaction, not two. */
function mergeOverlapping(boxes: readonly BBox[]): BBox[] {
  const merged: BBox[] = [];
  for (const box of boxes) {
    const index = merged.findIndex((other) => overlapShare(box, other) > 0.5);
    const other = merged[index];
    if (other) merged[index] = union(box, other);
    else merged.push(box);
  }
  return merged;
}

/** Intersection over the smaller box's area. */
function overlapShare([ax, ay, aw, ah]: BBox, [bx, by, bw, bh]: BBox): number {
  const w = Math.min(ax + aw, bx + bw) - Math.max(ax, bx);
  const h = Math.min(ay + ah, by + bh) - Math.max(ay, by);
  if (w <= 0 || h <= 0) return 0;
  return (w * h) / Math.max(1, Math.min(aw * ah, bw * bh));
}

function union([ax, ay, aw, ah]: BBox, [bx, by, bw, bh]: BBox): BBox {
  const x = Math.min(ax, bx);
  const y = Math.min(ay, by);
  return [x, y, Math.max(ax + aw, bx + bw) - x, Math.max(ay + ah, by + bh) - y];
}

function redactLine(line: OcrLine, boxes: BBox[]): OcrLine {
  const matches = findIndividualNumbers([line]);
  if (matches.length === 0) return { ...line, text: redactIndividualNumbersInText(line.text).text };
  const words = line.words.map((word) => ({ ...word }));
  for (const match of matches) {
    boxes.push(match.bbox);
    const first = words[match.words[0] ?? -1];
    const last = words[match.words.at(-1) ?? -1];
    if (!first || !last) continue;
    const before = first.text.slice(0, match.startInFirstWord);
    const after = last.text.slice(match.endInLastWord);
    for (const index of match.words) {
      const word = words[index];
      if (word) word.text = "";
    }
    first.text = `${before}${REDACTED_INDIVIDUAL_NUMBER}${first === last ? after : ""}`;
    if (first !== last) last.text = after;
  }
  const kept = words.filter((word) => word.text !== "");
  return { ...line, words: kept, text: redactIndividualNumbersInText(joinLineWords(kept)).text };
}
