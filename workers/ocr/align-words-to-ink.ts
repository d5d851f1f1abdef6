import {
  type Edges,
  type GreyImage,
  inkShare,
  isBlankColumn,
  shrinkToInk,
  toBBox,
  toEdges,
} from "./grey-image.ts";
import type { BBox } from "./ocr-result.ts";

/**
 * Below this share of ink a box holds no character. Thin glyphs such as 、 in a full line-height
 * box measured about 1.3 %; tesseract's phantoms in blank gaps hold none at all.
 */
const MIN_INK_SHARE = 0.005;
/**
 * Phantoms are punctuation-like (_ ” ' ~). A kanji, kana, letter or digit over blank paper is a
 * real character whose box drifted, and is re-placed rather than dropped.
 */
const SYMBOLS_ONLY = /^[\p{P}\p{S}]+$/u;
/** Costs, in em: a word's width off its text length; a cut away from where tesseract put it. */
const WIDTH_WEIGHT = 1;
const POSITION_WEIGHT = 0.3;
/**
 * Cost of a blank wider than a character height inside a word: it is usually a gap between
 * words, but 、（）and full-width digits, whose ink fills part of their em box, leave blanks
 * nearly that wide inside running text, so a word may still span one where its length says so.
 */
const WIDE_RUN_INSIDE_WORD = 1;

interface Run {
  start: number;
  end: number;
}

/**
 * Tesseract's LSTM engine knows only roughly where along the line it read each character: word
 * boxes drift by a glyph or more (生年 boxed over 生年月), and in the wide gap after a form label
 * it reads a phantom _ or ” out of white paper. Given one line's words in reading order, this
 * drops such phantoms and cuts the line's ink anew between the words, choosing for each word
 * boundary a blank column run so that every word is about as wide as its text (kanji one em,
 * digits about half), cuts stay near tesseract's and wide gaps fall between words. Boxes are
 * then shrunk onto their ink, so the distance between two boxes is the blank on the paper.
 */
export function alignWordsToInk<T extends { text: string; bbox: BBox }>(
  words: readonly T[],
  image: GreyImage,
): T[] {
  const kept = words.filter((word) => !isPhantom(word, image));
  const raw = kept.map((word) => toEdges(word.bbox, image));
  const each = () => kept.map((word, i) => fitted(word, raw[i] as Edges, image));
  const line = shrinkToInk(unionEdges(raw), image);
  if (!line || kept.length < 2) return each();

  const runs = blankRuns(line, image);
  const inkHeight = median(raw.map((box) => heightOf(shrinkToInk(box, image))));
  const wide = runs.map((run) => run.end - run.start > inkHeight);
  const widths = kept.map((word) => advance(word.text));
  const wideBlank = runs.reduce((sum, run, j) => sum + (wide[j] ? run.end - run.start : 0), 0);
  const textEm = widths.reduce((sum, width) => sum + (width.min + width.max) / 2, 0);
  const em = (line.right - line.left - wideBlank) / textEm;
  const targets = cutTargets(raw);
  const cuts =
    em > 0
      ? chooseCuts({ runs, wide, widths, em, targets, left: line.left, right: line.right })
      : undefined;
  // Touching glyphs (or a rule running through the line) leave too few blank runs to cut at.
  if (!cuts) return each();

  return kept.map((word, i) => {
    const left = i === 0 ? line.left : (cuts[i - 1] as Run).end;
    const right = i === kept.length - 1 ? line.right : (cuts[i] as Run).start;
    return fitted(word, { ...line, left, right }, image);
  });
}

function isPhantom(word: { text: string; bbox: BBox }, image: GreyImage): boolean {
  return SYMBOLS_ONLY.test(word.text) && inkShare(toEdges(word.bbox, image), image) < MIN_INK_SHARE;
}

/** Printed width of a text in em, as a range: see advance(). */
interface Width {
  min: number;
  max: number;
}

interface CutProblem {
  runs: Run[];
  wide: boolean[];
  widths: Width[];
  em: number;
  /** Where tesseract's boxes put each word boundary. */
  targets: number[];
  left: number;
  right: number;
}

/**
 * Dynamic programme over (boundary, run): cost[i][j] is the cheapest way to place boundaries
 * 0..i with boundary i at run j. Undefined when the line has fewer blank runs than boundaries.
 */
