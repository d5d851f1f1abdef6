import type { ChoiceOptionDefinition } from "../../config/forms/form-definitions.ts";
import { type GreyImage, toEdges } from "../ocr/grey-image.ts";
import type { BBox } from "../ocr/ocr-result.ts";
import { median, right, unionBoxes } from "./boxes.ts";
import { bracketedWord } from "./bracketed-word.ts";
import { boxFill, findCheckBoxes } from "./choice-marks.ts";
import { circledInOrder, circledShares, type TextBand } from "./circled-words.ts";
import { type LocatedOption, locateOptions } from "./locate-options.ts";
import { withOptionsBetween } from "./options-between.ts";
import type { Token } from "./page-text.ts";
import { rawText } from "./raw-text.ts";
import { printedWidth } from "./type-metrics.ts";

export interface ChoiceReading {
  /** Codes of the marked options, in the options' order. */
  codes: (string | boolean)[];
  /** How sure the reading of the marks is, 0..1. */
  confidence: number;
  /** Why the reading is doubtful, for the reviewer; empty when it is not. */
  reasons: string[];
  /** The marked options' words as printed. */
  raw: string;
  bbox: BBox | null;
}

export interface ReadChoiceOptions {
  /** Several options may be marked (課題). */
  multiple: boolean;
  ink: GreyImage | null;
  em: number;
  /** The ruled cell the options are printed in, if any: nothing outside it is one of them. */
  cell?: BBox | null;
}

/**
 * A box counts as marked when this share of its inside is inked. Measured on rendered and
 * scanned forms: empty boxes 0–2 %, ticks 25–45 %, filled boxes over 80 %.
 */
const BOX_MARKED = 0.08;
/**
 * A word is circled when a loop crosses above and below it over this share of its width;
 * words left alone measure 0, circled ones 0.8–1.
 */
const CIRCLED = 0.5;
/** A check box stands at most this far left of its option word (OCR boxes drift). */
const BOX_REACH_EM = 2.5;
/** Boxes are centred on the text line; this much room above and below it is searched. */
const BAND_MARGIN_EM = 0.3;
/** Options may lie this far beyond where OCR put the line's first and last words. */
const LINE_REACH_EM = 2;
/** A mark read against options laid out in their assumed order: a suggestion only. */
const PRINTED_ORDER_CONFIDENCE = 0.5;
/** Without ink, OCR's reading of the box is all there is: never enough to accept unchecked. */
const TEXT_ONLY_CONFIDENCE = 0.6;
const MARKED_TEXT = /^[☑☒■✓✔✅●◉◼▪]$/u;
const EMPTY_TEXT = /^[□☐口ロ◻▫]$/u;

/**
 * Reads which options of a choice field are marked: by the check box before each option word
 * (☑ / ■ against □) or by a hand-drawn circle around it, both measured in the page's ink,
 * since OCR reads boxes as random kanji and circles as brackets. Only without ink is OCR's
 * reading of the box (☑, ■, □ …) used, and then always sent to review.
 */
