import { describe, expect, it } from "vitest";
import type { FieldItem } from "../../workers/extract/extracted-form.ts";
import { toRecordV1 } from "../../workers/extract/record-v1.ts";
import type { CaseFileTruth } from "../generator/case-file-truth.ts";
import type { FieldTruth } from "../generator/form-truth.ts";
import { AccuracyTally } from "./accuracy/accuracy-tally.ts";
import { summarise } from "./accuracy/report.ts";

const COMPLAINT = "家賃を3か月滞納している。";

function truthField(value: string, handwritten = false): FieldTruth & { page: number } {
  return {
    label: "",
    group: "common",
    printed: value,
    value,
    bbox: [0, 0, 10, 10],
    page: 1,
    ...(handwritten ? { handwritten: true as const } : {}),
  };
}

function item(value: string, needsReview: boolean): FieldItem {
  return { value, confidence: 0.9, needsReview, page: 1, bbox: null, raw: value };
}

/** One intake sheet: a typed name, a typed complaint and a handwritten phone number. */
function tally(complaint: string, complaintInReview: boolean): AccuracyTally {
  const truth: CaseFileTruth = {
    fileName: "01.pdf",
    format: "pdf",
    pages: [],
    forms: [
      {
        docType: "intake",
        title: "相談受付票",
        layout: "ruled-grid",
        pages: [1],
        fields: {
          client_name: truthField("田中 幸子"),
          chief_complaint: truthField(COMPLAINT),
          phone: truthField("090-1234-5678", true),
        },
      },
    ],
  };
  const record = toRecordV1({
    recordId: "r1",
    docType: "intake",
    status: "extracted",
    batchId: null,
    fileName: "01.pdf",
    sha256: "",
    pages: [1],
    items: {
      common: {
        client_name: item("田中 幸子", false),
        chief_complaint: item(complaint, complaintInReview),
        phone: item("090-1234-5678", true),
      },
      optional: {},
      custom: {},
    },
    redactions: [],
    pageTexts: new Map(),
  });
  const counted = new AccuracyTally();
  counted.addFile(truth, [record], []);
  return counted;
}

describe("the accuracy tally's typed values", () => {
  it("counts short values and paragraphs apart, handwriting in neither", () => {
    const { fields, autoAccept } = tally(COMPLAINT.replace("賃", "貸"), true).counts;
    expect(fields.typed).toEqual({ correct: 1, total: 2 });
    expect(fields.typedShort).toEqual({ correct: 1, total: 1 });
    expect(fields.typedParagraphs).toEqual({ correct: 0, total: 1 });
    expect(autoAccept).toMatchObject({
      typed: 2,
      typedAccepted: 1,
      typedShort: 1,
      typedShortAccepted: 1,
      typedParagraphs: 1,
      typedParagraphsAccepted: 0,
    });
  });

  it("reports them under the typed rows", () => {
    const counted = tally(COMPLAINT, false);
    const summary = summarise(counted.counts, {
      generateSeconds: 0,
      pipelineSeconds: 1,
      tesseractCliSeconds: 1,
    });
    const row = (metric: string) => summary.find((candidate) => candidate.metric === metric);
    expect(row("    typed paragraphs, exact")).toMatchObject({ value: 1, detail: "1/1" });
    expect(row("    paragraphs")).toMatchObject({ value: 1, detail: "1/1 values" });
    expect(row("    short values")).toMatchObject({ value: 1, detail: "1/1 values" });
  });
});
