/**
 * Ground truth of a case file as the clerk hands it in: what is on each page (a form's sheet, a
 * continuation sheet or a blank back side) and the forms the pipeline should turn into records.
 */
import type { DocType, FieldKey } from "./field-vocabulary.ts";
import type { FormLayout } from "./form-spec.ts";
import type { EntryTruth, FieldTruth, FormTruth, IndividualNumberTruth } from "./form-truth.ts";

export type CaseFileFormat = "pdf" | "tiff" | "jpeg";

/** How one page went through the scanner. */
export interface PageScan {
  dpi: number;
  mode: "colour" | "grey" | "bilevel";
  /** The sheet fed sideways or upside down, clockwise. */
  rotate: 0 | 90 | 180 | 270;
  skewDegrees: number;
}

/** One page of the file. Boxes are in pixels of the page image as stored in the file. */
export interface PageTruth {
  /** 1-based, as the pipeline numbers pages. */
  pageNumber: number;
  /** The back of a sheet with no text: it belongs to no form. */
  blank: boolean;
  /** The docType of the form the page belongs to (continuation sheets too); null when blank. */
  docType: DocType | null;
  /** The printed title; null on blank pages and continuation sheets, which have none. */
  title: string | null;
  /** Index in CaseFileTruth.forms; null when blank. */
  form: number | null;
  /** On a continuation sheet: the index of the form whose first sheet it continues. */
  continuationOf?: number;
  layout: FormLayout | null;
  page: FormTruth["page"];
  scan: PageScan;
  fields: FormTruth["fields"];
  entries?: EntryTruth[];
  individualNumbers?: IndividualNumberTruth[];
  /** The page's text in reading order (empty when blank), 個人番号 included as printed. */
  lines: string[];
}

/** Where on which page (1-based) a piece of the form's truth is. */
export type OnPage<T> = T & { page: number };

/** One form of the file: the unit that should become one record. */
export interface CaseFormTruth {
  docType: DocType;
  title: string;
  layout: FormLayout;
  /** 1-based page numbers of the form's sheets (not its blank back sides). */
  pages: number[];
  fields: Partial<Record<FieldKey, OnPage<FieldTruth>>>;
  entries?: OnPage<EntryTruth>[];
  /** Must be redacted and never reach the record; not a field. */
  individualNumbers?: OnPage<IndividualNumberTruth>[];
}

export interface CaseFileTruth {
  fileName: string;
  format: CaseFileFormat;
  pages: PageTruth[];
  forms: CaseFormTruth[];
}
