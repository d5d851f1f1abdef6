import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtinFormDefinitions } from "../../config/forms/builtin-form-definitions.ts";
import type { FormDefinitions } from "../../config/forms/form-definitions.ts";
import { loadFormDefinitions } from "../../config/forms/municipality-forms.ts";
import { extractForms } from "../../workers/extract/extract-forms.ts";
import { findLabels } from "../../workers/extract/find-labels.ts";
import { readPageText } from "../../workers/extract/page-text.ts";
import { EM, type LineSpec, syntheticPage } from "./synthetic-page.ts";

const targets = builtinFormDefinitions.fields.filter((field) => field.labels.length > 0);

function labelsOn(lines: LineSpec[]) {
  return findLabels(readPageText(syntheticPage(lines)), targets).map((hit) => ({
    key: hit.key,
    variant: hit.variant,
    edits: hit.edits,
  }));
}

/** An intake form: its title, then the given rows. */
function intake(
  rows: LineSpec[],
  options: { definitions?: FormDefinitions; reviewThreshold?: number } = {},
) {
  const [form] = extractForms(
    [syntheticPage([{ y: 100, words: [["相談受付票", 650]], em: 46 }, ...rows])],
    { today: "2025-01-01", ...options },
  );
  if (!form) throw new Error("no form");
  return { ...form.items.common, ...form.items.optional, ...form.items.custom };
}

describe("label matching", () => {
  it("reads labels before a colon, across a gap, and side by side", () => {
    expect(
      labelsOn([
        {
          y: 300,
          words: [
            ["氏名：", 150],
            ["山田", 300],
            ["花子", 390],
            ["生年月日", 850],
            ["昭和62年11月3日", 1000],
          ],
        },
      ]),
    ).toEqual([
      { key: "client_name", variant: "氏名", edits: 0 },
      { key: "birth_date", variant: "生年月日", edits: 0 },
    ]);
  });

  it("ends a label where OCR read a circle round the option after it as a bracket", () => {
    expect(
      labelsOn([
        {
          y: 300,
          words: [
            ["関係機関との情報共有への同意(同意する", 150],
            [")同意しない", 800],
          ],
        },
      ]),
    ).toEqual([{ key: "consent_info_sharing", variant: "関係機関との情報共有への同意", edits: 0 }]);
  });

  it("forgives one misread or missing character in a longer label", () => {
    expect(
      labelsOn([
        {
          y: 300,
          words: [
            ["相談者氏各", 150],
            ["山田", 400],
          ],
        },
      ]),
    ).toEqual([{ key: "client_name", variant: "相談者氏名", edits: 1 }]);
    expect(
      labelsOn([
        {
          y: 300,
          words: [
            ["フリカナ", 150],
            ["ヤマダ", 400],
          ],
        },
      ]),
    ).toEqual([{ key: "client_name_kana", variant: expect.any(String), edits: 1 }]);
    expect(
      labelsOn([
        {
          y: 300,
          words: [
            ["生年月", 150],
            ["1987/11/3", 400],
          ],
        },
      ]),
    ).toEqual([{ key: "birth_date", variant: "生年月日", edits: 1 }]);
  });

  it("forgives nothing in a two-character label but OCR's usual look-alikes", () => {
    expect(
      labelsOn([
        {
          y: 300,
          words: [
            ["氏各", 150],
            ["山田", 400],
          ],
        },
      ]),
    ).toEqual([]);
    expect(
      labelsOn([
        {
          y: 300,
          words: [
            ["兵名", 150],
            ["山田", 400],
          ],
        },
      ]),
    ).toEqual([{ key: "client_name", variant: "氏名", edits: 0 }]);
    expect(
      labelsOn([
        {
          y: 300,
          words: [
            ["来所", 150],
            ["山田", 400],
          ],
        },
      ]),
    ).toEqual([]);
  });

  it("reads labels spaced out letter by letter (均等割付)", () => {
    const spaced: LineSpec = {
      y: 300,
      words: [
        ["対", 150],
        ["象", 210],
        ["者", 270],
        ["氏", 330],
        ["名", 390],
        ["山田", 600],
      ],
    };
    expect(labelsOn([spaced])).toEqual([{ key: "client_name", variant: "対象者氏名", edits: 0 }]);
    const wide: LineSpec = {
      y: 300,
      words: [
        ["氏", 150],
        ["名", 150 + 4 * EM],
        ["山田", 600],
      ],
    };
    expect(labelsOn([wide])).toEqual([{ key: "client_name", variant: "氏名", edits: 0 }]);
  });

  it("reads a spaced-out label with a misread character to its last character", () => {
    // フ リ ガ ナ read フリ ガオ ナ on seed 25: フリガオ and フリガオナ are one misread each.
    const items = intake([
      {
        y: 300,
        words: [
          ["フリ", 150],
          ["ガオ", 280],
          ["ナ", 360],
          ["オカモト", 600],
          ["タカシ", 800],
        ],
      },
    ]);
    expect(items.client_name_kana?.value).toBe("オカモト タカシ");
  });

  it("does not take 氏名 out of 担当者氏名, spaced or not", () => {
    expect(
      labelsOn([
        {
          y: 300,
          words: [
            ["担当者氏名", 150],
            ["佐藤", 450],
          ],
        },
      ]),
    ).toEqual([{ key: "staff_name", variant: "担当者氏名", edits: 0 }]);
    expect(
      labelsOn([
        {
          y: 300,
          words: [
            ["担当者", 150],
            ["氏名", 260],
            ["佐藤", 450],
          ],
        },
      ]),
    ).toEqual([{ key: "staff_name", variant: "担当者氏名", edits: 0 }]);
  });

  it("finds no label inside a value: 日 in a date, words inside a sentence", () => {
    expect(
      labelsOn([
        {
          y: 300,
          words: [
            ["受付日", 150],
            ["令和5年4月12日", 400],
          ],
        },
      ]),
    ).toEqual([{ key: "intake_date", variant: "受付日", edits: 0 }]);
    expect(
      labelsOn([{ y: 300, words: [["本人の強みを活かして相談内容を整理する。", 150]] }]),
    ).toEqual([]);
  });

  it("reads a label wrapped over three lines of a narrow label cell", () => {
    expect(
      labelsOn([
        { y: 300, words: [["関係機関と", 150]] },
        {
          y: 335,
          words: [
            ["の情報共有", 150],
            ["同意する", 400],
          ],
        },
        { y: 370, words: [["への同意", 150]] },
      ]),
    ).toEqual([{ key: "consent_info_sharing", variant: "関係機関との情報共有への同意", edits: 0 }]);
  });
});

