import { builtinFormDefinitions } from "../../config/forms/builtin-form-definitions.ts";
import {
  type FieldDefinition,
  type FieldType,
  type FormDefinitions,
  fieldsOf,
} from "../../config/forms/form-definitions.ts";
import { todayInJapan } from "../../config/japan-time.ts";
import type { BBox } from "../ocr/ocr-result.ts";
import { type AgeFields, withAgeCheckedAgainstBirthDate } from "./age-against-birth-date.ts";
import { type AnalysedPage, analysePage, type PageAnalysis } from "./analyse-page.ts";
import { centreX, centreY, containsPoint } from "./boxes.ts";
import { byValueShape } from "./by-value-shape.ts";
import { corroborate, corroborateTable, witnesses } from "./corroborate.ts";
import {
  type ExtractedForm,
  type FieldItem,
  formNeedsReview,
  joinReasons,
  type RecordItems,
} from "./extracted-form.ts";
import { findLabels, type LabelHit } from "./find-labels.ts";
import { findOptionsRow } from "./find-options-row.ts";
import type { LanguageModel } from "./language-model.ts";
import { lowConfidenceReason } from "./low-confidence.ts";
import { TermList, WELFARE_TERM_LIST } from "./normalise/correct-misread-terms.ts";
import { WELFARE_TERMS } from "./normalise/welfare-terms.ts";
import type { PageEvidence } from "./page-evidence.ts";
import {
  type PlannedDateFields,
  withPlannedDatesCheckedAgainstFormDates,
} from "./planned-after-form-date.ts";
import { readAtLabel } from "./read-at-label.ts";
import { DIGIT_TYPES, type FieldReading, type ReadFieldContext, readField } from "./read-field.ts";
import { readTableField } from "./read-table-field.ts";
import { type FormPages, segmentForms } from "./segment-forms.ts";
import { withStaffReadAsClientDisputed } from "./staff-read-as-client.ts";
import { withCellsReadAgain } from "./table-cells-read-again.ts";
import { withLikelierTableText } from "./table-text-likelier.ts";
import { readAtUnreadLabel } from "./unread-label.ts";

export interface ExtractFormsOptions {
  /** Built-in definitions, or those merged with a municipality's (loadFormDefinitions). */
  definitions?: FormDefinitions;
  /** A field read with less confidence than this goes to review. Default 0.85. */
  reviewThreshold?: number;
  /**
   * The same for a value whose ink shows type (FieldReading.typeset), names and paragraphs
   * excepted; never above reviewThreshold. Default 0.8.
   */
  typedReviewThreshold?: number;
  /**
   * The same for a paragraph (long text) whose ink shows type; never above the threshold for
   * other typed values. Default 0.6.
   */
  typedParagraphReviewThreshold?: number;
  /** Today in Japan as `YYYY-MM-DD`, against which dates are checked. Default: the clock's. */
  today?: string;
  /**
   * Chooses between readings of a text that differ (loadLanguageModel). Without it, only a
   * character two other readings agree on replaces the first reading's.
   */
  language?: LanguageModel;
}

/**
 * Precision first: a wrong value accepted unseen is the worst outcome, a right one sent to
 * review costs a click. Measured on generated forms, OCR confidences of wrong readings fall
 * mostly below this.
 */
export const DEFAULT_REVIEW_THRESHOLD = 0.85;
/**
 * Handwriting is read with surer confidence than it deserves, type with less. On generated case
 * files (seeds 5–7), of the values whose ink shows type read 80–85 % sure, 64 were right and none
 * wrong; of those read 70–80 % sure 55 were right and one wrong (a typed name, 高橋悠半 for
 * 悠斗, 77 %), and at 60–70 % (seeds 5 and 6) two of 32 (後藤。 久英子 typed, and a tidy
 * hand's 福田 家江).
 */
