import { describe, expect, it } from "vitest";
import { checkAcrossForms } from "../../workers/extract/check-across-forms.ts";
import type { ExtractedForm, FieldItem } from "../../workers/extract/extracted-form.ts";

function item(value: string | null, reason?: string): FieldItem {
  return {
    value,
    confidence: 0.9,
    needsReview: reason !== undefined,
    page: 1,
    bbox: null,
    raw: value,
    ...(reason ? { reason } : {}),
  };
}

function form(formIndex: number, common: Record<string, FieldItem>): ExtractedForm {
  return {
    formIndex,
    docType: "assessment",
    pages: [formIndex + 1],
    items: { common, optional: {}, custom: {} },
    redactions: [],
    needsReview: false,
    classification: { by: "title", title: "アセスメントシート" },
  };
}

const caseNumbers = (forms: ExtractedForm[]) =>
  forms.map((each) => {
    const { value, needsReview } = each.items.common.case_number as FieldItem;
    return [value, needsReview, each.needsReview];
  });

describe("checkAcrossForms", () => {
  it("sends two forms that read one case number almost alike to review, naming the other", () => {
    const checked = checkAcrossForms([
      form(0, { case_number: item("2022-6129") }),
      form(1, { case_number: item("2022-0129") }),
    ]);
    expect(caseNumbers(checked)).toEqual([
      ["2022-6129", true, true],
      ["2022-0129", true, true],
    ]);
    expect(checked[0]?.items.common.case_number?.reason).toContain("「2022-0129」");
  });

  it("puts the value most forms agree on in place of an outvoted one, still for review", () => {
    const checked = checkAcrossForms([
      form(0, { case_number: item("R4-0453") }),
      form(1, { case_number: item("R4-0453") }),
      form(2, { case_number: item("R4-6453") }),
    ]);
    expect(caseNumbers(checked)).toEqual([
      ["R4-0453", false, false],
      ["R4-0453", false, false],
      ["R4-0453", true, true],
    ]);
    expect(checked[2]?.items.common.case_number?.reason).toContain("「R4-6453」と読めました");
  });

  it("flags a name read otherwise by the other forms, without replacing it", () => {
    const [first] = checkAcrossForms([
      form(0, { client_name: item("岡本 哲志") }),
      form(1, { client_name: item("岡本 哲也") }),
      form(2, { client_name: item("岡本哲也") }),
    ]);
    expect(first?.items.common.client_name).toMatchObject({
      value: "岡本 哲志",
      needsReview: true,
    });
    expect(first?.items.common.client_name?.reason).toContain("「岡本 哲也」「岡本哲也」");
  });

  it("takes a name printed with and without the space between 姓 and 名 as the same", () => {
    const forms = [
      form(0, { client_name: item("田中 幸子") }),
      form(1, { client_name: item("田中幸子") }),
    ];
    expect(checkAcrossForms(forms)).toEqual(forms);
  });

  it("leaves values far apart alone: two cases in one file", () => {
    const forms = [
      form(0, { case_number: item("R4-0453"), client_name: item("山田 花子") }),
      form(1, { case_number: item("R5-1187"), client_name: item("佐藤 一郎") }),
    ];
    expect(checkAcrossForms(forms)).toEqual(forms);
  });

  it("keeps a reason the field already had and does not change the forms it was given", () => {
    const given = [
      form(0, { case_number: item("R4-0453", "読み取りの確信度が低い（0.70）") }),
      form(1, { case_number: item("R4-0458") }),
    ];
    const [first] = checkAcrossForms(given);
    expect(first?.items.common.case_number?.reason).toMatch(/^読み取りの確信度が低い（0.70） \/ /);
    expect(given[1]?.items.common.case_number?.needsReview).toBe(false);
  });
});
