/**
 * The paper-side vocabulary of /work/shared/spec/record-fields.md: document titles, field labels
 * and choice wordings as municipalities print them, with the normalised value each one stands for.
 */

export type DocType = "intake" | "assessment" | "plan" | "progress" | "meeting" | "evaluation";

export const DOC_TYPES: readonly DocType[] = [
  "intake",
  "assessment",
  "plan",
  "progress",
  "meeting",
  "evaluation",
];

export const TITLE_VARIANTS: Record<DocType, readonly string[]> = {
  intake: ["相談受付票", "相談受付・申込票", "相談受付シート", "新規相談受付票"],
  assessment: ["アセスメントシート", "インテーク・アセスメントシート", "課題整理シート"],
  plan: ["支援プラン", "プラン兼事業等利用申込書", "支援計画書"],
  progress: ["支援経過記録", "支援経過記録シート", "相談経過記録"],
  meeting: ["支援会議記録", "重層的支援会議記録", "会議録"],
  evaluation: ["評価シート", "評価・終結シート", "終結報告書"],
};

export type FieldGroup = "common" | "optional";

export type FieldKey =
  | "case_number"
  | "client_name"
  | "client_name_kana"
  | "birth_date"
  | "age"
  | "sex"
  | "postal_code"
  | "address"
  | "phone"
  | "staff_name"
  | "agency"
  | "intake_date"
  | "referral_route"
  | "chief_complaint"
  | "consultation_summary"
  | "household"
  | "consent_info_sharing"
  | "assessment_date"
  | "issues"
  | "assessment_summary"
  | "strengths"
  | "plan_date"
  | "goal_long"
  | "goal_short"
  | "support_content"
  | "next_review_date"
  | "meeting_date"
  | "meeting_type"
  | "attendees"
  | "agenda"
  | "decisions"
  | "evaluation_date"
  | "outcome"
  | "closure"
  | "closure_reason";

export const FIELD_LABELS: Record<FieldKey, readonly string[]> = {
  case_number: ["相談番号", "ケース番号", "整理番号"],
  client_name: ["氏名", "相談者氏名", "本人氏名", "対象者氏名"],
  client_name_kana: ["ふりがな", "フリガナ"],
  birth_date: ["生年月日"],
  age: ["年齢"],
  sex: ["性別"],
  postal_code: ["郵便番号", "〒"],
  address: ["住所", "現住所"],
  phone: ["電話番号", "連絡先", "TEL"],
  staff_name: ["担当者", "記入者", "担当相談員"],
  agency: ["相談機関", "受付機関", "機関名"],
  intake_date: ["相談受付日", "受付日"],
  referral_route: ["相談経路"],
  chief_complaint: ["主訴"],
  consultation_summary: ["相談内容"],
  household: ["世帯構成"],
  consent_info_sharing: ["情報共有の同意", "関係機関との情報共有への同意"],
  assessment_date: ["アセスメント実施日", "実施日"],
  issues: ["課題", "本人の抱える課題"],
  assessment_summary: ["アセスメント結果", "課題の整理"],
  strengths: ["本人の強み", "ストレングス"],
  plan_date: ["プラン作成日", "作成日"],
  goal_long: ["長期目標"],
  goal_short: ["短期目標"],
  support_content: ["支援内容"],
  next_review_date: ["次回評価予定日", "モニタリング予定日"],
  meeting_date: ["開催日"],
  meeting_type: ["会議種別"],
  attendees: ["出席者", "参加機関"],
  agenda: ["協議内容", "議題"],
  decisions: ["決定事項", "役割分担"],
  evaluation_date: ["評価日"],
  outcome: ["評価", "支援の結果"],
  closure: ["終結"],
  closure_reason: ["終結理由"],
};

const OPTIONAL_FIELDS: ReadonlySet<FieldKey> = new Set([
  "age",
  "postal_code",
  "phone",
  "household",
  "strengths",
  "next_review_date",
  "closure_reason",
]);

export function groupOf(key: FieldKey): FieldGroup {
  return OPTIONAL_FIELDS.has(key) ? "optional" : "common";
}

/** One printed option of a choice field; `wordings` are alternative printings of the same option. */
export interface ChoiceOption<V> {
  value: V;
  wordings: readonly string[];
}

export type ChoiceFieldKey =
  | "sex"
  | "referral_route"
  | "consent_info_sharing"
  | "issues"
  | "meeting_type"
  | "closure";

// Option lists are printed in this order; a form uses the same wording index for all options so
// that 男/女 and 男性/女性 are not mixed on one sheet.
export const CHOICE_OPTIONS: Record<ChoiceFieldKey, readonly ChoiceOption<string | boolean>[]> = {
  sex: [
    { value: "male", wordings: ["男", "男性"] },
    { value: "female", wordings: ["女", "女性"] },
    { value: "other", wordings: ["その他", "その他"] },
  ],
  referral_route: [
    { value: "self", wordings: ["本人"] },
    { value: "family", wordings: ["家族・知人"] },
    { value: "agency", wordings: ["関係機関からの紹介"] },
    { value: "other", wordings: ["その他"] },
  ],
  consent_info_sharing: [
    { value: true, wordings: ["同意する", "有"] },
    { value: false, wordings: ["同意しない", "無"] },
  ],
  issues: [
    { value: "economic", wordings: ["経済的困窮"] },
    { value: "employment", wordings: ["就労"] },
    { value: "housing", wordings: ["住まい"] },
    { value: "health", wordings: ["健康"] },
    { value: "disability", wordings: ["障害"] },
    { value: "care", wordings: ["介護"] },
    { value: "childcare", wordings: ["子育て"] },
    { value: "withdrawal", wordings: ["ひきこもり"] },
    { value: "family", wordings: ["家族関係"] },
    { value: "debt", wordings: ["債務"] },
    { value: "abuse", wordings: ["虐待・DV"] },
    { value: "other", wordings: ["その他"] },
  ],
  meeting_type: [
    { value: "jusou", wordings: ["重層的支援会議"] },
    { value: "shien", wordings: ["支援会議"] },
    { value: "other", wordings: ["その他"] },
  ],
  closure: [
    { value: "closed", wordings: ["終結"] },
    { value: "continued", wordings: ["継続"] },
  ],
};

export type IssueCode =
  | "economic"
  | "employment"
  | "housing"
  | "health"
  | "disability"
  | "care"
  | "childcare"
  | "withdrawal"
  | "family"
  | "debt"
  | "abuse"
  | "other";

export type ReferralRoute = "self" | "family" | "agency" | "other";

export type ProgressMethod =
  | "visit_office"
  | "phone"
  | "home_visit"
  | "accompany"
  | "meeting"
  | "other";

export const PROGRESS_METHOD_WORDS: Record<ProgressMethod, string> = {
  visit_office: "来所",
  phone: "電話",
  home_visit: "訪問",
  accompany: "同行",
  meeting: "会議",
  other: "その他",
};

export const PROGRESS_TABLE_HEADINGS = ["日付", "対応方法", "内容", "対応者"] as const;