describe("values beside their labels", () => {
  it("splits a value run into its label (相談番号R5-0123)", () => {
    expect(intake([{ y: 300, words: [["相談番号R5-0123", 150]] }]).case_number).toMatchObject({
      value: "R5-0123",
      needsReview: false,
    });
  });

  it("gives the label back a last character that OCR put with the value", () => {
    expect(
      intake([
        {
          y: 300,
          words: [
            ["生年月", 150],
            ["日昭和62年11月3日", 300],
          ],
        },
      ]).birth_date,
    ).toMatchObject({ value: "1987-11-03", needsReview: false });
  });

  it("stops a value at the next label on its line", () => {
    const items = intake([
      {
        y: 300,
        words: [
          ["受付機関", 150],
          ["千葉市福祉総合相談窓口", 300],
          ["担当者", 900],
          ["佐藤", 1050],
        ],
      },
    ]);
    expect(items.agency?.value).toBe("千葉市福祉総合相談窓口");
    expect(items.staff_name?.value).toBe("佐藤");
  });

  it("reads a value in the box under its label", () => {
    const items = intake([
      {
        y: 300,
        words: [
          ["相談番号", 150],
          ["相談受付日", 850],
        ],
        em: 22,
      },
      {
        y: 350,
        words: [
          ["R5-0144", 160],
          ["令和5年6月19日", 860],
        ],
      },
    ]);
    expect(items.case_number?.value).toBe("R5-0144");
    expect(items.intake_date?.value).toBe("2023-06-19");
  });

  it("reads a long text over its lines until the next label", () => {
    const items = intake([
      { y: 300, words: [["主訴", 150]] },
      { y: 350, words: [["家賃の支払いが", 180]] },
      { y: 397, words: [["難しくなった。", 180]] },
      { y: 500, words: [["相談内容", 150]] },
      { y: 550, words: [["失業した。", 180]] },
    ]);
    expect(items.chief_complaint?.value).toBe("家賃の支払いが難しくなった。");
    expect(items.consultation_summary?.value).toBe("失業した。");
  });

  it("sends a common field that is not on the form to review, with no value", () => {
    expect(intake([]).client_name).toMatchObject({
      value: null,
      needsReview: true,
      reason: "項目が見つかりません",
    });
    expect(intake([]).age).toMatchObject({ value: null, needsReview: false });
  });

  it("sends a value under a label misread past the usual allowance to review", () => {
    const items = intake([
      {
        y: 300,
        words: [
          ["年上", 150],
          ["48歳", 400],
        ],
      },
    ]);
    expect(items.age).toMatchObject({ value: 48, needsReview: true });
    expect(items.age?.reason).toContain("項目名");
  });

  it("sends a value its normaliser refuses to review, with the reason", () => {
    expect(
      intake([
        {
          y: 300,
          words: [
            ["受付日", 150],
            ["令和5年2月30日", 400],
          ],
        },
      ]).intake_date,
    ).toMatchObject({
      value: null,
      needsReview: true,
      raw: "令和5年2月30日",
      reason: expect.stringContaining("ありません"),
    });
  });

  it("sends a value read with low OCR confidence to review", () => {
    // A date keeps a quarter of OCR's doubt (value-confidence.ts): read 30 % sure, it is 82.5 %.
    expect(
      intake([
        {
          y: 300,
          words: [
            ["受付日", 150],
            ["令和5年4月12日", 400, 0.3],
          ],
        },
      ]).intake_date,
    ).toMatchObject({ value: "2023-04-12", needsReview: true, confidence: 0.825 });
  });

  it("takes the review threshold it is given", () => {
    const row: LineSpec = {
      y: 300,
      words: [
        ["受付日", 150],
        ["令和5年4月12日", 400, 0.3],
      ],
    };
    expect(intake([row], { reviewThreshold: 0.8 }).intake_date?.needsReview).toBe(false);
    expect(intake([row], { reviewThreshold: 0.85 }).intake_date?.needsReview).toBe(true);
  });

  it("reads a municipality's own label variants and custom fields (独自項目)", async () => {
    const definitions = await loadFormDefinitions(
      path.resolve(import.meta.dirname, "../../config/forms/municipalities/example.json"),
    );
    const [form] = extractForms(
      [
        syntheticPage([
          { y: 100, words: [["生活相談受付票", 600]], em: 46 },
          {
            y: 300,
            words: [
              ["相談者名", 150],
              ["山田", 300],
              ["花子", 390],
              ["国籍", 850],
              ["日本", 1000],
            ],
          },
        ]),
      ],
      { definitions, today: "2025-01-01" },
    );
    expect(form?.docType).toBe("intake");
    expect(form?.items.common.client_name?.value).toBe("山田 花子");
    expect(form?.items.custom.nationality).toMatchObject({ value: "日本", needsReview: false });
    expect(form?.items.custom.employment_status).toMatchObject({ value: null, needsReview: false });
  });

  it("puts back a misread character of a municipality's own words, for review", async () => {
    const example = path.resolve(
      import.meta.dirname,
      "../../config/forms/municipalities/example.json",
    );
    const agencyOn = (definitions: FormDefinitions) => {
      const page = syntheticPage([
        { y: 100, words: [["相談受付票", 600]], em: 46 },
        {
          y: 300,
          words: [
            ["相談機関：", 100],
            ["例云市福祉総合相談センター", 280],
          ],
        },
      ]);
      return extractForms([page], { definitions, today: "2025-01-01" })[0]?.items.common.agency;
    };
    expect(agencyOn(await loadFormDefinitions(example))).toMatchObject({
      value: "例示市福祉総合相談センター",
      needsReview: true,
      reason: expect.stringContaining("と読み替えました"),
    });
    // Without the municipality's words it is read as it was written.
    expect(agencyOn(builtinFormDefinitions)?.value).toBe("例云市福祉総合相談センター");
  });
});
