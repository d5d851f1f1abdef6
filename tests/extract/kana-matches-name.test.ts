import { beforeAll, describe, expect, it } from "vitest";
import { checkAcrossForms } from "../../workers/extract/check-across-forms.ts";
import type { ExtractedForm, FieldItem } from "../../workers/extract/extracted-form.ts";
import { type LanguageModel, loadLanguageModel } from "../../workers/extract/language-model.ts";
import { DOUBTFUL_SPACE } from "../../workers/extract/name-spacing.ts";
import { form, item } from "./extracted-forms.ts";

const INTAKE = { docType: "intake", title: "相談受付票" } as const;
const intake = (formIndex: number, common: Record<string, FieldItem>): ExtractedForm =>
  form(formIndex, common, INTAKE);

describe("a ふりがな checked against the readings of the client's name", () => {
  let language: LanguageModel;
  beforeAll(async () => {
    language = await loadLanguageModel();
  }, 60_000);

  const check = (forms: ExtractedForm[]) =>
    checkAcrossForms(forms, { reviewThreshold: 0.85, language });
  const kanaOf = (forms: ExtractedForm[], index = 0) =>
    forms[index]?.items.common.client_name_kana as FieldItem;

  it("is accepted when it spells a reading of the name, however unsure OCR was", () => {
    const [checked] = check([
      intake(0, {
        client_name: item("岡本 恵子"),
        client_name_kana: item("オカモト ケイコ", "読み取りの確信度が低い（0.40）", 0.4),
      }),
    ]);
    expect(checked?.items.common.client_name_kana).toMatchObject({
      value: "オカモト ケイコ",
      needsReview: false,
    });
    expect(checked?.items.common.client_name_kana?.reason).toBeUndefined();
    expect(checked?.needsReview).toBe(false);
  });

  it("takes its space from where the 姓's reading ends, the name printed without one", () => {
    const checked = check([
      intake(0, {
        client_name: item("伊藤修"),
        client_name_kana: item("イ トウオサム", DOUBTFUL_SPACE),
      }),
    ]);
    expect(kanaOf(checked)).toMatchObject({ value: "イトウ オサム", needsReview: false });
  });

  it("is checked against another form's name when its own form has none", () => {
    const checked = check([
      intake(0, { client_name: item("小林 進") }),
      intake(1, {
        client_name_kana: item("コバヤシ ススム", "読み取りの確信度が低い（0.50）", 0.5),
      }),
    ]);
    expect(kanaOf(checked, 1)).toMatchObject({ value: "コバヤシ ススム", needsReview: false });
  });

  it("stays in review for a doubt the name's reading does not settle", () => {
    const checked = check([
      intake(0, {
        client_name: item("佐藤 翔太"),
        client_name_kana: item("サトウ ショウタ", "カタカナ以外の文字が含まれています"),
      }),
    ]);
    expect(kanaOf(checked)).toMatchObject({
      needsReview: true,
      reason: "カタカナ以外の文字が含まれています",
    });
  });

  it("is left as read when it spells no reading of the name, nor one near it", () => {
    for (const [name, read] of [
      ["小林 進", "コバヤシ タロウ"],
      ["清水 真由美", "シミズ アヤカ"],
    ] as const) {
      const reason = "読み取りの確信度が低い（0.60）";
      const checked = check([
        intake(0, { client_name: item(name), client_name_kana: item(read, reason, 0.6) }),
      ]);
      expect(kanaOf(checked)).toMatchObject({ value: read, needsReview: true, reason });
    }
  });

  it("goes to review naming the reading it is one letter off", () => {
    const checked = check([
      intake(0, { client_name: item("小林 進"), client_name_kana: item("コバヤシ スズム") }),
    ]);
    expect(kanaOf(checked)).toMatchObject({
      value: "コバヤシ スズム",
      needsReview: true,
      reason: "氏名の読み「コバヤシ ススム」と一字違います",
    });
  });

  it("is held to another form's name when its own form misread the name too", () => {
    const checked = check([
      intake(0, { client_name: item("伊藤 騰"), client_name_kana: item("イテウ マサル") }),
      intake(1, { client_name: item("伊藤 勝") }),
    ]);
    expect(kanaOf(checked)).toMatchObject({
      value: "イテウ マサル",
      needsReview: true,
      reason: "氏名の読み「イトウ マサル」と一字違います",
    });
  });

  it("takes the reading that leaves out a letter it read too many, for review", () => {
    for (const [name, read, reading] of [
      ["山田 進", "ヤマダ ススオム", "ヤマダ ススム"],
      ["中村 洋子", "ナカオムラ ヨウコ", "ナカムラ ヨウコ"],
    ] as const) {
      const checked = check([intake(0, { client_name: item(name), client_name_kana: item(read) })]);
      expect(kanaOf(checked)).toMatchObject({
        value: reading,
        needsReview: true,
        reason: `「${read}」を氏名の読み「${reading}」に合わせて一字除きました`,
      });
    }
  });

  it("is not checked without a language model", () => {
    const reason = "読み取りの確信度が低い（0.40）";
    const checked = checkAcrossForms(
      [
        intake(0, {
          client_name: item("岡本 恵子"),
          client_name_kana: item("オカモト ケイコ", reason, 0.4),
        }),
      ],
      { reviewThreshold: 0.85 },
    );
    expect(kanaOf(checked)).toMatchObject({ needsReview: true, reason });
  });
});
