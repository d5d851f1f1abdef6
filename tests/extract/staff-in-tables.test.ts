import { describe, expect, it } from "vitest";
import type { ExtractedForm, FieldItem } from "../../workers/extract/extracted-form.ts";
import { checkStaffInTables } from "../../workers/extract/staff-in-tables.ts";

function item(value: unknown): FieldItem {
  return { value, confidence: 0.9, needsReview: false, page: 1, bbox: null, raw: null };
}

function form(formIndex: number, common: Record<string, FieldItem>): ExtractedForm {
  return {
    formIndex,
    docType: formIndex === 0 ? "intake" : "progress",
    pages: [formIndex + 1],
    items: { common, optional: {}, custom: {} },
    redactions: [],
    needsReview: false,
    classification: { by: "title", title: null },
  };
}

/** A case file whose intake sheet names `staff`, and a progress table signed `signed`. */
function tableStaff(staff: string, signed: string[]) {
  const rows = signed.map((name) => ({
    date: "2024-01-05",
    method: "phone",
    content: "電話。",
    staff: name,
  }));
  const forms = [form(0, { staff_name: item(staff) }), form(1, { entries: item(rows) })];
  checkStaffInTables(forms);
  const table = forms[1]?.items.common.entries as FieldItem;
  return {
    staff: (table.value as { staff: string }[]).map((row) => row.staff),
    needsReview: table.needsReview,
    reason: table.reason,
  };
}

describe("the 対応者 of a progress table, against the case file's 担当者", () => {
  it("puts back a full name read with characters wrong, naming each row for review", () => {
    const checked = tableStaff("田中 達也", ["田申 遠也", "田中 達也", "田中 償也"]);
    expect(checked.staff).toEqual(["田中 達也", "田中 達也", "田中 達也"]);
    expect(checked.needsReview).toBe(true);
    expect(checked.reason).toContain(
      "1行目 対応者: 「田申 遠也」を担当者の「田中 達也」と読みました",
    );
    expect(checked.reason).toContain("3行目");
    expect(checked.reason).not.toContain("2行目");
  });

  it("takes out a character OCR added, keeping the row's own 姓/名 space", () => {
    expect(tableStaff("山田節子", ["山田 人節子", "山田人 節子", "山田節子"]).staff).toEqual([
      "山田 節子",
      "山田 節子",
      "山田節子",
    ]);
  });

  it("takes a space OCR put inside a family name out", () => {
    expect(tableStaff("佐々木 久美子", ["佐々 木", "佐々木"]).staff).toEqual(["佐々木", "佐々木"]);
  });

  it("leaves a family name of two characters alone: one character off may be a colleague", () => {
    const checked = tableStaff("田中 達也", ["田村", "田中"]);
    expect(checked.staff).toEqual(["田村", "田中"]);
    expect(checked.needsReview).toBe(false);
  });

  it("leaves a name as far from every 担当者 as another person's is", () => {
    expect(tableStaff("田中 達也", ["鈴木 花子"]).staff).toEqual(["鈴木 花子"]);
  });

  it("trusts only a 担当者 accepted, or read alike on two forms", () => {
    const doubted = { ...item("長谷川 美極"), needsReview: true };
    const table = () => item([{ staff: "長谷川 美穂" }]);
    const once = [form(0, { staff_name: doubted }), form(1, { entries: table() })];
    checkStaffInTables(once);
    expect(once[1]?.items.common.entries?.value).toEqual([{ staff: "長谷川 美穂" }]);
    const twice = [
      form(0, { staff_name: doubted }),
      form(2, { staff_name: { ...doubted } }),
      form(1, { entries: table() }),
    ];
    checkStaffInTables(twice);
    expect(twice[2]?.items.common.entries?.value).toEqual([{ staff: "長谷川 美極" }]);
  });

  it("leaves a name near two 担当者 alone", () => {
    const forms = [
      form(0, { staff_name: item("中川義男") }),
      form(2, { staff_name: item("中山義男") }),
      form(1, { entries: item([{ staff: "中田義男" }]) }),
    ];
    checkStaffInTables(forms);
    expect(forms[2]?.items.common.entries?.value).toEqual([{ staff: "中田義男" }]);
  });
});
