import { describe, expect, it } from "vitest";
import { checkDatesAfterIntake } from "../../workers/extract/dates-after-intake.ts";
import type { ExtractedForm } from "../../workers/extract/extracted-form.ts";
import { form, item } from "./extracted-forms.ts";

const INTAKE = { docType: "intake", title: "相談受付票" } as const;

function caseFile(intake: string, assessment: string, otherIntake = intake): ExtractedForm[] {
  return [
    form(0, { intake_date: item(intake) }, INTAKE),
    form(1, { assessment_date: item(assessment) }),
    form(2, { intake_date: item(otherIntake) }, INTAKE),
  ];
}

const reviewed = (forms: ExtractedForm[]) => [
  forms[0]?.items.common.intake_date?.needsReview,
  forms[1]?.items.common.assessment_date?.needsReview,
];

describe("the dates of a case file against its 受付日", () => {
  it("pass when they come on or after it", () => {
    const forms = caseFile("2021-01-20", "2021-02-01");
    checkDatesAfterIntake(forms);
    expect(reviewed(forms)).toEqual([false, false]);
  });

  it("send a date before it to review, and the 受付日 too, each naming the other", () => {
    const forms = caseFile("2021-01-20", "2020-02-01");
    checkDatesAfterIntake(forms);
    expect(reviewed(forms)).toEqual([true, true]);
    expect(forms[1]?.items.common.assessment_date?.reason).toBe(
      "受付日（2021-01-20）より前の日付です",
    );
    expect(forms[0]?.items.common.intake_date?.reason).toContain("2020-02-01");
  });

  it("check each row of the progress table", () => {
    const entries = {
      ...item(null),
      value: [
        { date: "2021-01-20", method: "visit_office", content: "本人来所。", staff: "田中" },
        { date: "2020-01-27", method: "phone", content: "電話。", staff: "田中" },
      ],
    };
    const forms = [
      form(0, { intake_date: item("2021-01-20") }, INTAKE),
      form(1, { entries }, { docType: "progress", title: "支援経過記録" }),
    ];
    checkDatesAfterIntake(forms);
    expect(forms[1]?.items.common.entries).toMatchObject({
      needsReview: true,
      reason: "2行目 日付: 受付日（2021-01-20）より前の日付です",
    });
  });

  it("leave a file alone whose 受付日 is in doubt on every form", () => {
    const doubted = item("2626-06-22", "今日より後の日付です");
    const forms = [
      form(0, { intake_date: doubted }, INTAKE),
      form(1, { assessment_date: item("2020-07-13") }),
    ];
    checkDatesAfterIntake(forms);
    expect(forms[1]?.items.common.assessment_date?.needsReview).toBe(false);
  });

  it("leave a file alone whose forms read two 受付日: two cases, or a misread one", () => {
    const forms = caseFile("2021-01-20", "2020-02-01", "2020-01-20");
    checkDatesAfterIntake(forms);
    expect(reviewed(forms)).toEqual([false, false]);
  });
});
