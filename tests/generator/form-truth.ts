/**
 * Ground truth of one rendered page: what the OCR and the extractor should find on it, and
 * where. Pixel coordinates refer to the page image as stored (after any scan rotation).
 */
import type { DocType, FieldGroup, FieldKey, ProgressMethod } from "./field-vocabulary.ts";
import type { FieldValue } from "./form-spec.ts";

/** [x, y, width, height] in pixels, top-left origin. */
export type BBox = [x: number, y: number, width: number, height: number];

export interface FieldTruth {
  label: string;
  group: FieldGroup;
  /**
   * The value as it appears on paper. Check boxes are spelt ☑ (ticked), ■ (filled) and
   * □ (empty) before each option; words circled by hand are listed in `circled`.
   */
  printed: string;
  value: FieldValue;
  /** Around the printed value (all its lines; boxes and option words for choices). */
  bbox: BBox;
  circled?: string[];
  /** Drawn in a handwriting typeface, slightly rotated and jittered. */
  handwritten?: true;
}

/** A 個人番号 printed on the page: what must be redacted, never a record field. */
export interface IndividualNumberTruth {
  /** As on paper: spaced, hyphenated or in full-width digits. */
  printed: string;
  /** The 12 ASCII digits. */
  digits: string;
  bbox: BBox;
  handwritten?: true;
}

export interface EntryTruth {
  /** ISO date. */
  date: string;
  method: ProgressMethod;
  /** NFKC, line breaks removed. */
  content: string;
  staff: string;
  printed: { date: string; method: string; content: string; staff: string };
  /** Around the table row. */
  bbox: BBox;
}

export interface FormTruth {
  docType: DocType;
  title: string;
  page: { width: number; height: number; dpi: number };
  fields: Partial<Record<FieldKey, FieldTruth>>;
  /** Progress records only: the rows of the 日付 / 対応方法 / 内容 / 対応者 table. */
  entries?: EntryTruth[];
  individualNumbers?: IndividualNumberTruth[];
  /**
   * Every line of text on the page in reading order, pieces on one baseline joined by a space.
   * Drawn marks (boxes, circles) are not text and do not appear.
   */
  lines: string[];
}
