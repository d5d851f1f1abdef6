import type { FieldDefinition, FieldType } from "../../config/forms/form-definitions.ts";
import type { GreyImage } from "../ocr/grey-image.ts";
import type { BBox } from "../ocr/ocr-result.ts";
import { centreX, centreY, containsPoint } from "./boxes.ts";
import { bracketedWord } from "./bracketed-word.ts";
import { withDroppedMarks } from "./dropped-punctuation.ts";
import { withEraRepaired } from "./era-misread.ts";
import { readWithOneTooMany, withExtraCharactersDropped } from "./extra-character.ts";
import { digitSpread, digitsLookHandwritten } from "./handwritten-digits.ts";
import type { LanguageModel } from "./language-model.ts";
import { characterOverTwo } from "./merged-characters.ts";
import { withoutExtraNameCharacter } from "./name-extra-character.ts";
import { unknownNameWarnings } from "./name-in-dictionary.ts";
import { DOUBTFUL_SPACE, spaceName } from "./name-spacing.ts";
import type { TermList } from "./normalise/correct-misread-terms.ts";
import { type EraName, eraNames } from "./normalise/japanese-eras.ts";
import { type NormaliseContext, normaliseValue } from "./normalise-value.ts";
import type { Glyph, PageText, Token } from "./page-text.ts";
import { rawText } from "./raw-text.ts";
import { readChoice } from "./read-choice.ts";
import { withoutCharacterReadTwice } from "./read-twice.ts";
import {
  lineStray,
  paragraphLooksHandwritten,
  strayLikeAHand,
  strayLikeType,
} from "./typeset-line.ts";
import { typesetValueConfidence, valueConfidence } from "./value-confidence.ts";
import type { ValueText } from "./value-region.ts";

/** One field as read from one place on one page, before it becomes a record item. */
export interface FieldReading {
  /** Normalised per the spec; null when it could not be read. */
  value: unknown;
  raw: string | null;
  bbox: BBox | null;
  page: number;
  /** 0..1: how likely the value is right. */
  confidence: number;
  /** Why a reviewer should look at it; empty when nothing is known to be wrong. */
  reasons: string[];
  /**
   * Those of `reasons` that say what was changed from the text OCR gave to reach the value (a
   * word put back, a dropped 、 supplied from the ink): another reading that gives the value
   * without a doubt of its own bears them out (corroborate.ts). Absent when there are none.
   */
  repairs?: string[];
  /** Another reading bore the repairs out: alone, they do not send the value to review. */
  repairsBorneOut?: boolean;
  /**
   * The value's ink stands on straight lines as type does (typeset-line.ts): it may be accepted
   * at the lower threshold for typed values.
   */
  typeset?: boolean;
  /**
   * A table's cells: each is held to the review threshold of its own column's type and ink, as
   * a value of its own would be (a 内容 in type to a typed paragraph's, a 対応者 to a name's).
   * The reading's `confidence` is the least of theirs.
   */
  cells?: CellConfidence[];
  /** A paragraph's characters as read, for another reading to confirm one by one. */
  glyphs?: readonly Glyph[];
  /**
   * An address line was read with one character more than its typed ink spans: a reading that
   * gives it without one character is likelier right (corroborate.ts).
   */
  oneTooMany?: boolean;
}

/** How sure one table cell's reading is, for FieldReading.cells. */
export interface CellConfidence {
  /** Names the cell in a review reason (cellReasonPrefix). */
  reasonPrefix: string;
  type: FieldType;
  confidence: number;
  typeset: boolean;
}

export interface ReadFieldContext {
  today: string;
  /** Words a misread character in a text is put back to; the welfare terms by default. */
  terms?: TermList;
  /** Chooses between readings of a text that differ (likelier-reading.ts); none: the vote only. */
  language?: LanguageModel;
}

/**
 * Between the words of one short value a gap this wide (in em) means the reading ran on into a
 * neighbouring column whose label was not recognised.
 */
const WIDE_GAP_EM = 2.5;
const MARKS_ONLY = /^\p{P}*$/u;
/**
 * A value of punctuation alone (・ or .) is a speck of dirt or a scanning artefact OCR read as
 * the nearest small mark, in both readings alike: nothing was written there.
 */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** The types written in digits, whose handwriting the digits' ink shows. */
export const DIGIT_TYPES: ReadonlySet<FieldType> = new Set([
  "date",
  "integer",
  "postal",
  "phone",
  "id",
]);
/**
 * Names are checked for two characters read as one however straight they stand: a tidy hand's
 * few characters stand as straight as type (加藤 優子, seed 44).
 */