export function readChoice(
  lines: readonly Token[][],
  options: readonly ChoiceOptionDefinition[],
  settings: ReadChoiceOptions,
): ChoiceReading {
  const located = locateOptions(lines, options);
  if (located.length === 0) {
    const guess = settings.ink
      ? inPrintedOrder(lines, options, settings.ink, settings.em, settings.cell ?? null)
      : null;
    return (
      guess ?? {
        codes: [],
        confidence: 0,
        reasons: ["選択肢が読み取れません"],
        raw: "",
        bbox: null,
      }
    );
  }
  const partial = partlyReadLine(lines, located, options, settings);
  if (partial) return partial;
  const placed =
    settings.multiple && settings.ink ? withOptionsBetween(located, options, lines) : located;
  const decision = settings.ink
    ? fromInk(placed, lines, settings.ink, settings.em, settings.cell ?? null)
    : fromText(placed);
  const reasons = [...decision.reasons];
  let confidence = decision.confidence;
  if (located.length < options.length) {
    // The option not found may be the one marked.
    confidence *= 0.85;
    reasons.push("読み取れない選択肢があります");
  }
  const marked = placed.filter((_, index) => decision.marked[index]);
  const guessed = marked.filter((option) => option.placedByOrder);
  if (guessed.length > 0)
    reasons.push(
      `読み取れない選択肢（${guessed.map((option) => option.word).join("・")}）の印を、印刷の順序から読みました`,
    );
  const bbox = unionBoxes(placed.map((option) => option.bbox));
  if (!settings.multiple && marked.length === 0) {
    const bracketed = inBrackets(rawText(lines, "text", settings.em), located);
    if (bracketed) {
      reasons.push(`丸囲みは印から確かめられず、括弧に読めた「${bracketed.word}」を選びました`);
      return { codes: [bracketed.option.code], confidence: 0, reasons, raw: bracketed.word, bbox };
    }
  }
  if (!settings.multiple && marked.length !== 1) {
    reasons.push(
      marked.length === 0 ? "印のついた選択肢がありません" : "複数の選択肢に印があります",
    );
    return { codes: [], confidence: 0, reasons, raw: "", bbox };
  }
  if (marked.length === 0) reasons.push("印のついた選択肢がありません");
  return {
    codes: marked.map((option) => option.option.code),
    confidence,
    reasons,
    raw: marked.map((option) => option.word).join("、"),
    bbox,
  };
}

/**
 * A single choice on one line of which OCR read only some options (the circled 男性 read <):
 * laying the read ones alone onto the line's ink put 女性 on the circled 男性. When the
 * ink shows a mark on one of as many words as there are options, the printed order names it,
 * for review.
 */
function partlyReadLine(
  lines: readonly Token[][],
  located: readonly LocatedOption[],
  options: readonly ChoiceOptionDefinition[],
  settings: ReadChoiceOptions,
): ChoiceReading | null {
  if (settings.multiple || !settings.ink || located.length === options.length) return null;
  const line = new Set(located.map((option) => option.line));
  if (line.size !== 1) return null;
  const tokens = lines[[...line][0] as number] ?? [];
  const ordered = inPrintedOrder(
    [tokens],
    options,
    settings.ink,
    settings.em,
    settings.cell ?? null,
  );
  return (
    ordered && { ...ordered, reasons: ["読み取れない選択肢があり、印刷の順序から印を読みました"] }
  );
}

/** The located option OCR read inside brackets, the circle's outline: a suggestion for review. */
function inBrackets(text: string, located: readonly LocatedOption[]): LocatedOption | null {
  const word = bracketedWord(
    text,
    located.map((option) => option.word),
  );
  return located.find((option) => option.word === word) ?? null;
}

/**
 * When OCR could read none of the option words (a circle drawn through them turns them to
 * noise), the marks are still there: on a single line of options, boxes or loops are laid onto
 * the options in the order the definitions list them, as forms print them, when the ink shows
 * as many boxes or words as there are options. The order is an assumption, so the reading is a
 * suggestion for the reviewer, never accepted as it is.
 */
function inPrintedOrder(
  lines: readonly Token[][],
  options: readonly ChoiceOptionDefinition[],
  ink: GreyImage,
  em: number,
  cell: BBox | null,
): ChoiceReading | null {
  const [line] = lines;
  if (!line || lines.length > 1 || options.length < 2) return null;
  const bbox = unionBoxes(line.map((token) => token.bbox)) as BBox;
  const edges = toEdges(bbox, ink);
  const boxes = findCheckBoxes(
    ink,
    {
      ...edges,
      left: Math.max(0, Math.round(edges.left - em)),
      top: Math.max(0, Math.round(edges.top - BAND_MARGIN_EM * em)),
      bottom: Math.min(ink.height, Math.round(edges.bottom + BAND_MARGIN_EM * em)),
    },
    em,
  );
  const band = lineBand(line, em);
  const marks =
    boxes.length === options.length
      ? boxes.map((box) => boxFill(ink, box) >= BOX_MARKED)
      : (
          circledInOrder(ink, withinCell(band, cell), options.length) ??
          (cell && circledInOrder(ink, acrossCell(band, cell), options.length))
        )?.map((share) => share >= CIRCLED);
  if (!marks) return null;
  const chosen = options.filter((_, index) => marks[index]);
  if (chosen.length !== 1) return null;
  return {
    codes: chosen.map((option) => option.code),
    confidence: PRINTED_ORDER_CONFIDENCE,
    reasons: ["選択肢の文字が読めず、印刷の順序から印を読みました"],
    raw: chosen[0]?.words[0] ?? "",
    bbox,
  };
}

