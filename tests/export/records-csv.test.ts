import { describe, expect, it } from "vitest";
import { builtinFormDefinitions } from "../../config/forms/builtin-form-definitions.ts";
import type { FormDefinitions } from "../../config/forms/form-definitions.ts";
import { recordsCsv } from "../../export/records-csv.ts";
import type { FieldItem, RecordItems } from "../../workers/extract/extracted-form.ts";
import { type RecordV1, toRecordV1 } from "../../workers/extract/record-v1.ts";

function item(value: unknown): FieldItem {
  return { value, confidence: 0.95, needsReview: false, page: 1, bbox: [0, 0, 10, 10], raw: null };
}

function record(
  docType: RecordV1["docType"],
  items: Partial<RecordItems>,
  overrides: Partial<RecordV1> = {},
): RecordV1 {
  return {
    ...toRecordV1({
      recordId: "0b8e6f3a-1d2c-4e5f-8a9b-0c1d2e3f4a5b",
      docType,
      status: "verified",
      batchId: "箱12",
      fileName: "相談記録 2023 箱12.pdf",
      sha256: "a".repeat(64),
      pages: [1, 2],
      items: { common: {}, optional: {}, custom: {}, ...items },
      redactions: [],
      pageTexts: new Map(),
    }),
    review: { reviewedBy: "suzuki", reviewedAt: "2026-11-25T23:30:00.000Z", corrections: 1 },
    ...overrides,
  };
}

