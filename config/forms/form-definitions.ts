/**
 * The shape of the form definitions the extractor reads labels by: which document types exist
 * and how their titles are printed, and which fields (項目) each one carries, under which printed
 * labels (項目名). Built-in definitions follow /work/shared/spec/record-fields.md; a municipality
 * may add title and label variants and its own fields (独自項目) on top.
 */
import type { DocType } from "../../workers/extract/extracted-form.ts";

/** Every document type except `unknown`, which has no title and no fields of its own. */
export type FormDocType = Exclude<DocType, "unknown">;

/** 共通項目 / 選択項目 / 独自項目 of the platform's data standard. */
export type FieldGroup = "common" | "optional" | "custom";

/**
 * How a value is printed and normalised. `text` and `longtext` differ in reading: a long text
 * (主訴, 相談内容 …) runs over wrapped lines until the next label.
 */
export const fieldTypes = [
  "id",
  "name",
  "kana",
  "date",
  "integer",
  "choice",
  "multichoice",
  "postal",
  "text",
  "address",
  "phone",
  "longtext",
  "boolean",
  "table",
] as const;
export type FieldType = (typeof fieldTypes)[number];

/**
 * What a value must be plausible as, beyond its type: an age (年齢) of a living person, a birth
 * date (生年月日) in the past, the date of something that happened (受付日, 開催日 …), or a planned
 * date (次回評価予定日), in these systems' years but perhaps to come.
 */
export type Plausibility = "age" | "birth" | "event" | "planned";

/** One option of a choice field: its code in the record, and the words printed for it. */
export interface ChoiceOptionDefinition {
  code: string | boolean;
  words: readonly string[];
}

/** One column of a table field such as the 支援経過 table (日付 / 対応方法 / 内容 / 対応者). */
export interface TableColumnDefinition {
  key: string;
  /** Heading variants printed over the column. */
  labels: readonly string[];
  type: Exclude<FieldType, "table" | "multichoice">;
  options?: readonly ChoiceOptionDefinition[];
}

export interface FieldDefinition {
  key: string;
  group: FieldGroup;
  /** Printed label variants (項目名), the spec's first. Empty for a table, found by its headings. */
  labels: readonly string[];
  type: FieldType;
  /** The forms the field is printed on; "any" for the header fields every form may carry. */
  docTypes: readonly FormDocType[] | "any";
  /** For choice, multichoice and boolean fields. */
  options?: readonly ChoiceOptionDefinition[];
  /** For table fields. */
  columns?: readonly TableColumnDefinition[];
  plausibility?: Plausibility;
}

export interface DocTypeDefinition {
  docType: FormDocType;
  /** Title variants printed at the top of the form. */
  titles: readonly string[];
}

export interface FormDefinitions {
  docTypes: readonly DocTypeDefinition[];
  fields: readonly FieldDefinition[];
  /**
   * A municipality's own words of three characters or more (its agencies, wards, programmes),
   * put back like the welfare terms when OCR misreads one character of them.
   */
  terms?: readonly string[];
}

/** The fields that may be printed on a form of `docType`: its own and the header fields. */
export function fieldsOf(definitions: FormDefinitions, docType: DocType): FieldDefinition[] {
  return definitions.fields.filter(
    (field) =>
      field.docTypes === "any" || (docType !== "unknown" && field.docTypes.includes(docType)),
  );
}