export const DEFAULT_TYPED_REVIEW_THRESHOLD = 0.8;
/**
 * A typed paragraph whose only doubt is OCR's confidence in its least sure word is right far more
 * often than that word says: tesseract doubts where a word of Japanese ends, and every misreading
 * it is sure of is caught by a check of the text (welfare terms, the language model, list
 * numbers, marks found in the ink) with a reason of its own. On generated case files (seeds 5, 6,
 * 18 and 20), the 59 typed paragraphs so held at 60–85 % were all right; of those at 40–60 %, 4
 * in 35 were wrong (間 read 問, 雇 read 属, a stray ・, へ read as katakana). Seed 7, run after,
 * had one wrong in 21 (世淀 for 世帯, read alike by every reading), which the lookalikes of
 * likelier-reading.ts now put right, for review.
 */
export const DEFAULT_TYPED_PARAGRAPH_REVIEW_THRESHOLD = 0.6;
/** Each misread character of the label makes it a little less certain the value is its. */
const LABEL_EDIT_FACTOR = 0.9;
/** A field found by its options, without its label. */
const OPTIONS_ROW_FACTOR = 0.9;

/**
 * The extract stage: the pages of one source file → the forms it holds, each with its docType,
 * pages and fields. Labels are read, not positions, so a layout never seen before reads as long
 * as its labels are among the definitions' variants. Blank pages produce nothing.
 */
export function extractForms(
  pages: readonly PageEvidence[],
  options: ExtractFormsOptions = {},
): ExtractedForm[] {
  const definitions = options.definitions ?? builtinFormDefinitions;
  const threshold = options.reviewThreshold ?? DEFAULT_REVIEW_THRESHOLD;
  const typeset = Math.min(
    threshold,
    options.typedReviewThreshold ?? DEFAULT_TYPED_REVIEW_THRESHOLD,
  );
  const thresholds: ReviewThresholds = {
    written: threshold,
    typeset,
    typesetParagraph: Math.min(
      typeset,
      options.typedParagraphReviewThreshold ?? DEFAULT_TYPED_PARAGRAPH_REVIEW_THRESHOLD,
    ),
  };
  const context: ReadFieldContext = {
    today: options.today ?? todayInJapan(),
    terms: termListOf(definitions),
    ...(options.language ? { language: options.language } : {}),
  };
  const analysed = pages
    .filter((page) => !page.blank)
    .sort((a, b) => a.pageNumber - b.pageNumber)
    .map((page) => analysePage(page, definitions));
  return segmentForms(analysed, definitions).map((form, formIndex) => {
    const read: RecordItems = { common: {}, optional: {}, custom: {} };
    const notFound: FieldDefinition[] = [];
    for (const field of fieldsOf(definitions, form.docType)) {
      const reading = readBest(field, form, context);
      if (!reading && field.docTypes !== "any") notFound.push(field);
      read[field.group][field.key] = toItem(field, reading, thresholds);
    }
    const placed = readAtUnreadLabel(notFound, form.pages, readBoxes(read), context);
    if (placed)
      read[placed.field.group][placed.field.key] = toItem(placed.field, placed.reading, thresholds);
    const formFields = fieldsOf(definitions, form.docType);
    const ageFields = ageFieldsOf(formFields);
    const items = withStaffReadAsClientDisputed(
      withPlannedDatesCheckedAgainstFormDates(
        ageFields ? withAgeCheckedAgainstBirthDate(read, ageFields, context.today) : read,
        plannedDateFieldsOf(formFields),
      ),
    );
    const classification = { by: form.classifiedBy, title: form.title };
    return {
      formIndex,
      docType: form.docType,
      pages: form.pages.map((page) => page.text.pageNumber),
      items,
      redactions: [],
      needsReview: formNeedsReview({ items, classification }),
      classification,
    };
  });
}

/**
 * Every place the field's label was found, on any page of the form, read; the reading with a
 * value and the fewest doubts wins. A choice field whose label was lost is looked for by its
 * row of options.
 */
