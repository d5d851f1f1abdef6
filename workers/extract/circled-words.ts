import { type GreyImage, isInk } from "../ocr/grey-image.ts";

/**
 * Words circled by hand on one printed line of options (○で囲む), read from the ink alone.
 * OCR is no help here: it reads a pen loop as ( and ), and the loop's ink throws its word boxes
 * off by whole words. The ink around the line falls into connected pieces: a pen loop is a
 * piece reaching both above and below the line's characters, a character one that stays
 * within them. Characters close together make the ink words, the option words are laid onto
 * those in order by their printed widths, and a word is circled where a loop spans it.
 */
export interface TextBand {
  /** Top and bottom of the line's characters. */
  top: number;
  bottom: number;
  /** Where the options may lie. */
  left: number;
  right: number;
  em: number;
}

/** OCR's line may be off by this much either way. */
const BAND_SLACK_EM = 0.5;
/** Rows of characters carry at least this share of the densest row's ink… */
const DENSE_ROW = 0.5;
/** …and their tops and tails at least this share. */
const SPARSE_ROW = 0.15;
/** Pieces smaller than this both ways are dots (・), not characters that make words. */
const DOT_MAX_EM = 0.35;
/** Characters of one word are closer than this; options are printed 1.6 em apart. */
const WORD_GAP_EM = 0.8;
/** A loop passes at least this far above and below the characters. */
const LOOP_CLEARANCE_EM = 0.1;
/** The pen ink around the line is looked for this far above and below it. */
const SEARCH_EM = 0.7;
/** Advance of a character relative to its ink height. */
const ADVANCE_PER_EM = 1.1;
/** Costs of the alignment, in em of width mismatch. */
const SKIP_INK_WORD = 0.3;
const SKIP_OPTION = 1.5;
/** A row or column of the searched area inked this much is a ruled line. */
const RULED = 0.9;
/** Laying one option on two ink words costs a little more than on one. */
const PAIR_COST = 0.2;

interface Span {
  left: number;
  right: number;
}

interface Box extends Span {
  top: number;
  bottom: number;
}

/**
 * For each option word (in printed order, with its width in em of advance), the share of its
 * ink word's columns that a pen loop spans; null where no ink word was found for it.
 */
export function circledShares(
  ink: GreyImage,
  band: TextBand,
  widths: readonly number[],
): (number | null)[] {
  // Widths are laid out in the ink's own character height: OCR's box of a circled word takes
  // in the loop, and an em that tall made 同意する seem too narrow for its own ink.
  const line = inkBand(ink, band);
  const { words, loops } = inkPieces(ink, line);
  return align(words, widths, line.em).map((span) => (span ? loopCover(span, loops) : null));
}

/**
 * For options whose words OCR could not read: when the line's ink shows exactly `count` words,
 * the share of each (left to right) that a loop goes round; otherwise null.
 */
export function circledInOrder(ink: GreyImage, band: TextBand, count: number): number[] | null {
  // A loop broken up by binarisation, or cut by the edge of the area searched, leaves the band
  // too thin without it (a Mincho 無 keeps only its top strokes): the band with the loops
  // counted is tried too, and kept when only it finds a loop round a word.
  let unmarked: number[] | null = null;
  for (const loops of ["left out", "counted"] as const) {
    const pieces = inkPieces(ink, inkBand(ink, band, loops));
    if (pieces.words.length !== count) continue;
    const shares = pieces.words.map((word) => loopCover(word, pieces.loops));
    if (shares.some((share) => share > 0)) return shares;
    unmarked ??= shares;
  }
  return unmarked;
}

/**
 * The line's band as its ink shows it: OCR's boxes of circled words take in the loop and make
 * the line look taller. Rows inked at least half as much as the densest row are the
 * characters'. A pen loop is left out of the count unless told otherwise: around a short
 * word its arcs carry as much ink per row as the characters do.
 */
