import { foldLookalikes } from "./normalise/ocr-lookalikes.ts";

/**
 * Printed labels and titles come with whatever the form designer and OCR put around them: full-
 * width forms, spaces of 均等割付 (氏　　名, 対 象 者 氏 名), the colon after a label, brackets,
 * middle dots and the ruled lines OCR reads as |. None of that tells one label from another.
 */
const IGNORED = /[\s:;()[\]{}<>|¦「」『』【】〔〕〈〉《》・･·.,、。_"'`”’“‘]/gu;

/**
 * Look-alikes OCR confuses in printed labels beyond the general ones, measured on mincho forms:
 * 日付 read as 目付, 氏名 as 兵名. Folded on both sides, so labels with 目 (長期目標) still match
 * themselves. Common characters stay out (長名 is also OCR's 氏名, but 長女 is not 氏女).
 */
const LABEL_FOLDS: Record<string, string> = { 目: "日", 兵: "氏", 氐: "氏" };
const LABEL_LOOKALIKES = new RegExp(`[${Object.keys(LABEL_FOLDS).join("")}]`, "gu");

/**
 * The form of a label that label variants are compared in: NFKC, upper case, without what
 * IGNORED lists, and OCR look-alikes (口/ロ, 力/カ, ー/一 …, katakana/hiragana) folded together.
 */
export function labelKey(text: string): string {
  return foldLookalikes(text.normalize("NFKC").toUpperCase().replace(IGNORED, "")).replace(
    LABEL_LOOKALIKES,
    (char) => LABEL_FOLDS[char] ?? char,
  );
}

/**
 * Misread characters forgiven in a label of `length` characters. None in two characters: 氏名
 * with one wrong character is any two-character word. Then about one in four, so 生年月 still
 * reads as 生年月日 and 関係機関との情報共有への同意 survives three misreads.
 */
export function allowedEdits(length: number): number {
  return length <= 2 ? 0 : Math.floor((length + 1) / 4);
}

/**
 * Ranks two readings of overlapping text as labels: the longer label wins (担当者氏名 over
 * 氏名), but each misread character costs two, so an exact 評価 beats 評価日 read with an error.
 */
export function labelScore(variantLength: number, edits: number): number {
  return variantLength - 2 * edits;
}