interface MarkDecision {
  marked: boolean[];
  confidence: number;
  reasons: string[];
}

/** Check boxes when the options have them, else circles. */
function fromInk(
  located: readonly LocatedOption[],
  lines: readonly Token[][],
  ink: GreyImage,
  em: number,
  cell: BBox | null,
): MarkDecision {
  const fills = boxFills(located, ink, em);
  const boxes = fills.filter((fill) => fill !== null).length;
  if (boxes * 2 >= located.length) {
    const missing = boxes < located.length;
    return {
      marked: fills.map((fill) => (fill ?? 0) >= BOX_MARKED),
      confidence: certainty(fills, BOX_MARKED) * (missing ? 0.7 : 1),
      reasons: missing ? ["チェック欄が見つからない選択肢があります"] : [],
    };
  }
  const shares = circles(located, lines, ink, em, cell);
  const missing = shares.some((share) => share === null);
  return {
    marked: shares.map((share) => (share ?? 0) >= CIRCLED),
    confidence: certainty(shares, CIRCLED) * (missing ? 0.7 : 1),
    reasons: missing ? ["丸囲みを確かめられない選択肢があります"] : [],
  };
}

/** How far the least clear measurement is from its threshold, relative to it: 0 at it, 1 far off. */
function certainty(measures: readonly (number | null)[], threshold: number): number {
  const known = measures.filter((measure): measure is number => measure !== null);
  if (known.length === 0) return 0;
  return Math.min(
    ...known.map((measure) => Math.min(1, Math.abs(measure - threshold) / threshold)),
  );
}

/**
 * The fill of the check box before each option, null where none was found. Boxes are found in
 * the ink along each line of options and paired with the options in their order: OCR's boxes
 * drift by a character (it reads the box itself as one), so the box is not always just left
 * of where OCR put the word.
 */
function boxFills(
  located: readonly LocatedOption[],
  ink: GreyImage,
  em: number,
): (number | null)[] {
  const fills: (number | null)[] = located.map(() => null);
  for (const line of byLine(located)) {
    const band = toEdges(unionBoxes(line.map((option) => option.bbox)) as BBox, ink);
    const boxes = findCheckBoxes(
      ink,
      {
        left: Math.max(0, Math.round(band.left - BOX_REACH_EM * em)),
        right: band.right,
        top: Math.max(0, Math.round(band.top - BAND_MARGIN_EM * em)),
        bottom: Math.min(ink.height, Math.round(band.bottom + BAND_MARGIN_EM * em)),
      },
      em,
    );
    const used = new Set<number>();
    line.forEach((option, order) => {
      const previousLeft = line[order - 1]?.bbox[0] ?? Number.NEGATIVE_INFINITY;
      const paired =
        boxes.length === line.length
          ? order
          : option.placedByOrder
            ? // The first box in the stretch: the next option's own box stands at its end.
              boxes.findIndex(
                (box, b) =>
                  !used.has(b) && box.left >= option.bbox[0] && box.left < right(option.bbox) - em,
              )
            : lastIndex(
                boxes,
                (box, b) =>
                  !used.has(b) && box.left < option.bbox[0] + em / 2 && box.left > previousLeft,
              );
      const box = boxes[paired];
      if (!box) return;
      used.add(paired);
      fills[located.indexOf(option)] = boxFill(ink, box);
    });
  }
  return fills;
}

