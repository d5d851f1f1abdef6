import type { FieldDefinition } from "../../config/forms/form-definitions.ts";
import type { BBox } from "../ocr/ocr-result.ts";
import { type EraName, eraNames } from "./normalise/japanese-eras.ts";
import { normaliseValue } from "./normalise-value.ts";
import type { Glyph, PageText, Token } from "./page-text.ts";
import { rawText } from "./raw-text.ts";
import { readChoice } from "./read-choice.ts";
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
}

export interface ReadFieldContext {
  today: string;
}

/**
 * Between the words of one short value a gap this wide (in em) means the reading ran on into a
 * neighbouring column whose label was not recognised.
 */
const WIDE_GAP_EM = 2.5;
const ERA_OPTIONS = eraNames.map((era) => ({ code: era, words: [era] }));

export function readField(
  field: FieldDefinition,
  value: ValueText,
  page: PageText,
  context: ReadFieldContext,
): FieldReading {
  const base = { page: page.pageNumber, bbox: value.bbox };
  if (value.lines.length === 0) {
    return { ...base, value: null, raw: null, confidence: 0, reasons: ["記入が読み取れません"] };
  }
  const text = rawText(value.lines, "text", value.em);
  if (field.type === "choice" || field.type === "boolean" || field.type === "multichoice") {
    const reading = readChoice(value.lines, field.options ?? [], {
      multiple: field.type === "multichoice",
      ink: page.ink,
      em: value.em,
    });
    const chosen = field.type === "multichoice" ? reading.codes : (reading.codes[0] ?? null);
    return {
      ...base,
      bbox: reading.bbox ?? value.bbox,
      value: chosen,
      raw: text,
      confidence: reading.confidence,
      reasons: reading.reasons,
    };
  }
  const reasons: string[] = [];
  let confidence = ocrConfidence(value.lines.flat().flatMap((token) => token.glyphs));
  let circledEra: EraName | undefined;
  if (field.type === "date" && eraNames.filter((era) => text.includes(era)).length > 1) {
    const era = readChoice(value.lines, ERA_OPTIONS, {
      multiple: false,
      ink: page.ink,
      em: value.em,
    });
    circledEra = era.codes[0] as EraName | undefined;
    confidence = Math.min(confidence, era.confidence);
    reasons.push(...era.reasons);
  }
  if (
    field.type !== "longtext" &&
    value.lines.some((line) => widestGap(line) > WIDE_GAP_EM * value.em)
  ) {
    reasons.push("値の途中に広い空白があります（隣の欄の文字が混じっている可能性）");
  }
  const raw = rawText(value.lines, field.type, value.em);
  const result = normaliseValue(field.type, raw, {
    today: context.today,
    ...(field.plausibility ? { plausibility: field.plausibility } : {}),
    ...(circledEra ? { circledEra } : {}),
  });
  if (!result.ok) {
    return { ...base, value: null, raw, confidence: 0, reasons: [...reasons, result.reason] };
  }
  return {
    ...base,
    value: result.value,
    raw,
    confidence,
    reasons: [...reasons, ...(result.warnings ?? [])],
  };
}

/**
 * The value is as doubtful as its most doubtful character: one misread digit makes a wrong
 * date, and OCR's confidence is lowest exactly where it guessed.
 */
export function ocrConfidence(glyphs: readonly Glyph[]): number {
  return glyphs.length === 0 ? 0 : Math.min(...glyphs.map((glyph) => glyph.confidence));
}

function widestGap(line: readonly Token[]): number {
  let widest = 0;
  for (let i = 1; i < line.length; i++) {
    const before = line[i - 1] as Token;
    widest = Math.max(widest, (line[i] as Token).bbox[0] - (before.bbox[0] + before.bbox[2]));
  }
  return widest;
}
