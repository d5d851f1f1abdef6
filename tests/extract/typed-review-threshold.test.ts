import { describe, expect, it } from "vitest";
import { extractForms } from "../../workers/extract/extract-forms.ts";
import { A_HAND } from "./drawn-value.ts";
import { InkPage } from "./synthetic-ink.ts";

/** An intake sheet whose 相談機関 is typed or handwritten and read right, 82 % sure. */
function agency(
  writing: "typed" | "handwritten",
  thresholds: { reviewThreshold?: number; typedReviewThreshold?: number } = {},
) {
  const page = new InkPage();
  page.title("相談受付票");
  const value =
    writing === "typed"
      ? { ...page.text(AGENCY, 350, 200), confidence: 0.82 }
      : page.handText(AGENCY, 350, 200, A_HAND, 0.82);
  page.line([page.text("相談機関", 150, 200), value]);
  const [form] = extractForms([page.evidence()], { today: "2025-01-01", ...thresholds });
  return form?.items.common.agency;
}

const AGENCY = "豊田市福祉総合相談窓口";

describe("the lower review threshold for values whose ink shows type", () => {
  it("accepts a typed value read 82 % sure", () => {
    expect(agency("typed")).toMatchObject({ value: AGENCY, needsReview: false });
  });

  it("sends the same value written by hand to review", () => {
    expect(agency("handwritten")).toMatchObject({
      needsReview: true,
      reason: "読み取りの確信度が低い（0.82）",
    });
  });

  it("takes the threshold it is given, never above the one for any writing", () => {
    expect(agency("typed", { typedReviewThreshold: 0.85 })?.needsReview).toBe(true);
    expect(agency("typed", { reviewThreshold: 0.8, typedReviewThreshold: 0.85 })?.needsReview).toBe(
      false,
    );
    expect(agency("typed", { reviewThreshold: 0.95, typedReviewThreshold: 0.5 })?.needsReview).toBe(
      false,
    );
    expect(agency("typed", { reviewThreshold: 0.9, typedReviewThreshold: 0.83 })?.needsReview).toBe(
      true,
    );
  });
});