function readBest(
  field: FieldDefinition,
  form: FormPages,
  context: ReadFieldContext,
): FieldReading | null {
  if (field.type === "table") {
    const reading = readTableField(field, form.pages, context);
    // The table as another reading of every page of the form read it, if all were read so.
    const readAgain = (other: (page: AnalysedPage) => PageAnalysis | null) => {
      const analyses = form.pages.map(other);
      return analyses.every((analysis) => analysis !== null)
        ? readTableField(field, analyses as PageAnalysis[], context)
        : null;
    };
    const second = readAgain((page) => page.rescaled);
    const third = readAgain((page) => page.wholePage);
    if (!reading) return null;
    const filled = withCellsReadAgain(field, reading, second);
    const corroborated = corroborateTable(filled, second, third);
    return withLikelierTableText(field, corroborated, [second, third], context.language);
  }
  const readings = form.pages.flatMap((page) =>
    page.labels
      .filter((hit) => hit.key === field.key)
      .map((hit) => {
        const read = readAtLabel(field, hit, page, context);
        const reading = {
          ...read,
          confidence: read.confidence * labelFactor(fewestLabelEdits(hit, page)),
        };
        return corroborate(reading, field, page, context, labelFactor);
      }),
  );
  if (readings.length === 0 && field.options)
    readings.push(...byOptionsRow(field, form.pages, context));
  if (readings.length === 0)
    readings.push(...byOtherReadings(field, form.pages, context, LABEL_READ_ELSEWHERE));
  // A circle drawn through an option's words may leave the first reading nothing of them (終結
  // circled beside 継続, both lost, on seed 25) where another reading kept a word to lay the
  // marks on.
  else if (field.options && readings.every((reading) => reading.value === null))
    readings.push(...byOtherReadings(field, form.pages, context, VALUE_READ_ELSEWHERE));
  const atMisreadLabel = readings.length === 0 ? byMisreadLabel(field, form.pages, context) : [];
  readings.push(...atMisreadLabel.filter((reading) => reading.value !== null));
  if (readings.length === 0) readings.push(...byValueShape(field, form.pages, context));
  if (readings.length === 0) readings.push(...atMisreadLabel);
  return (
    readings.sort(
      (a, b) =>
        Number(b.value !== null) - Number(a.value !== null) ||
        a.reasons.length - b.reasons.length ||
        b.confidence - a.confidence,
    )[0] ?? null
  );
}

/**
 * A label's misread characters as the reading that read it best gives them: the label is printed
 * once, and each reading misreads it on its own (情報共有の同意 read 情報胡有の韻意, two
 * characters off, and 情報共有の同上 enlarged, one off: a circled 同意する was held to review at
 * 81 % for that alone). On seeds 16 and 25–31 five values more were accepted so, all right.
 */
function fewestLabelEdits(hit: LabelHit, page: AnalysedPage): number {
  const sameLabel = [page.rescaled, page.wholePage]
    .flatMap((analysis) => analysis?.labels ?? [])
    .filter(
      (other) =>
        other.key === hit.key && containsPoint(hit.bbox, centreX(other.bbox), centreY(other.bbox)),
    );
  return Math.min(hit.edits, ...sameLabel.map((other) => other.edits));
}

/** The form's planned dates and its own dates. */
function plannedDateFieldsOf(fields: readonly FieldDefinition[]): PlannedDateFields {
  return {
    planned: fields.filter((field) => field.type === "date" && field.plausibility === "planned"),
    events: eventDateFields(fields),
  };
}

function eventDateFields(fields: readonly FieldDefinition[]): FieldDefinition[] {
  return fields.filter((field) => field.type === "date" && field.plausibility === "event");
}

