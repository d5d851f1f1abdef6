import { describe, expect, it } from "vitest";
import { builtinFormDefinitions } from "../../config/forms/builtin-form-definitions.ts";
import { mergeFormDefinitions } from "../../config/forms/municipality-forms.ts";
import { extractForms } from "../../workers/extract/extract-forms.ts";
import { findTitle } from "../../workers/extract/find-title.ts";
import { readPageText } from "../../workers/extract/page-text.ts";
import { type LineSpec, syntheticPage } from "./synthetic-page.ts";

const TITLE_EM = 46;

function title(text: string, em = TITLE_EM): LineSpec {
  return { y: 100, words: [[text, 600]], em };
}

function titleOf(lines: LineSpec[], definitions = builtinFormDefinitions) {
  const hit = findTitle(readPageText(syntheticPage(lines)), definitions);
  return hit && { docType: hit.docType, title: hit.title, edits: hit.edits };
}

const header: LineSpec[] = [
  {
    y: 250,
    words: [
      ["相談番号", 150],
      ["R5-0123", 300],
      ["受付日", 850],
      ["令和5年4月12日", 1000],
    ],
  },
  {
    y: 320,
    words: [
      ["氏名", 150],
      ["山田", 300],
      ["花子", 390],
    ],
  },
];

describe("classification by title", () => {
  it("knows every title variant of the spec", () => {
    for (const { docType, titles } of builtinFormDefinitions.docTypes) {
      for (const text of titles) expect(titleOf([title(text)])?.docType).toBe(docType);
    }
  });

  it("reads titles spaced out, with a prefix, or with a misread character", () => {
    expect(
      titleOf([
        {
          y: 100,
          words: [
            ["相", 500],
            ["談", 580],
            ["受", 660],
            ["付", 740],
            ["票", 820],
          ],
          em: TITLE_EM,
        },
      ]),
    ).toEqual({
      docType: "intake",
      title: "相談受付票",
      edits: 0,
    });
    expect(titleOf([title("千葉市 支援計画書")])?.docType).toBe("plan");
    expect(titleOf([title("アセスメントシ一ト")])).toEqual({
      docType: "assessment",
      title: "アセスメントシート",
      edits: 0,
    });
    expect(titleOf([title("相談受付標"), ...header])).toMatchObject({
      docType: "intake",
      edits: 1,
    });
  });

  it("forgives a misread only in large type, and needs the title to be most of its line", () => {
    expect(titleOf([...header, title("相談受付標", 30)])).toBeNull();
    expect(
      titleOf([
        {
          y: 200,
          words: [
            ["会議種別", 150],
            ["重層的支援会議", 300],
            ["支援会議", 600],
          ],
        },
      ]),
    ).toBeNull();
  });

  it("looks for titles only in the top of the page", () => {
    expect(titleOf([{ y: 1800, words: [["支援計画書", 600]], em: TITLE_EM }])).toBeNull();
  });

  it("takes a municipality's extra title variants", () => {
    const definitions = mergeFormDefinitions({ titles: { progress: ["ケース記録"] } });
    expect(titleOf([title("ケース記録")], definitions)?.docType).toBe("progress");
    expect(titleOf([title("ケース記録")])).toBeNull();
  });
});

describe("segmentation into forms", () => {
  const intakeFirst = syntheticPage([title("相談受付票"), ...header], { pageNumber: 1 });
  const intakeSecond = syntheticPage(
    [
      { y: 100, words: [["相談内容", 150]] },
      { y: 150, words: [["家賃の滞納がある。", 180]] },
    ],
    { pageNumber: 2 },
  );
  const blankBack = syntheticPage([], { pageNumber: 3, blank: true });
  const plan = syntheticPage([title("支援計画書"), ...header], { pageNumber: 4 });

  it("starts a form at each title and adds untitled pages to the form before", () => {
    const forms = extractForms([plan, intakeSecond, blankBack, intakeFirst]);
    expect(forms.map((form) => [form.formIndex, form.docType, form.pages])).toEqual([
      [0, "intake", [1, 2]],
      [1, "plan", [4]],
    ]);
    expect(forms[0]?.items.common.consultation_summary?.value).toBe("家賃の滞納がある。");
    expect(forms[0]?.classification).toEqual({ by: "title", title: "相談受付票" });
  });

  it("makes nothing of blank pages", () => {
    expect(extractForms([blankBack])).toEqual([]);
  });

  it("classifies a first page without title by its labels, and sends it to review", () => {
    const untitled = syntheticPage([
      ...header,
      { y: 500, words: [["長期目標", 150]] },
      { y: 550, words: [["安定した生活を送る。", 180]] },
      { y: 700, words: [["短期目標", 150]] },
      { y: 750, words: [["就職する。", 180]] },
    ]);
    const [form] = extractForms([untitled]);
    expect(form).toMatchObject({
      docType: "plan",
      needsReview: true,
      classification: { by: "labels", title: null },
    });
    expect(form?.items.common.goal_long?.value).toBe("安定した生活を送る。");
  });

  it("starts a new form at an untitled page with a header and another form's labels", () => {
    const lostTitle = syntheticPage(
      [
        ...header,
        { y: 500, words: [["長期目標", 150]] },
        { y: 550, words: [["安定した生活を送る。", 180]] },
        { y: 700, words: [["支援内容", 150]] },
        { y: 750, words: [["家計相談につなぐ。", 180]] },
      ],
      { pageNumber: 2 },
    );
    const forms = extractForms([intakeFirst, lostTitle]);
    expect(forms.map((form) => [form.docType, form.pages, form.classification.by])).toEqual([
      ["intake", [1], "title"],
      ["plan", [2], "labels"],
    ]);
  });

  it("starts an unknown form at an untitled page that names its case, whatever its labels", () => {
    const lostTitle = syntheticPage(header, { pageNumber: 5 });
    const forms = extractForms([plan, lostTitle]);
    expect(forms.map((form) => [form.docType, form.pages, form.classification.by])).toEqual([
      ["plan", [4], "title"],
      ["unknown", [5], "none"],
    ]);
  });

  it("keeps an untitled page with header fields but no case named on the form before", () => {
    const footer = syntheticPage(
      [
        { y: 100, words: [["相談機関", 150]] },
        { y: 150, words: [["中央区福祉相談窓口", 180]] },
        { y: 250, words: [["担当者", 150]] },
        { y: 300, words: [["佐藤", 180]] },
      ],
      { pageNumber: 5 },
    );
    const forms = extractForms([plan, footer]);
    expect(forms.map((form) => [form.docType, form.pages])).toEqual([["plan", [4, 5]]]);
  });

  it("calls a page with neither title nor telling labels unknown, header fields still read", () => {
    const [form] = extractForms([syntheticPage(header)]);
    expect(form).toMatchObject({ docType: "unknown", needsReview: true });
    expect(form?.items.common.case_number?.value).toBe("R5-0123");
    expect(Object.keys(form?.items.common ?? {})).not.toContain("intake_date");
  });
});