function inkBand(
  ink: GreyImage,
  band: TextBand,
  loops: "left out" | "counted" = "left out",
): TextBand {
  const left = Math.max(0, Math.round(band.left));
  const right = Math.min(ink.width, Math.round(band.right));
  const from = Math.max(0, Math.round(band.top - BAND_SLACK_EM * band.em));
  const to = Math.min(ink.height, Math.round(band.bottom + BAND_SLACK_EM * band.em));
  const counts = new Array<number>(Math.max(0, to - from)).fill(0);
  for (const piece of components(
    ink,
    { left, right, top: from, bottom: to },
    band.top,
    band.bottom,
  )) {
    // Reaching past OCR's line both above and below (OCR's box of the loop's own word is
    // outvoted by its neighbours'), it goes round the line: a loop, or a bracket.
    if (loops === "left out" && piece.top < band.top && piece.bottom > band.bottom) continue;
    for (const [y, count] of piece.rows) counts[y - from] = (counts[y - from] as number) + count;
  }
  // The densest row is looked for within OCR's line only: in the slack beyond it, the edge of a
  // cell's rule, too ragged to count as ruled, can outweigh every row of characters.
  const offset = Math.max(0, Math.round(band.top) - from);
  const within = counts.slice(offset, Math.max(offset, Math.round(band.bottom) - from));
  const peak = Math.max(0, ...within);
  if (peak === 0) return band;
  const densest = within.indexOf(peak) + offset;
  let top = densest;
  let bottom = densest;
  while (top > 0 && (counts[top - 1] as number) >= DENSE_ROW * peak) top--;
  while (bottom < counts.length - 1 && (counts[bottom + 1] as number) >= DENSE_ROW * peak) bottom++;
  // Rows past the dense core that still carry some ink are the characters' tops and tails.
  while (top > 0 && (counts[top - 1] as number) >= SPARSE_ROW * peak) top--;
  while (bottom < counts.length - 1 && (counts[bottom + 1] as number) >= SPARSE_ROW * peak)
    bottom++;
  const height = bottom + 1 - top;
  return { ...band, top: from + top, bottom: from + bottom + 1, em: height };
}

/**
 * Character pieces merged into words, and the columns each pen loop passes both above and
 * below the line in. Loops of two lines of options can touch into one piece, but only over
 * its own word does a loop pass on both sides of the line.
 */
function inkPieces(ink: GreyImage, band: TextBand): { words: Span[]; loops: Set<number>[] } {
  const area = {
    left: Math.max(0, Math.round(band.left)),
    right: Math.min(ink.width, Math.round(band.right)),
    top: Math.max(0, Math.round(band.top - SEARCH_EM * band.em)),
    bottom: Math.min(ink.height, Math.round(band.bottom + SEARCH_EM * band.em)),
  };
  const aboveLine = band.top - LOOP_CLEARANCE_EM * band.em;
  const belowLine = band.bottom + LOOP_CLEARANCE_EM * band.em;
  const characters: Span[] = [];
  const loops: Set<number>[] = [];
  for (const piece of components(ink, area, aboveLine, belowLine)) {
    const size = Math.max(piece.right - piece.left, piece.bottom - piece.top);
    const middle = (piece.top + piece.bottom) / 2;
    if (piece.above.size > 0 && piece.below.size > 0) {
      loops.push(new Set([...piece.above].filter((x) => piece.below.has(x))));
    } else if (size > DOT_MAX_EM * band.em && middle > band.top && middle < band.bottom) {
      characters.push({ left: piece.left, right: piece.right });
    }
  }
  characters.sort((a, b) => a.left - b.left);
  const words: Span[] = [];
  for (const character of characters) {
    const last = words.at(-1);
    if (last && character.left - last.right < WORD_GAP_EM * band.em) {
      last.right = Math.max(last.right, character.right);
    } else {
      words.push({ ...character });
    }
  }
  return { words, loops };
}

interface Piece extends Box {
  /** Columns where the piece has ink above the line, and below it. */
  above: Set<number>;
  below: Set<number>;
  /** Its ink pixels in each row (page y). */
  rows: Map<number, number>;
}

/**
 * Bounding boxes of the 8-connected pieces of ink inside `area`, ruled lines left out: a cell's
 * frame, or a rule a loop touches, would otherwise make one piece round every option.
 */