/** The form's 年齢 and 生年月日 with its dates, when it has both. */
function ageFieldsOf(fields: readonly FieldDefinition[]): AgeFields | undefined {
  const age = fields.find((field) => field.plausibility === "age");
  const birth = fields.find((field) => field.plausibility === "birth");
  return age && birth ? { age, birth, events: eventDateFields(fields) } : undefined;
}

const LABEL_READ_ELSEWHERE = "項目名は別の読み取りでだけ読めました";
const VALUE_READ_ELSEWHERE = "選択肢は別の読み取りでだけ読めました";

/**
 * A label the page's first reading misread (主訴 read as :記) the enlarged reading, or the
 * whole-page reading of a ruled form, may have read right. A value found only so has no second
 * reading to stand beside it: it is kept, always for review.
 */
function byOtherReadings(
  field: FieldDefinition,
  pages: readonly AnalysedPage[],
  context: ReadFieldContext,
  readElsewhere: string,
): FieldReading[] {
  return pages.flatMap((page) =>
    [page.rescaled, page.wholePage].flatMap((analysis) =>
      (analysis?.labels ?? [])
        .filter((hit) => hit.key === field.key)
        .flatMap((hit) => {
          const other = readAtLabel(field, hit, analysis as PageAnalysis, context);
          const first = readAtLabel(field, hit, page, context);
          const reading = withLinesDropped(other, first);
          if (reading.value === null) return [];
          return [
            {
              ...reading,
              confidence: reading.confidence * labelFactor(hit.edits),
              reasons: readAlike(other, first)
                ? reading.reasons
                : [...reading.reasons, readElsewhere],
            },
          ];
        }),
    ),
  );
}

/**
 * The first reading gives, without a doubt, the value the other reading gives at its label: only
 * the first reading misread the label, and the value is read by two readings alike.
 */
function readAlike(other: FieldReading, first: FieldReading): boolean {
  return first.reasons.length === 0 && witnesses(other, first);
}

/**
 * The first reading at the label's place, when it gives the other reading's value and more: the
 * other reading dropped a wrapped line (a paragraph's last line 談したい。). Otherwise the other
 * reading, whose label it is: the first reading's misread label often misread its value too.
 */
function withLinesDropped(other: FieldReading, first: FieldReading): FieldReading {
  return typeof other.value === "string" &&
    typeof first.value === "string" &&
    first.value.length > other.value.length &&
    first.value.startsWith(other.value)
    ? first
    : other;
}

/**
 * A field whose label was not found may still be printed, its label misread past what
 * findLabels allows (年齢 read as 年上): a field left out silently would be accepted as absent.
 * Its label is looked for once more with one more misread character; a value read there that
 * passes its type's checks is kept, always for review. So is one that fails them where digits
 * are written for a field of digits: on held-out seed 15 a handwritten age 42歳 read 2蔵 beside
 * 年上 was left out and so accepted as absent. (The caller takes such a value, null, only when
 * no other way finds the field.)
 */
function byMisreadLabel(
  field: FieldDefinition,
  pages: readonly AnalysedPage[],
  context: ReadFieldContext,
): FieldReading[] {
  if (field.labels.length === 0 || field.type === "table") return [];
  return pages.flatMap((page) =>
    findLabels(page.text, [field], page.claimed, 1).flatMap((hit) => {
      const reading = readAtLabel(field, hit, page, context);
      if (reading.value === null && !(DIGIT_TYPES.has(field.type) && /\d/u.test(reading.raw ?? "")))
        return [];
      return [
        {
          ...reading,
          confidence: reading.confidence * LABEL_EDIT_FACTOR ** hit.edits,
          reasons: [...reading.reasons, `項目名が「${field.labels[0]}」と確かには読めません`],
        },
      ];
    }),
  );
}

function byOptionsRow(
  field: FieldDefinition,
  pages: readonly AnalysedPage[],
  context: ReadFieldContext,
): FieldReading[] {
  return pages.flatMap((page) => {
    const value = findOptionsRow(field, page);
    if (!value) return [];
    const reading = readField(field, value, page.text, context);
    return [{ ...reading, confidence: reading.confidence * OPTIONS_ROW_FACTOR }];
  });
}

