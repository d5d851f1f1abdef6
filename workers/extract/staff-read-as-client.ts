import { inReview, type RecordItems } from "./extracted-form.ts";
import { withoutSpaces } from "./normalise/normalise-name.ts";

const REASON = "担当者が相談者と同じ名前に読めます（別の欄の値を読んだ可能性）";

/**
 * A form whose 担当者 reads as its client's own name took the staff value from the wrong place
 * (seen on a label-above-box layout, read 79 % sure): the client is never their own worker.
 * The staff name goes to review; the items are otherwise returned as they are.
 */
export function withStaffReadAsClientDisputed(items: RecordItems): RecordItems {
  const client = items.common.client_name?.value;
  const staff = items.common.staff_name;
  if (typeof client !== "string" || !staff || typeof staff.value !== "string") return items;
  if (withoutSpaces(staff.value) !== withoutSpaces(client)) return items;
  return { ...items, common: { ...items.common, staff_name: inReview(staff, [REASON]) } };
}
