import { describe, expect, it } from "vitest";
import type { FieldItem, RecordItems } from "../../workers/extract/extracted-form.ts";
import { withStaffReadAsClientDisputed } from "../../workers/extract/staff-read-as-client.ts";

const item = (value: string | null, reason?: string): FieldItem => ({
  value,
  confidence: 0.9,
  needsReview: reason !== undefined,
  page: 1,
  bbox: null,
  raw: value,
  ...(reason ? { reason } : {}),
});

const items = (client: string | null, staff: string | null, staffReason?: string): RecordItems => ({
  common: { client_name: item(client), staff_name: item(staff, staffReason) },
  optional: {},
  custom: {},
});

describe("withStaffReadAsClientDisputed", () => {
  it("sends a 担当者 that reads as the client's name to review, spaces aside", () => {
    const checked = withStaffReadAsClientDisputed(items("三浦 優子", "三浦優子"));
    expect(checked.common.staff_name).toMatchObject({
      value: "三浦優子",
      needsReview: true,
      reason: "担当者が相談者と同じ名前に読めます（別の欄の値を読んだ可能性）",
    });
    expect(checked.common.client_name?.needsReview).toBe(false);
  });

  it("keeps the reason the staff name already had", () => {
    const checked = withStaffReadAsClientDisputed(items("三浦 優子", "三浦 優子", "先の理由"));
    expect(checked.common.staff_name?.reason).toBe(
      "先の理由 / 担当者が相談者と同じ名前に読めます（別の欄の値を読んだ可能性）",
    );
  });

  it("leaves different names, and a missing one, alone", () => {
    for (const given of [
      items("三浦 優子", "山田 一郎"),
      items(null, "山田 一郎"),
      items("三浦 優子", null),
    ])
      expect(withStaffReadAsClientDisputed(given)).toBe(given);
  });
});
