import { describe, expect, it } from "vitest";
import { extractForms } from "../../workers/extract/extract-forms.ts";
import { A_HAND } from "./drawn-value.ts";
import { InkPage } from "./synthetic-ink.ts";

/**
 * An intake sheet whose 相談機関 is typed or handwritten and read right: as a word `read.word`
 * sure (82 % unless given), and in its least sure character `read.character` sure where given.
 */
function agency(
  writing: "typed" | "handwritten",
  thresholds: Thresholds = {},
  read: { word?: number; character?: number } = {},
) {
  return intakeSheetItem("agency", "相談機関", AGENCY, writing, thresholds, {
    word: read.word ?? 0.82,
    ...read,
  });
}

/** The same for its 主訴, a paragraph, read as one word `word` sure. */
function chiefComplaint(
  writing: "typed" | "handwritten",
  word: number,
  thresholds: Thresholds = {},
) {
  return intakeSheetItem("chief_complaint", "主訴", COMPLAINT, writing, thresholds, { word });
}

type Thresholds = {
  reviewThreshold?: number;
  typedReviewThreshold?: number;
  typedParagraphReviewThreshold?: number;
};

function intakeSheetItem(
  key: string,
  label: string,
  text: string,
  writing: "typed" | "handwritten",
  thresholds: Thresholds,
  read: { word: number; character?: number },
) {
  const page = new InkPage();
  page.title("相談受付票");
  const written =
    writing === "typed"
      ? { ...page.text(text, 350, 200), confidence: read.word }
      : page.handText(text, 350, 200, A_HAND, read.word);
  const value =
    read.character === undefined ? written : { ...written, characterConfidence: read.character };
  page.line([page.text(label, 150, 200), value]);
  const [form] = extractForms([page.evidence()], { today: "2025-01-01", ...thresholds });
  return form?.items.common[key];
}

const AGENCY = "豊田市福祉総合相談窓口";
const COMPLAINT = "家賃を払えず生活に困っている。";

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

describe("the threshold for paragraphs in type", () => {
  // A paragraph keeps its least sure word's confidence, scaled by 0.92 (value-confidence.ts).
  it("accepts a typed paragraph read 70 % sure, which any other typed value would not be", () => {
    expect(chiefComplaint("typed", 0.7)).toMatchObject({
      value: COMPLAINT,
      needsReview: false,
      confidence: 0.644,
    });
    expect(agency("typed", {}, { word: 0.7 })?.needsReview).toBe(true);
  });

  it("sends a typed paragraph read less sure, and the same paragraph by hand, to review", () => {
    expect(chiefComplaint("typed", 0.6)).toMatchObject({
      needsReview: true,
      reason: "読み取りの確信度が低い（0.55）",
    });
    // However sure: a hand's lines stray as type's do not (typeset-line.ts).
    for (const confidence of [0.7, 0.99])
      expect(chiefComplaint("handwritten", confidence)).toMatchObject({
        needsReview: true,
        reason: "手書きの文章に見えます（手書きは読み違えても確信度が高く出ることがあります）",
      });
  });

  it("takes the threshold it is given, never above the one for other typed values", () => {
    expect(chiefComplaint("typed", 0.7, { typedParagraphReviewThreshold: 0.7 })?.needsReview).toBe(
      true,
    );
    expect(
      chiefComplaint("typed", 0.7, {
        typedReviewThreshold: 0.6,
        typedParagraphReviewThreshold: 0.7,
      })?.needsReview,
    ).toBe(false);
    expect(
      chiefComplaint("typed", 0.7, {
        reviewThreshold: 0.62,
        typedReviewThreshold: 0.9,
        typedParagraphReviewThreshold: 0.9,
      })?.needsReview,
    ).toBe(false);
  });
});

describe("a typed value's confidence from its characters", () => {
  it("accepts a typed value whose word OCR doubted and whose characters it did not", () => {
    expect(agency("typed", {}, { word: 0.4, character: 0.9 })).toMatchObject({
      value: AGENCY,
      needsReview: false,
      confidence: 0.9,
    });
  });

  it("takes the characters at most half above the word", () => {
    expect(agency("typed", {}, { word: 0.05, character: 0.97 })).toMatchObject({
      needsReview: true,
      reason: "読み取りの確信度が低い（0.55）",
    });
  });

  it("keeps the word's confidence for handwriting", () => {
    expect(agency("handwritten", {}, { word: 0.4, character: 0.9 })).toMatchObject({
      needsReview: true,
      reason: "読み取りの確信度が低い（0.40）",
    });
  });
});

/**
 * A progress table (unruled) of one entry whose 内容 is typed or handwritten and read as one
 * word `word` sure; its date, method and 対応者 are typed and read 95 % sure.
 */
function progressEntry(writing: "typed" | "handwritten", word: number) {
  const page = new InkPage();
  page.title("支援経過記録");
  page.line([
    page.text("日付", 210, 150),
    page.text("対応方法", 340, 150),
    page.text("内容", 870, 150),
    page.text("対応者", 1380, 150),
  ]);
  const content =
    writing === "typed"
      ? { ...page.text(VISIT, 480, 220), confidence: word }
      : page.handText(VISIT, 480, 220, A_HAND, word);
  page.line([
    page.text("R5.4.3", 150, 220),
    page.text("来所", 360, 220),
    content,
    page.text("松本", 1350, 220),
  ]);
  const [form] = extractForms([page.evidence()], { today: "2025-01-01" });
  return form?.items.common.entries;
}

const VISIT = "母来所。息子のひきこもりについて相談あり。";

describe("the cells of a progress table", () => {
  it("are each held to their own column's threshold: a typed 内容 to a typed paragraph's", () => {
    expect(progressEntry("typed", 0.7)).toMatchObject({
      value: [{ date: "2023-04-03", method: "visit_office", content: VISIT, staff: "松本" }],
      needsReview: false,
      confidence: 0.644,
    });
  });

  it("send the table to review for a cell read too unsure for its writing, naming the cell", () => {
    expect(progressEntry("typed", 0.6)).toMatchObject({
      needsReview: true,
      reason: "1行目 内容: 読み取りの確信度が低い（0.55）",
    });
    // A hand's cell keeps OCR's own confidence, held to the threshold for any writing.
    expect(progressEntry("handwritten", 0.8)).toMatchObject({
      needsReview: true,
      reason: "1行目 内容: 読み取りの確信度が低い（0.80）",
    });
  });
});