const labelFactor = (edits: number) => LABEL_EDIT_FACTOR ** edits;

/** Where each value read on a form lies. */
function readBoxes(read: RecordItems): { page: number; bbox: BBox }[] {
  return Object.values(read).flatMap((group: Record<string, FieldItem>) =>
    Object.values(group).flatMap((item) =>
      item.page !== null && item.bbox !== null ? [{ page: item.page, bbox: item.bbox }] : [],
    ),
  );
}

/**
 * Confidence below which a value goes to review: whoever wrote it, when its ink shows type, and
 * for a paragraph in type.
 */
interface ReviewThresholds {
  written: number;
  typeset: number;
  typesetParagraph: number;
}

/**
 * Held to the threshold for any writing even in type: the kanji of names have look-alikes that
 * make names too, which OCR reads 80–85 % sure in type (一郎 read 一朗 in the integration test's
 * forms, 悠斗 read 悠半 on seed 7).
 */
const HELD_IN_TYPE_TOO: ReadonlySet<FieldType> = new Set(["name"]);

function thresholdFor(
  type: FieldType,
  typeset: boolean | undefined,
  thresholds: ReviewThresholds,
): number {
  if (!typeset || HELD_IN_TYPE_TOO.has(type)) return thresholds.written;
  return type === "longtext" ? thresholds.typesetParagraph : thresholds.typeset;
}

/**
 * Why a reading is not sure enough: its confidence under the threshold its type and ink ask
 * for, or for a table each cell's under its own column's, the cell named.
 */
function lowConfidenceReasons(
  type: FieldType,
  reading: FieldReading,
  thresholds: ReviewThresholds,
): string[] {
  if (!reading.cells)
    return reading.confidence < thresholdFor(type, reading.typeset, thresholds)
      ? [lowConfidenceReason(reading.confidence)]
      : [];
  return reading.cells
    .filter((cell) => cell.confidence < thresholdFor(cell.type, cell.typeset, thresholds))
    .map((cell) => cell.reasonPrefix + lowConfidenceReason(cell.confidence));
}

function toItem(
  field: FieldDefinition,
  reading: FieldReading | null,
  thresholds: ReviewThresholds,
): FieldItem {
  if (!reading) {
    const common = field.group === "common";
    return {
      value: null,
      confidence: 0,
      needsReview: common,
      page: null,
      bbox: null,
      raw: null,
      ...(common ? { reason: "項目が見つかりません" } : {}),
    };
  }
  const borneOut = new Set(reading.repairsBorneOut ? reading.repairs : []);
  const doubtless = reading.reasons.every((reason) => borneOut.has(reason));
  const lowConfidence = lowConfidenceReasons(field.type, reading, thresholds);
  const reasons =
    reading.value === null || !doubtless
      ? reading.reasons
      : lowConfidence.length > 0
        ? [...lowConfidence, ...reading.reasons]
        : [];
  return {
    value: reading.value,
    confidence: Math.round(reading.confidence * 1000) / 1000,
    needsReview: reading.value === null || reasons.length > 0,
    page: reading.page,
    bbox: reading.bbox,
    raw: reading.raw,
    ...(reasons.length > 0 ? { reason: joinReasons(reasons) } : {}),
  };
}

const termLists = new WeakMap<FormDefinitions, TermList>();

/** The welfare terms with the definitions' own, built once per set of definitions. */
function termListOf(definitions: FormDefinitions): TermList {
  if (!definitions.terms?.length) return WELFARE_TERM_LIST;
  const known = termLists.get(definitions);
  if (known) return known;
  const list = new TermList([...new Set([...WELFARE_TERMS, ...definitions.terms])]);
  termLists.set(definitions, list);
  return list;
}