/** A minimal RFC 4180 reader: quoted cells with "" and line breaks, CRLF between rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += char;
  }
  return rows;
}

function csvTable(records: RecordV1[], definitions: FormDefinitions = builtinFormDefinitions) {
  const bytes = recordsCsv(records, definitions);
  const text = bytes.toString("utf8");
  const [header = [], ...rows] = parseCsv(text.slice(1));
  const column = (row: string[] | undefined, label: string) => row?.[header.indexOf(label)];
  return { bytes, text, header, rows, column };
}

describe("recordsCsv", () => {
  it("starts with a UTF-8 BOM and ends every line with CRLF", () => {
    const { bytes, text } = csvTable([record("intake", {})]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "").includes("\n")).toBe(false);
  });

  it("has a Japanese header: the record columns, a label per field, the review", () => {
    const { header } = csvTable([]);
    expect(header.slice(0, 5)).toEqual(["記録ID", "文書種別", "バッチ", "ファイル名", "ページ"]);
    expect(header.slice(-2)).toEqual(["確認者", "確認日時"]);
    expect(header).toContain("氏名");
    expect(header).toContain("相談受付日");
    expect(header).toContain("会議種別");
    expect(header).toContain("日付 / 対応方法 / 内容 / 対応者");
    expect(header).toHaveLength(5 + builtinFormDefinitions.fields.length + 2);
  });

  it("writes values as an office reads them: ISO dates, option words, 有/無, lists with 、", () => {
    const intake = record("intake", {
      common: {
        client_name: item("山田 花子"),
        birth_date: item("1987-11-03"),
        sex: item("female"),
        intake_date: item("2023-04-12"),
        referral_route: item("agency"),
        consent_info_sharing: item(true),
        address: item(null),
      },
      optional: { age: item(35) },
    });
    const assessment = record("assessment", {
      common: { issues: item(["economic", "childcare", "abuse"]) },
    });
    const meeting = record("meeting", {
      common: { meeting_type: item("jusou"), decisions: item("見守りを継続") },
    });
    const unknown = record("unknown", {}, { review: null });
    const { rows, column } = csvTable([intake, assessment, meeting, unknown]);
    const [first, second, third, fourth] = rows;
    expect(column(first, "文書種別")).toBe("相談受付票");
    expect(column(first, "バッチ")).toBe("箱12");
    expect(column(first, "ファイル名")).toBe("相談記録 2023 箱12.pdf");
    expect(column(first, "ページ")).toBe("1、2");
    expect(column(first, "氏名")).toBe("山田 花子");
    expect(column(first, "生年月日")).toBe("1987-11-03");
    expect(column(first, "年齢")).toBe("35");
    expect(column(first, "性別")).toBe("女");
    expect(column(first, "相談経路")).toBe("関係機関からの紹介");
    expect(column(first, "情報共有の同意")).toBe("有");
    expect(column(first, "住所")).toBe("");
    expect(column(first, "会議種別")).toBe("");
    expect(column(first, "確認者")).toBe("suzuki");
    expect(column(first, "確認日時")).toBe("2026-11-26 08:30");
    expect(column(second, "課題")).toBe("経済的困窮、子育て、虐待・DV");
    expect(column(third, "文書種別")).toBe("支援会議記録");
    expect(column(third, "会議種別")).toBe("重層的支援会議");
    expect(column(fourth, "文書種別")).toBe("様式不明");
    expect(column(fourth, "確認者")).toBe("");
  });

  it("puts the progress table in one cell, one line per row", () => {
    const progress = record("progress", {
      common: {
        entries: item([
          { date: "2023-04-12", method: "visit_office", content: "初回面談", staff: "佐藤 一郎" },
          { date: "2023-04-20", method: "home_visit", content: "自宅で\n面談", staff: null },
        ]),
      },
    });
    const { rows, column } = csvTable([progress]);
    expect(column(rows[0], "日付 / 対応方法 / 内容 / 対応者")).toBe(
      "2023-04-12 / 来所 / 初回面談 / 佐藤 一郎\n2023-04-20 / 訪問 / 自宅で 面談 / ",
    );
  });

  it("quotes cells with quotes, commas and line breaks (RFC 4180)", () => {
    const meeting = record("meeting", {
      common: { agenda: item('「就労」について, "A社"\n次回へ'), attendees: item("本人、支援員") },
    });
    const { text, rows, column } = csvTable([meeting]);
    expect(text).toContain('"「就労」について, ""A社""\n次回へ"');
    expect(text).toContain(",本人、支援員,");
    expect(column(rows[0], "協議内容")).toBe('「就労」について, "A社"\n次回へ');
  });

  it("keeps OCR text that looks like a formula from being run as one", () => {
    const hostile = record("intake", {
      common: {
        client_name: item('=HYPERLINK("http://x","y")'),
        address: item("+81 千葉"),
        chief_complaint: item("-1+2"),
        consultation_summary: item("@SUM(A1)"),
        agency: item("\tcmd"),
        case_number: item("\r=1"),
      },
    });
    const { rows, column } = csvTable([hostile]);
    expect(column(rows[0], "氏名")).toBe('\'=HYPERLINK("http://x","y")');
    expect(column(rows[0], "住所")).toBe("'+81 千葉");
    expect(column(rows[0], "主訴")).toBe("'-1+2");
    expect(column(rows[0], "相談内容")).toBe("'@SUM(A1)");
    expect(column(rows[0], "相談機関")).toBe("'\tcmd");
    expect(column(rows[0], "相談番号")).toBe("'\r=1");
  });

  it("gives a municipality's own field (独自項目) its column under its label", () => {
    const definitions: FormDefinitions = {
      ...builtinFormDefinitions,
      fields: [
        ...builtinFormDefinitions.fields,
        {
          key: "x_lifeline",
          group: "custom",
          labels: ["ライフライン"],
          type: "choice",
          docTypes: ["intake", "assessment"],
          options: [
            { code: "stopped", words: ["停止"] },
            { code: "normal", words: ["通常"] },
          ],
        },
      ],
    };
    const intake = record("intake", { custom: { x_lifeline: item("stopped") } });
    const { header, rows, column } = csvTable([intake], definitions);
    expect(header.at(-3)).toBe("ライフライン");
    expect(column(rows[0], "ライフライン")).toBe("停止");
  });
});
