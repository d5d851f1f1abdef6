/**
 * The options of every choice field of the spec, with the words that stand for each on paper.
 * The first word is the spec's wording; the others are variants seen on forms. Code that reads
 * check boxes or circled words uses these to know which words to look for on the page.
 */
export interface ChoiceOption<Code> {
  code: Code;
  words: readonly string[];
}

export const choiceOptions = {
  sex: [
    { code: "male", words: ["男", "男性"] },
    { code: "female", words: ["女", "女性"] },
    { code: "other", words: ["その他", "他"] },
  ],
  referral_route: [
    { code: "self", words: ["本人"] },
    { code: "family", words: ["家族・知人", "家族", "知人"] },
    { code: "agency", words: ["関係機関からの紹介", "関係機関", "紹介"] },
    { code: "other", words: ["その他"] },
  ],
  consent_info_sharing: [
    { code: true, words: ["有", "同意する", "有り", "あり", "同意します"] },
    { code: false, words: ["無", "同意しない", "無し", "なし", "同意しません"] },
  ],
  issues: [
    { code: "economic", words: ["経済的困窮", "経済的な困窮", "経済"] },
    { code: "employment", words: ["就労"] },
    { code: "housing", words: ["住まい", "住居"] },
    { code: "health", words: ["健康"] },
    { code: "disability", words: ["障害", "障がい"] },
    { code: "care", words: ["介護"] },
    { code: "childcare", words: ["子育て"] },
    { code: "withdrawal", words: ["ひきこもり", "引きこもり"] },
    { code: "family", words: ["家族関係"] },
    { code: "debt", words: ["債務"] },
    { code: "abuse", words: ["虐待・DV", "虐待", "DV"] },
    { code: "other", words: ["その他"] },
  ],
  meeting_type: [
    { code: "jusou", words: ["重層的支援会議"] },
    { code: "shien", words: ["支援会議"] },
    { code: "other", words: ["その他"] },
  ],
  closure: [
    { code: "closed", words: ["終結"] },
    { code: "continued", words: ["継続"] },
  ],
  /** 対応方法, the `method` column of the progress `entries` table. */
  method: [
    { code: "visit_office", words: ["来所"] },
    { code: "phone", words: ["電話"] },
    { code: "home_visit", words: ["訪問", "家庭訪問"] },
    { code: "accompany", words: ["同行"] },
    { code: "meeting", words: ["会議"] },
    { code: "other", words: ["その他"] },
  ],
} as const satisfies Record<string, readonly ChoiceOption<string | boolean>[]>;

export type ChoiceField = keyof typeof choiceOptions;
export type ChoiceCode<F extends ChoiceField> = (typeof choiceOptions)[F][number]["code"];