/** How much of each option a hand-drawn loop goes round, line by line, within its ruled cell. */
function circles(
  located: readonly LocatedOption[],
  lines: readonly Token[][],
  ink: GreyImage,
  em: number,
  cell: BBox | null,
): (number | null)[] {
  const shares: (number | null)[] = located.map(() => null);
  for (const line of byLine(located)) {
    const band = withinCell(lineBand(lines[line[0]?.line ?? 0] ?? [], em), cell);
    // In the order OCR read them: its positions are what circles throw off, not its order.
    const inOrder = [...line].sort((a, b) => a.order - b.order);
    const widths = inOrder.map((option) => printedWidth(option.word));
    circledShares(ink, band, widths).forEach((share, index) => {
      shares[located.indexOf(inOrder[index] as LocatedOption)] = share;
    });
  }
  return shares;
}

/**
 * Where a line of options lies, from OCR's boxes: the ink refines it (circled-words.ts). Its
 * ends are set by words of a character's size: a speck read as a mark (the label's colon read
 * as "(", three pixels wide, on seed 27) would stretch the line into the label, whose last
 * character then took the first option's place and 女 the circled 男's, accepted.
 */
function lineBand(tokens: readonly Token[], em: number): TextBand {
  const sized = tokens.filter((token) => token.bbox[2] * token.bbox[3] >= (MARK_EM * em) ** 2);
  const ends = sized.length > 0 ? sized : tokens;
  return {
    top: median(tokens.map((token) => token.bbox[1])),
    bottom: median(tokens.map((token) => token.bbox[1] + token.bbox[3])),
    left: Math.min(...ends.map((token) => token.bbox[0])) - LINE_REACH_EM * em,
    right: Math.max(...ends.map((token) => right(token.bbox))) + LINE_REACH_EM * em,
    em,
  };
}

/**
 * A word boxed in less than a square this many em wide is a mark or a speck, not a character
 * (the em may be a loop's height: OCR's box of a circled word takes in the loop).
 */
const MARK_EM = 0.5;

/**
 * The band kept inside the options' ruled cell: reaching past OCR's words for options it did
 * not read must not take in the label in the cell beside.
 */
function withinCell(band: TextBand, cell: BBox | null): TextBand {
  if (!cell) return band;
  return {
    ...band,
    left: Math.max(band.left, cell[0] + CELL_INSET_PX),
    right: Math.min(band.right, right(cell) - CELL_INSET_PX),
  };
}

/**
 * The band across its whole ruled cell: an option OCR did not read may lie further from the
 * words it read than a line reaches (終結 circled, two em before the 継続 read, on seed 25).
 */
function acrossCell(band: TextBand, cell: BBox): TextBand {
  return { ...band, left: cell[0] + CELL_INSET_PX, right: right(cell) - CELL_INSET_PX };
}

/** Cells are found inside their rules; a pixel or two of a rule's edge may remain. */
const CELL_INSET_PX = 2;

/** The options on each line, left to right. */
function byLine(located: readonly LocatedOption[]): LocatedOption[][] {
  const lines = new Map<number, LocatedOption[]>();
  for (const option of located) lines.set(option.line, [...(lines.get(option.line) ?? []), option]);
  return [...lines.values()].map((line) => line.sort((a, b) => a.bbox[0] - b.bbox[0]));
}

function fromText(located: readonly LocatedOption[]): MarkDecision {
  const states = located.map((option) => {
    const mark = option.before?.char ?? "";
    return MARKED_TEXT.test(mark) ? "marked" : EMPTY_TEXT.test(mark) ? "empty" : "unknown";
  });
  return {
    marked: states.map((state) => state === "marked"),
    confidence: states.includes("unknown") ? 0 : TEXT_ONLY_CONFIDENCE,
    reasons: ["印を画像で確認できません（OCRの文字のみ）"],
  };
}

function lastIndex<T>(items: readonly T[], test: (item: T, index: number) => boolean): number {
  for (let index = items.length - 1; index >= 0; index--) {
    if (test(items[index] as T, index)) return index;
  }
  return -1;
}