const NAMES: ReadonlySet<FieldType> = new Set(["name", "kana"]);
/** A date written with 年月日, not in digits and separators alone (2022/4/23, R5.4.12). */
const KANJI_DATE = /[年月日]/u;
const HANDWRITTEN_DIGITS =
  "手書きの数字に見えます（手書きは読み違えても確信度が高く出ることがあります）";
const HANDWRITTEN_PARAGRAPH =
  "手書きの文章に見えます（手書きは読み違えても確信度が高く出ることがあります）";
const HANDWRITTEN_ADDRESS =
  "手書きの住所に見えます（手書きは読み違えても確信度が高く出ることがあります）";

/** Reads a field's value: its marks for the choice types, its text for the others. */
export function readField(
  field: FieldDefinition,
  value: ValueText,
  page: PageText,
  context: ReadFieldContext,
): FieldReading {
  if (value.lines.length === 0) {
    return {
      page: page.pageNumber,
      bbox: value.bbox,
      value: null,
      raw: null,
      confidence: 0,
      reasons: ["記入が読み取れません"],
    };
  }
  return MARKED.has(field.type)
    ? readMarked(field, value, page)
    : readWritten(field, value, page, context);
}

const MARKED: ReadonlySet<FieldType> = new Set(["choice", "boolean", "multichoice"]);

function readMarked(field: FieldDefinition, value: ValueText, page: PageText): FieldReading {
  const reading = readChoice(value.lines, field.options ?? [], {
    multiple: field.type === "multichoice",
    ink: page.ink,
    em: value.em,
    cell: cellAround(value.bbox, page),
  });
  return {
    page: page.pageNumber,
    bbox: reading.bbox ?? value.bbox,
    value: field.type === "multichoice" ? reading.codes : (reading.codes[0] ?? null),
    raw: rawText(value.lines, "text", value.em),
    confidence: reading.confidence,
    reasons: reading.reasons,
  };
}

/** The ruled cell a value was read in; null on unruled layouts. */
function cellAround(box: BBox | null, page: PageText): BBox | null {
  if (!box) return null;
  return page.cells.find((cell) => containsPoint(cell, centreX(box), centreY(box))) ?? null;
}

function readWritten(
  field: FieldDefinition,
  value: ValueText,
  page: PageText,
  context: ReadFieldContext,
): FieldReading {
  const reasons: string[] = [];
  const glyphs = value.lines.flat().flatMap((token) => token.glyphs);
  const stray = page.ink === null ? undefined : lineStray(value.lines, page.ink, value.em);
  const typeset = strayLikeType(stray);
  let confidence = (typeset ? typesetValueConfidence : valueConfidence)(field.type, glyphs);
  let circledEra: EraName | undefined;
  const printedEras = eraNames.filter((era) =>
    rawText(value.lines, "text", value.em).includes(era),
  );
  if (field.type === "date" && printedEras.length > 1) {
    const options = printedEras.map((era) => ({ code: era, words: [era] }));
    const era = readChoice(value.lines, options, { multiple: false, ink: page.ink, em: value.em });
    circledEra = era.codes[0] as EraName | undefined;
    confidence = Math.min(confidence, era.confidence);
    reasons.push(...era.reasons);
    const bracketed = circledEra
      ? null
      : bracketedWord(rawText(value.lines, "text", value.em), printedEras);
    if (bracketed) {
      circledEra = bracketed;
      reasons.push(`丸囲みは印から確かめられず、括弧に読めた「${bracketed}」を選びました`);
    }
  }
  if (
    field.type !== "longtext" &&
    value.lines.some((line) => widestGap(line, typeset) > WIDE_GAP_EM * value.em)
  ) {
    reasons.push("値の途中に広い空白があります（隣の欄の文字が混じっている可能性）");
  }
  if (
    page.ink &&
    DIGIT_TYPES.has(field.type) &&
    (strayLikeAHand(stray, field.type === "date" && glyphs.some((g) => KANJI_DATE.test(g.char))) ||
      digitsLookHandwritten(digitSpread(glyphs, page.ink, value.em)))
  ) {
    reasons.push(HANDWRITTEN_DIGITS);
  }
  if (field.type === "address" && strayLikeAHand(stray, true)) reasons.push(HANDWRITTEN_ADDRESS);
  if (
    page.ink &&
    field.type === "longtext" &&
    paragraphLooksHandwritten(value.lines, page.ink, value.em)
  ) {
    reasons.push(HANDWRITTEN_PARAGRAPH);
  }
  const overTwo =
    page.ink && field.type !== "longtext" && (!typeset || NAMES.has(field.type))
      ? characterOverTwo(value.lines, page.ink, value.em, {
          againstOthers: field.type === "name",
        })
      : undefined;
  if (overTwo)
    reasons.push(
      `「${overTwo.char}」一字の幅に一字より多くの墨があります（一字の読み落としの可能性）`,
    );
  const written = writtenText(value.lines, field.type, page.ink, value.em, context.language);
  const ink = page.ink;
  const oneTooMany =
    field.type === "address" &&
    ink !== null &&
    value.lines.some((line) => readWithOneTooMany(line, ink, value.em));
  reasons.push(...written.reasons);
  const normalise = (text: string) =>
    normaliseValue(field.type, text, normaliseContextOf(field, context, circledEra));
  const first = normalise(written.text);
  const result =
    !first.ok && field.type === "date"
      ? (withEraRepaired(written.text, normalise) ?? first)
      : first;
  const base = { page: page.pageNumber, bbox: value.bbox, raw: written.text };
  if (!result.ok)
    return { ...base, value: null, confidence: 0, reasons: [...reasons, result.reason] };
  if (typeof result.value === "string" && !LETTER_OR_DIGIT.test(result.value))
    return { ...base, value: null, confidence: 0, reasons: [...reasons, "記入が読み取れません"] };
  const repairs = [...written.repairs, ...(result.repairs ?? [])];
  const unknownName =
    field.type === "name" && context.language && typeof result.value === "string"
      ? unknownNameWarnings(result.value, context.language)
      : [];
  return {
    ...base,
    value: result.value,
    confidence,
    reasons: [...reasons, ...(result.warnings ?? []), ...unknownName],
    ...(repairs.length > 0 ? { repairs } : {}),
    ...(typeset ? { typeset } : {}),
    ...(field.type === "longtext" ? { glyphs } : {}),
    ...(oneTooMany ? { oneTooMany } : {}),
  };
}

