import { describe, expect, it } from "vitest";
import { builtinFormDefinitions } from "../../config/forms/builtin-form-definitions.ts";
import { type FieldDefinition, fieldsOf } from "../../config/forms/form-definitions.ts";
import type { RecordItems } from "../../workers/extract/extracted-form.ts";
import { withPlannedDatesCheckedAgainstFormDates } from "../../workers/extract/planned-after-form-date.ts";
import { item } from "./extracted-forms.ts";

const plan = fieldsOf(builtinFormDefinitions, "plan");
const field = (key: string) => plan.find((each) => each.key === key) as FieldDefinition;
const fields = { planned: [field("next_review_date")], events: [field("plan_date")] };

function items(planDate: string | null, nextReview: string | null): RecordItems {
  return {
    common: { plan_date: item(planDate) },
    optional: { next_review_date: item(nextReview) },
    custom: {},
  };
}

const reviewed = (checked: RecordItems) => [
  checked.optional.next_review_date?.needsReview,
  checked.common.plan_date?.needsReview,
];

describe("次回評価予定日 against the plan's date", () => {
  it("passes a review planned some months after the plan, and a year after", () => {
    for (const next of ["2023-08-23", "2024-05-24"]) {
      const given = items("2023-05-24", next);
      expect(withPlannedDatesCheckedAgainstFormDates(given, fields)).toEqual(given);
    }
  });

  it("sends both to review when the review is planned before the plan", () => {
    const checked = withPlannedDatesCheckedAgainstFormDates(
      items("2023-05-24", "2022-08-23"),
      fields,
    );
    expect(reviewed(checked)).toEqual([true, true]);
    expect(checked.optional.next_review_date?.reason).toBe(
      "次回評価予定日（2022-08-23）がプラン作成日（2023-05-24）から13か月以内にありません",
    );
  });

  it("sends both to review when the review is planned past the horizon (2103 for 2023)", () => {
    expect(
      reviewed(withPlannedDatesCheckedAgainstFormDates(items("2023-05-24", "2103-08-23"), fields)),
    ).toEqual([true, true]);
    expect(
      reviewed(withPlannedDatesCheckedAgainstFormDates(items("2023-05-24", "2024-06-25"), fields)),
    ).toEqual([true, true]);
  });

  it("says nothing without both dates", () => {
    for (const given of [items(null, "2103-08-23"), items("2023-05-24", null)])
      expect(withPlannedDatesCheckedAgainstFormDates(given, fields)).toEqual(given);
  });
});
