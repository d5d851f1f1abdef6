import { describe, expect, it } from "vitest";
import {
  type FieldItem,
  inReview,
  joinReasons,
  splitReasons,
} from "../../workers/extract/extracted-form.ts";

describe("review reasons", () => {
  it("names each doubt once, however many readings found it", () => {
    // Held-out seed 43: an attendees value whose two lines each held an unpaired parenthesis.
    const unpaired = "丸括弧（()）の開きと閉じの数が合いません（読み落としの可能性）";
    expect(joinReasons([unpaired, "読み取りの確信度が低い（0.40）", unpaired])).toBe(
      `${unpaired} / 読み取りの確信度が低い（0.40）`,
    );
  });

  it("adds a case file's doubts after the value's own, and none twice", () => {
    const item: FieldItem = {
      value: "R5-0331",
      confidence: 0.9,
      needsReview: true,
      page: 1,
      bbox: null,
      raw: "R5-0331",
      reason: joinReasons([
        "拡大した読み取りでは「R5-0381」と読めます",
        "読み取りの確信度が低い（0.70）",
      ]),
    };
    const reviewed = inReview(item, [
      "読み取りの確信度が低い（0.70）",
      "同じケースファイルの他の様式では「R5-0381」と読めます",
    ]);
    expect(splitReasons(reviewed.reason)).toEqual([
      "拡大した読み取りでは「R5-0381」と読めます",
      "読み取りの確信度が低い（0.70）",
      "同じケースファイルの他の様式では「R5-0381」と読めます",
    ]);
    expect(item.reason).not.toContain("同じケースファイル");
  });
});