/** What a field's normaliser is told: the day, the terms, the field's plausible dates. */
export function normaliseContextOf(
  field: FieldDefinition,
  context: ReadFieldContext,
  circledEra?: EraName,
): NormaliseContext {
  return { ...context, plausibility: field.plausibility, circledEra };
}

/**
 * A value's text for its normaliser, from the ink where there is ink: for names the space
 * between 姓 and 名 measured, with a reason for review when the measurement is not conclusive,
 * and a character OCR read twice read once, for review; for text a 、 or 。 OCR dropped put
 * back, with a reason for review naming it. `repairs`: those of the reasons that name a change
 * made to the text.
 */
export function writtenText(
  lines: readonly Token[][],
  type: FieldType,
  ink: GreyImage | null,
  em: number,
  language?: LanguageModel,
): { text: string; reasons: string[]; repairs: string[] } {
  const asRead = () => ({ text: rawText(lines, type, em), reasons: [], repairs: [] });
  if (!ink) return asRead();
  if (type === "text" || type === "longtext") {
    const restored = withDroppedMarks(lines, ink, em);
    const counted = language
      ? withExtraCharactersDropped(restored.lines, ink, em, language)
      : { lines: restored.lines, repairs: [], warnings: [] };
    const repairs = [...restored.reasons, ...counted.repairs];
    return {
      text: rawText(counted.lines, type, em),
      reasons: [...repairs, ...counted.warnings],
      repairs,
    };
  }
  if (type !== "name" && type !== "kana") return asRead();
  const readTwice = withoutCharacterReadTwice(lines, em);
  const extra =
    readTwice || type !== "name" || !language
      ? undefined
      : withoutExtraNameCharacter(lines, em, language);
  const spaced = spaceName(readTwice?.lines ?? extra?.lines ?? lines, { ink, em, script: type });
  const repairs = readTwice
    ? [`「${readTwice.char}」が二度読まれていたのを一字にしました`]
    : extra
      ? [`字数より一字多く読まれた「${extra.char}」を除きました`]
      : [];
  return {
    text: spaced.text,
    reasons: [...repairs, ...(spaced.doubtful ? [DOUBTFUL_SPACE] : [])],
    repairs,
  };
}

/**
 * The widest blank between the line's words. In a typed value, marks alone (R4-0457 … *,
 * 単身世帯 … .) are specks of the scan, which the normalisers drop, not a neighbour's
 * characters: the blank is measured across them. Not in handwriting, where a mark apart may be a
 * stroke of a character OCR read apart, and the wide blank the only sign of a misreading seen
 * (佐藤 忠衣 for 麻衣, read 86 % sure).
 */
function widestGap(line: readonly Token[], acrossMarks: boolean): number {
  const words = acrossMarks
    ? line.filter((token) => !MARKS_ONLY.test(token.glyphs.map((glyph) => glyph.char).join("")))
    : line;
  let widest = 0;
  for (let i = 1; i < words.length; i++) {
    const before = words[i - 1] as Token;
    widest = Math.max(widest, (words[i] as Token).bbox[0] - (before.bbox[0] + before.bbox[2]));
  }
  return widest;
}
