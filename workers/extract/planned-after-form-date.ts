import type { FieldDefinition } from "../../config/forms/form-definitions.ts";
import { type RecordItems, withFieldInReview } from "./extracted-form.ts";
import { addMonths, PLANNING_HORIZON_MONTHS } from "./normalise/date-plausibility.ts";

/** The dates of one form that plan ahead, and the form's own dates. */
export interface PlannedDateFields {
  /** 次回評価予定日 and the like (plausibility "planned"). */
  planned: readonly FieldDefinition[];
  /** The form's own dates of what happened (計画作成日 …: plausibility "event"). */
  events: readonly FieldDefinition[];
}

/**
 * A form plans ahead from its own date: the next review comes after the plan is made, within
 * the planning horizon (date-plausibility.ts). A planned date before the form's date or beyond
 * the horizon from it was misread, or the form's date was: both go to review, each naming the
 * other, since either may be the one misread.
 */
export function withPlannedDatesCheckedAgainstFormDates(
  items: RecordItems,
  fields: PlannedDateFields,
): RecordItems {
  let checked = items;
  for (const plannedField of fields.planned) {
    const planned = dateOf(checked, plannedField);
    if (planned === undefined) continue;
    const eventField = fields.events.find((field) => {
      const event = dateOf(checked, field);
      return event !== undefined && !withinHorizon(planned, event);
    });
    if (!eventField) continue;
    const event = dateOf(checked, eventField) as string;
    const reason = `${labelOf(plannedField)}（${planned}）が${labelOf(eventField)}（${event}）から${PLANNING_HORIZON_MONTHS}か月以内にありません`;
    checked = withFieldInReview(withFieldInReview(checked, plannedField, [reason]), eventField, [
      reason,
    ]);
  }
  return checked;
}

function withinHorizon(planned: string, event: string): boolean {
  return planned >= event && planned <= addMonths(event, PLANNING_HORIZON_MONTHS);
}

function dateOf(items: RecordItems, field: FieldDefinition): string | undefined {
  const value = items[field.group][field.key]?.value;
  return typeof value === "string" ? value : undefined;
}

function labelOf(field: FieldDefinition): string {
  return field.labels[0] ?? field.key;
}