function components(ink: GreyImage, area: Box, aboveLine: number, belowLine: number): Piece[] {
  const width = area.right - area.left;
  const height = area.bottom - area.top;
  if (width <= 0 || height <= 0) return [];
  const raw = (x: number, y: number) => isInk(ink, area.left + x, area.top + y);
  const ruledRows = new Set<number>();
  for (let y = 0; y < height; y++) {
    let count = 0;
    for (let x = 0; x < width; x++) if (raw(x, y)) count++;
    if (count >= RULED * width) ruledRows.add(y);
  }
  const ruledColumns = new Set<number>();
  for (let x = 0; x < width; x++) {
    let count = 0;
    for (let y = 0; y < height; y++) if (raw(x, y)) count++;
    if (count >= RULED * height) ruledColumns.add(x);
  }
  const inked = (x: number, y: number) => raw(x, y) && !ruledRows.has(y) && !ruledColumns.has(x);
  const seen = new Uint8Array(width * height);
  const pieces: Piece[] = [];
  const stack: number[] = [];
  for (let start = 0; start < seen.length; start++) {
    if (seen[start] || !inked(start % width, Math.floor(start / width))) continue;
    seen[start] = 1;
    stack.push(start);
    const box = { left: width, right: 0, top: height, bottom: 0 };
    const above = new Set<number>();
    const below = new Set<number>();
    const rows = new Map<number, number>();
    while (stack.length > 0) {
      const at = stack.pop() as number;
      const x = at % width;
      const y = Math.floor(at / width);
      box.left = Math.min(box.left, x);
      box.right = Math.max(box.right, x + 1);
      box.top = Math.min(box.top, y);
      box.bottom = Math.max(box.bottom, y + 1);
      rows.set(area.top + y, (rows.get(area.top + y) ?? 0) + 1);
      if (area.top + y < aboveLine) above.add(area.left + x);
      if (area.top + y > belowLine) below.add(area.left + x);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const next = ny * width + nx;
          if (seen[next] || !inked(nx, ny)) continue;
          seen[next] = 1;
          stack.push(next);
        }
      }
    }
    pieces.push({
      left: area.left + box.left,
      right: area.left + box.right,
      top: area.top + box.top,
      bottom: area.top + box.bottom,
      above,
      below,
      rows,
    });
  }
  return pieces;
}

type Step = "match" | "pair" | "skipWord" | "skipOption";

/**
 * Lays the options onto the ink words in order, each onto one ink word whose width fits its
 * text, or onto two (虐待・DV parts at its dot); ink words may be left over (a date's numbers
 * after an era row) and options unplaced. Returns, per option, the span it was laid on.
 */
function align(words: readonly Span[], widths: readonly number[], em: number): (Span | null)[] {
  const n = widths.length;
  const m = words.length;
  const mismatch = (option: number, from: number, to: number) => {
    const span = (words[to - 1] as Span).right - (words[from] as Span).left;
    return Math.abs(span - (widths[option - 1] as number) * ADVANCE_PER_EM * em) / em;
  };
  const cost: number[][] = [];
  const step: Step[][] = [];
  for (let i = 0; i <= n; i++) {
    cost.push(new Array<number>(m + 1).fill(Number.POSITIVE_INFINITY));
    step.push(new Array<Step>(m + 1).fill("skipWord"));
  }
  (cost[0] as number[])[0] = 0;
  const at = (i: number, j: number) => cost[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const moves: [Step, number][] = [];
      if (j > 0) moves.push(["skipWord", at(i, j - 1) + SKIP_INK_WORD]);
      if (i > 0) moves.push(["skipOption", at(i - 1, j) + SKIP_OPTION]);
      if (i > 0 && j > 0) moves.push(["match", at(i - 1, j - 1) + mismatch(i, j - 1, j)]);
      if (i > 0 && j > 1)
        moves.push(["pair", at(i - 1, j - 2) + mismatch(i, j - 2, j) + PAIR_COST]);
      for (const [move, value] of moves) {
        if (value < at(i, j)) {
          (cost[i] as number[])[j] = value;
          (step[i] as Step[])[j] = move;
        }
      }
    }
  }
  const placed: (Span | null)[] = new Array<Span | null>(n).fill(null);
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const move = step[i]?.[j];
    if (move === "match" || move === "pair") {
      const from = move === "pair" ? j - 2 : j - 1;
      placed[i - 1] = { left: (words[from] as Span).left, right: (words[j - 1] as Span).right };
      i--;
      j = from;
    } else if (move === "skipOption") {
      i--;
    } else {
      j--;
    }
  }
  return placed;
}

/** Share of the word's columns that one loop passes both above and below. */
function loopCover(word: Span, loops: readonly Set<number>[]): number {
  let covered = 0;
  for (let x = word.left; x < word.right; x++) {
    if (loops.some((loop) => loop.has(x))) covered++;
  }
  return word.right > word.left ? covered / (word.right - word.left) : 0;
}
