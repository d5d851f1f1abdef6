/**
 * The form definitions every municipality starts from: the document types, titles, fields and
 * label variants of /work/shared/spec/record-fields.md. Option words come from the normalisers'
 * table, so that reading a mark and normalising its word agree on every option.
 */
import { choiceOptions } from "../../workers/extract/normalise/choice-options.ts";
import type { DocTypeDefinition, FieldDefinition, FormDefinitions } from "./form-definitions.ts";

const docTypes: DocTypeDefinition[] = [
  {
    docType: "intake",
    titles: ["相談受付票", "相談受付・申込票", "相談受付シート", "新規相談受付票"],
  },
  {
    docType: "assessment",
    titles: ["アセスメントシート", "インテーク・アセスメントシート", "課題整理シート"],
  },
  { docType: "plan", titles: ["支援プラン", "プラン兼事業等利用申込書", "支援計画書"] },
  { docType: "progress", titles: ["支援経過記録", "支援経過記録シート", "相談経過記録"] },
  { docType: "meeting", titles: ["支援会議記録", "重層的支援会議記録", "会議録"] },
  { docType: "evaluation", titles: ["評価シート", "評価・終結シート", "終結報告書"] },
];

/** A header field: printed at the top of any form, whatever its docType. */
function header(field: Omit<FieldDefinition, "docTypes">): FieldDefinition {
  return { ...field, docTypes: "any" };
}

const headerFields: Omit<FieldDefinition, "docTypes">[] = [
  {
    key: "case_number",
    group: "common",
    labels: ["相談番号", "ケース番号", "整理番号"],
    type: "id",
  },
  {
    key: "client_name",
    group: "common",
    labels: ["氏名", "相談者氏名", "本人氏名", "対象者氏名"],
    type: "name",
  },
  { key: "client_name_kana", group: "common", labels: ["ふりがな", "フリガナ"], type: "kana" },
  {
    key: "birth_date",
    group: "common",
    labels: ["生年月日"],
    type: "date",
    plausibility: "birth",
  },
  { key: "age", group: "optional", labels: ["年齢"], type: "integer", plausibility: "age" },
  { key: "sex", group: "common", labels: ["性別"], type: "choice", options: choiceOptions.sex },
  { key: "postal_code", group: "optional", labels: ["郵便番号", "〒"], type: "postal" },
  { key: "address", group: "common", labels: ["住所", "現住所"], type: "address" },
  { key: "phone", group: "optional", labels: ["電話番号", "連絡先", "TEL"], type: "phone" },
  {
    key: "staff_name",
    group: "common",
    // 担当者氏名 / 担当者名 go beyond the spec's list: printed so, they must read as the staff
    // member, not as 氏名 (the client) with 担当者 in front.
    labels: ["担当者", "記入者", "担当相談員", "担当者氏名", "担当者名"],
    type: "name",
  },
  { key: "agency", group: "common", labels: ["相談機関", "受付機関", "機関名"], type: "text" },
];

const formFields: FieldDefinition[] = [
  {
    key: "intake_date",
    group: "common",
    labels: ["相談受付日", "受付日"],
    type: "date",
    docTypes: ["intake"],
    plausibility: "event",
  },
  {
    key: "referral_route",
    group: "common",
    labels: ["相談経路"],
    type: "choice",
    docTypes: ["intake"],
    options: choiceOptions.referral_route,
  },
  {
    key: "chief_complaint",
    group: "common",
    labels: ["主訴"],
    type: "longtext",
    docTypes: ["intake"],
  },
  {
    key: "consultation_summary",
    group: "common",
    labels: ["相談内容"],
    type: "longtext",
    docTypes: ["intake"],
  },
  { key: "household", group: "optional", labels: ["世帯構成"], type: "text", docTypes: ["intake"] },
  {
    key: "consent_info_sharing",
    group: "common",
    labels: ["情報共有の同意", "関係機関との情報共有への同意"],
    type: "boolean",
    docTypes: ["intake"],
    options: choiceOptions.consent_info_sharing,
  },
  {
    key: "assessment_date",
    group: "common",
    labels: ["アセスメント実施日", "実施日"],
    type: "date",
    docTypes: ["assessment"],
    plausibility: "event",
  },
  {
    key: "issues",
    group: "common",
    labels: ["課題", "本人の抱える課題"],
    type: "multichoice",
    docTypes: ["assessment"],
    options: choiceOptions.issues,
  },
  {
    key: "assessment_summary",
    group: "common",
    labels: ["アセスメント結果", "課題の整理"],
    type: "longtext",
    docTypes: ["assessment"],
  },
  {
    key: "strengths",
    group: "optional",
    labels: ["本人の強み", "ストレングス"],
    type: "longtext",
    docTypes: ["assessment"],
  },
  {
    key: "plan_date",
    group: "common",
    labels: ["プラン作成日", "作成日"],
    type: "date",
    docTypes: ["plan"],
    plausibility: "event",
  },
  { key: "goal_long", group: "common", labels: ["長期目標"], type: "longtext", docTypes: ["plan"] },
  {
    key: "goal_short",
    group: "common",
    labels: ["短期目標"],
    type: "longtext",
    docTypes: ["plan"],
  },
  {
    key: "support_content",
    group: "common",
    labels: ["支援内容"],
    type: "longtext",
    docTypes: ["plan"],
  },
  {
    key: "next_review_date",
    group: "optional",
    labels: ["次回評価予定日", "モニタリング予定日"],
    type: "date",
    plausibility: "planned",
    docTypes: ["plan"],
  },
  {
    key: "entries",
    group: "common",
    labels: [],
    type: "table",
    docTypes: ["progress"],
    columns: [
      { key: "date", labels: ["日付"], type: "date" },
      { key: "method", labels: ["対応方法"], type: "choice", options: choiceOptions.method },
      { key: "content", labels: ["内容"], type: "longtext" },
      { key: "staff", labels: ["対応者"], type: "name" },
    ],
  },
  {
    key: "meeting_date",
    group: "common",
    labels: ["開催日"],
    type: "date",
    docTypes: ["meeting"],
    plausibility: "event",
  },
  {
    key: "meeting_type",
    group: "common",
    labels: ["会議種別"],
    type: "choice",
    docTypes: ["meeting"],
    options: choiceOptions.meeting_type,
  },
  {
    key: "attendees",
    group: "common",
    labels: ["出席者", "参加機関"],
    type: "text",
    docTypes: ["meeting"],
  },
  {
    key: "agenda",
    group: "common",
    labels: ["協議内容", "議題"],
    type: "longtext",
    docTypes: ["meeting"],
  },
  {
    key: "decisions",
    group: "common",
    labels: ["決定事項", "役割分担"],
    type: "longtext",
    docTypes: ["meeting"],
  },
  {
    key: "evaluation_date",
    group: "common",
    labels: ["評価日"],
    type: "date",
    docTypes: ["evaluation"],
    plausibility: "event",
  },
  {
    key: "outcome",
    group: "common",
    labels: ["評価", "支援の結果"],
    type: "longtext",
    docTypes: ["evaluation"],
  },
  {
    key: "closure",
    group: "common",
    labels: ["終結"],
    type: "choice",
    docTypes: ["evaluation"],
    options: choiceOptions.closure,
  },
  {
    key: "closure_reason",
    group: "optional",
    labels: ["終結理由"],
    type: "longtext",
    docTypes: ["evaluation"],
  },
];

export const builtinFormDefinitions: FormDefinitions = {
  docTypes,
  fields: [...headerFields.map(header), ...formFields],
};
