/**
 * What one paper form says, fully decided before drawing: the renderer only lays it out, so
 * the ground truth is exactly what the generator chose to print.
 */
import type { DocType, FieldGroup, FieldKey, ProgressMethod } from "./field-vocabulary.ts";
import type { HandFont } from "./fonts.ts";

export type FieldValue = string | number | boolean | string[];

export interface TextContent {
  kind: "text";
  /** May hold "\n" where the writer broke the line (numbered goals); wrapping adds more. */
  printed: string;
  /** Words circled by hand, such as the era on a printed 大正・昭和・平成 row. */
  circled?: string[];
}

/** How the chosen option is marked: a ticked box, a filled box, or the word circled by hand. */
export type ChoiceMark = "check" | "fill" | "circle";

export interface ChoiceContent {
  kind: "choice";
  options: { label: string; selected: boolean }[];
  mark: ChoiceMark;
}

export interface FormField {
  key: FieldKey;
  group: FieldGroup;
  label: string;
  content: TextContent | ChoiceContent;
  /** Normalised as the spec says (ISO date, katakana reading, option code...). */
  value: FieldValue;
  /** Written in by hand (in the sheet's `hand`) rather than typed. Text values only. */
  handwritten?: boolean;
}

export interface ProgressEntry {
  date: { printed: string; value: string };
  method: { printed: string; value: ProgressMethod };
  content: string;
  staff: { printed: string; value: string };
}

export type FormRow =
  /** One or two label/value pairs side by side. */
  | { kind: "cells"; fields: FormField[] }
  /** A label across the page and the long text below it, in a box at least `minLines` high. */
  | { kind: "block"; field: FormField; minLines: number }
  | { kind: "progress-table"; entries: ProgressEntry[] }
  /**
   * A 個人番号 row on an old intake sheet: not a field of the record (the platform must never
   * receive it), so it carries its digits instead of a FieldKey.
   */
  | {
      kind: "individual-number";
      label: string;
      printed: string;
      digits: string;
      handwritten?: boolean;
    };

/**
 * ruled-grid: label cells left of value cells in a ruled table; label-colon: unruled lines such
 * as 氏名：山田 花子 with long text as paragraphs; label-above-box: a small label over a ruled box
 * holding the value, boxes side by side or stacked.
 */
export type FormLayout = "ruled-grid" | "label-colon" | "label-above-box";

export interface FormStyle {
  labelAlign: "left" | "center" | "distribute";
  labelWidthMm: number;
  /** Title typed with wide letter spacing (相 談 受 付 票), as many printed forms do. */
  spacedTitle: boolean;
  /** Light dotted writing lines inside long-text boxes. */
  writingLines: boolean;
}

export interface FormSpec {
  docType: DocType;
  title: string;
  /** Drives the hand-drawn details (circles, ticks) so a spec always renders the same way. */
  seed: number;
  /** 様式番号 printed in the top-left corner. */
  formNumber?: string;
  /** A boxed handling mark such as 取扱注意 in the top-right corner. */
  stamp?: string;
  /** The form's own date printed right-aligned under the title instead of inside the grid. */
  dateLine?: FormField;
  rows: FormRow[];
  /** A note printed under the grid. */
  footnote?: string;
  style: FormStyle;
  /** Default ruled-grid. */
  layout?: FormLayout;
  /** The writer's hand for handwritten values. */
  hand?: HandFont;
  /**
   * The second sheet of a form that ran over: no title or header, its rows carry on from the
   * first sheet's.
   */
  continued?: boolean;
}
