import type { ChoiceOptionDefinition } from "../../config/forms/form-definitions.ts";
import { type GreyImage, toEdges } from "../ocr/grey-image.ts";
import type { BBox } from "../ocr/ocr-result.ts";
import { unionBoxes, verticalOverlapShare } from "./boxes.ts";
import { boxFill, findCheckBoxes, ringInk } from "./choice-marks.ts";
import { type LocatedOption, locateOptions } from "./locate-options.ts";
import type { Token } from "./page-text.ts";

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
}

/**
 * A box counts as marked when this share of its inside is inked. Measured on rendered and
 * scanned forms: empty boxes 0–2 %, ticks 15–35 %, filled boxes over 80 %.
 */
const BOX_MARKED = 0.08;
/** A pen circle leaves at least this share of ink in the bands above and below a word. */
const RING_MARKED = 0.04;
/** …and clearly more than around the options left alone, whose bands hold stray ink only. */
const RING_RATIO = 2.5;
/** A check box stands at most this far left of its option word (OCR boxes drift). */
const BOX_REACH_EM = 2.5;
/** Boxes are centred on the text line; this much room above and below it is searched. */
const BAND_MARGIN_EM = 0.3;
/** Without ink, OCR's reading of the box is all there is: never enough to accept unchecked. */
const TEXT_ONLY_CONFIDENCE = 0.6;
const MARKED_TEXT = /^[☑☒■✓✔✅●◉◼▪]$/u;
const EMPTY_TEXT = /^[□☐口ロ◻▫]$/u;

/**
 * Reads which options of a choice field are marked: by the check box before each option word
 * (☑ / ■ against □) or by a hand-drawn circle around it, both measured in the page's ink,
 * since OCR reads boxes as random kanji and circles not at all. Only without ink is OCR's
 * reading of the box (☑, ■, □ …) used, and then always sent to review.
 */
export function readChoice(
  lines: readonly Token[][],
  options: readonly ChoiceOptionDefinition[],
  settings: ReadChoiceOptions,
): ChoiceReading {
  const located = locateOptions(lines, options);
  if (located.length === 0) {
    return { codes: [], confidence: 0, reasons: ["選択肢が読み取れません"], raw: "", bbox: null };
  }
  const decision = settings.ink ? fromInk(located, settings.ink, settings.em) : fromText(located);
  const reasons = [...decision.reasons];
  let confidence = decision.confidence;
  if (located.length < options.length) {
    // The option not found may be the one marked.
    confidence *= 0.85;
    reasons.push("読み取れない選択肢があります");
  }
  const marked = located.filter((_, index) => decision.marked[index]);
  if (!settings.multiple && marked.length !== 1) {
    reasons.push(
      marked.length === 0 ? "印のついた選択肢がありません" : "複数の選択肢に印があります",
    );
    return {
      codes: [],
      confidence: 0,
      reasons,
      raw: "",
      bbox: unionBoxes(located.map((o) => o.bbox)),
    };
  }
  if (marked.length === 0) reasons.push("印のついた選択肢がありません");
  return {
    codes: marked.map((option) => option.option.code),
    confidence,
    reasons,
    raw: marked.map((option) => option.word).join("、"),
    bbox: unionBoxes(located.map((option) => option.bbox)),
  };
}

interface MarkDecision {
  marked: boolean[];
  confidence: number;
  reasons: string[];
}

function fromInk(located: readonly LocatedOption[], ink: GreyImage, em: number): MarkDecision {
  const fills = boxFills(located, ink, em);
  const boxes = fills.filter((fill) => fill !== null).length;
  if (boxes * 2 >= located.length) {
    // How far each box is from the threshold, relative to it: a box just at it is a coin toss.
    const certainty = fills.flatMap((fill) =>
      fill === null ? [] : [Math.min(1, Math.abs(fill - BOX_MARKED) / BOX_MARKED)],
    );
    const missing = boxes < located.length;
    return {
      marked: fills.map((fill) => (fill ?? 0) >= BOX_MARKED),
      confidence: Math.min(...certainty) * (missing ? 0.7 : 1),
      reasons: missing ? ["チェック欄が見つからない選択肢があります"] : [],
    };
  }
  const rings = located.map((option) => ringInk(ink, option.bbox, em));
  const best = Math.max(...rings);
  const marked = rings.map((ring) => ring >= RING_MARKED && ring * RING_RATIO >= best);
  const lowestMarked = Math.min(...rings.filter((_, i) => marked[i]));
  const highestOther = Math.max(0, ...rings.filter((_, i) => !marked[i]));
  const separation = marked.some(Boolean)
    ? Math.min(1, (lowestMarked - RING_RATIO * highestOther) / lowestMarked + 0.5)
    : Math.min(1, Math.max(0, 1 - best / RING_MARKED));
  return { marked, confidence: Math.max(0, separation), reasons: [] };
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
    const options = line.map((index) => located[index] as LocatedOption);
    const band = toEdges(unionBoxes(options.map((option) => option.bbox)) as BBox, ink);
    const boxes = findCheckBoxes(
      ink,
      {
        ...band,
        left: Math.max(0, Math.round(band.left - BOX_REACH_EM * em)),
        top: Math.round(band.top - BAND_MARGIN_EM * em),
        bottom: Math.round(band.bottom + BAND_MARGIN_EM * em),
      },
      em,
    );
    const used = new Set<number>();
    line.forEach((index, order) => {
      const option = located[index] as LocatedOption;
      const previousLeft =
        order > 0
          ? (located[line[order - 1] as number] as LocatedOption).bbox[0]
          : Number.NEGATIVE_INFINITY;
      const paired =
        boxes.length === line.length
          ? order
          : lastIndex(
              boxes,
              (box, b) =>
                !used.has(b) && box.left < option.bbox[0] + em / 2 && box.left > previousLeft,
            );
      const box = boxes[paired];
      if (!box) return;
      used.add(paired);
      fills[index] = boxFill(ink, box);
    });
  }
  return fills;
}

/** Indices of the options on each line, each line left to right. */
function byLine(located: readonly LocatedOption[]): number[][] {
  const lines: number[][] = [];
  const order = located
    .map((_, index) => index)
    .sort((a, b) => (located[a] as LocatedOption).bbox[0] - (located[b] as LocatedOption).bbox[0]);
  for (const index of order) {
    const box = (located[index] as LocatedOption).bbox;
    const line = lines.find(
      (candidate) =>
        verticalOverlapShare((located[candidate[0] as number] as LocatedOption).bbox, box) >= 0.5,
    );
    if (line) line.push(index);
    else lines.push([index]);
  }
  return lines;
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