function chooseCuts(p: CutProblem): Run[] | undefined {
  const boundaries = p.widths.length - 1;
  const runCount = p.runs.length;
  if (runCount < boundaries) return undefined;
  const widthCost = (word: number, from: number, to: number) => {
    const { min, max } = p.widths[word] ?? { min: 0, max: 0 };
    const em = (to - from) / p.em;
    return WIDTH_WEIGHT * Math.max(0, min - em, em - max);
  };
  const positionCost = (boundary: number, run: Run) =>
    (POSITION_WEIGHT * distanceToRun(p.targets[boundary] ?? 0, run)) / p.em;
  // wideBefore[j]: wide runs among runs 0..j-1, so a span's count is one subtraction.
  const wideBefore = [0];
  for (const isWide of p.wide) wideBefore.push((wideBefore.at(-1) ?? 0) + (isWide ? 1 : 0));
  const wideBetween = (fromRun: number, toRun: number) =>
    ((wideBefore[toRun] ?? 0) - (wideBefore[fromRun + 1] ?? 0)) * WIDE_RUN_INSIDE_WORD;

  const cost: number[][] = [];
  const from: number[][] = [];
  for (let i = 0; i < boundaries; i++) {
    cost.push(new Array<number>(runCount).fill(Number.POSITIVE_INFINITY));
    from.push(new Array<number>(runCount).fill(-1));
    for (let j = i; j < runCount - (boundaries - 1 - i); j++) {
      const run = p.runs[j] as Run;
      const here = positionCost(i, run);
      if (i === 0) {
        (cost[0] as number[])[j] = here + widthCost(0, p.left, run.start) + wideBetween(-1, j);
        continue;
      }
      for (let k = i - 1; k < j; k++) {
        const before = (cost[i - 1] as number[])[k] ?? Number.POSITIVE_INFINITY;
        const total =
          before + here + widthCost(i, (p.runs[k] as Run).end, run.start) + wideBetween(k, j);
        if (total < ((cost[i] as number[])[j] ?? Number.POSITIVE_INFINITY)) {
          (cost[i] as number[])[j] = total;
          (from[i] as number[])[j] = k;
        }
      }
    }
  }

  let best = -1;
  let bestCost = Number.POSITIVE_INFINITY;
  const last = boundaries - 1;
  for (let j = last; j < runCount; j++) {
    const total =
      ((cost[last] as number[])[j] ?? Number.POSITIVE_INFINITY) +
      widthCost(boundaries, (p.runs[j] as Run).end, p.right) +
      wideBetween(j, runCount);
    if (total < bestCost) {
      bestCost = total;
      best = j;
    }
  }
  if (best < 0) return undefined;
  const cuts: Run[] = [];
  for (let i = last, j = best; i >= 0; j = (from[i] as number[])[j] ?? -1, i--) {
    cuts.unshift(p.runs[j] as Run);
  }
  return cuts;
}

/** Blank column runs strictly inside the line's ink. */
function blankRuns(line: Edges, image: GreyImage): Run[] {
  const runs: Run[] = [];
  let start: number | undefined;
  for (let x = line.left; x < line.right; x++) {
    if (isBlankColumn(image, x, line.top, line.bottom)) {
      start ??= x;
    } else if (start !== undefined) {
      runs.push({ start, end: x });
      start = undefined;
    }
  }
  return runs;
}

/** Midpoints between neighbouring boxes, kept in reading order. */
function cutTargets(boxes: Edges[]): number[] {
  const targets: number[] = [];
  for (let i = 1; i < boxes.length; i++) {
    const midpoint = ((boxes[i - 1] as Edges).right + (boxes[i] as Edges).left) / 2;
    targets.push(Math.max(midpoint, targets.at(-1) ?? midpoint));
  }
  return targets;
}

function distanceToRun(x: number, run: Run): number {
  if (x < run.start) return run.start - x;
  if (x > run.end) return x - run.end;
  return 0;
}

/**
 * Printed width of a text in em. Tesseract returns ASCII for full-width digits, letters and
 * brackets (（５） comes back as (5)), so those may be anything from half to one em wide.
 */
function advance(text: string): Width {
  const width = { min: 0, max: 0 };
  for (const char of text) {
    const [min, max] = /[0-9A-Za-z]/.test(char)
      ? [0.5, 1]
      : /[\x21-\x7E]/.test(char)
        ? [0.3, 1]
        : /[\uFF61-\uFF9F]/.test(char)
          ? [0.5, 0.5]
          : [1, 1];
    width.min += min;
    width.max += max;
  }
  return width;
}

function fitted<T extends { bbox: BBox }>(word: T, box: Edges, image: GreyImage): T {
  const tight = shrinkToInk(box, image);
  return tight ? { ...word, bbox: toBBox(tight) } : word;
}

function unionEdges(boxes: Edges[]): Edges {
  return {
    left: Math.min(...boxes.map((b) => b.left)),
    top: Math.min(...boxes.map((b) => b.top)),
    right: Math.max(...boxes.map((b) => b.right)),
    bottom: Math.max(...boxes.map((b) => b.bottom)),
  };
}

function heightOf(box: Edges | undefined): number {
  return box ? box.bottom - box.top : 0;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
