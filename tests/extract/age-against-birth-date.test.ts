import { describe, expect, it } from "vitest";
import { builtinFormDefinitions } from "../../config/forms/builtin-form-definitions.ts";
import { type FieldDefinition, fieldsOf } from "../../config/forms/form-definitions.ts";
import { withAgeCheckedAgainstBirthDate } from "../../workers/extract/age-against-birth-date.ts";
import type { RecordItems } from "../../workers/extract/extracted-form.ts";
import { item } from "./extracted-forms.ts";

const intake = fieldsOf(builtinFormDefinitions, "intake");
const field = (key: string) => intake.find((each) => each.key === key) as FieldDefinition;
const fields = { age: field("age"), birth: field("birth_date"), events: [field("intake_date")] };
const TODAY = "2026-11-28";

function items(age: number, birth: string, intake: string | null): RecordItems {
  return {
    common: { birth_date: item(birth), intake_date: item(intake) },
    optional: { age: { ...item(null), value: age } },
    custom: {},
  };
}

const reviewed = (checked: RecordItems) => [
  checked.optional.age?.needsReview,
  checked.common.birth_date?.needsReview,
];

describe("年齢 against 生年月日", () => {
  it("passes an age that is the age on the form's date", () => {
    const given = items(49, "1971-09-24", "2021-04-29");
    expect(withAgeCheckedAgainstBirthDate(given, fields, TODAY)).toEqual(given);
  });

  it("sends both to review when the age is not the age on the form's date", () => {
    const checked = withAgeCheckedAgainstBirthDate(
      items(75, "1938-07-10", "2020-07-01"),
      fields,
      TODAY,
    );
    expect(reviewed(checked)).toEqual([true, true]);
    expect(checked.optional.age?.reason).toBe("年齢（75歳）と生年月日（1938-07-10）が合いません");
  });

  it("without a date of the form, asks for an age the client had since 2000", () => {
    expect(
      reviewed(withAgeCheckedAgainstBirthDate(items(9, "1971-09-24", null), fields, TODAY)),
    ).toEqual([true, true]);
    const grown = items(49, "1971-09-24", null);
    expect(withAgeCheckedAgainstBirthDate(grown, fields, TODAY)).toEqual(grown);
  });

  it("does not measure against a date misread past today", () => {
    const given = items(44, "1978-10-01", "2623-05-11");
    expect(withAgeCheckedAgainstBirthDate(given, fields, TODAY)).toEqual(given);
  });
});
