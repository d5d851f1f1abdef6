import { describe, expect, it } from "vitest";
import { extractForms } from "../../workers/extract/extract-forms.ts";
import { cell, type LineSpec, syntheticPage } from "./synthetic-page.ts";

const TITLE: LineSpec = { y: 100, words: [["支援経過記録", 650]], em: 46 };
/** Column edges of the table, left to right: 日付 | 対応方法 | 内容 | 対応者. */
const COLUMNS = [143, 330, 465, 1340, 1510] as const;

interface Row {
  date: string;
  method: string;
  content: string[];
  staff: string[];
}

const ROWS: Row[] = [
  {
    date: "R5.4.3",
    method: "来所",
    content: ["母来所。息子のひきこもりについて相談あり。", "これまでの経過を聞き取った。"],
    staff: ["松本"],
  },
  {
    date: "2023/4/12",
    method: "訪問",
    content: ["自宅を訪問。本人とは会えなかった。"],
    staff: ["松本", "悠斗"],
  },
];

const EXPECTED = [
  {
    date: "2023-04-03",
    method: "visit_office",
    content: "母来所。息子のひきこもりについて相談あり。これまでの経過を聞き取った。",
    staff: "松本",
  },
  {
    date: "2023-04-12",
    method: "home_visit",
    content: "自宅を訪問。本人とは会えなかった。",
    staff: "松本 悠斗",
  },
];

function headingLine(y: number): LineSpec {
  return {
    y,
    words: [
      ["日付", 210],
      ["対応方法", 340],
      ["内容", 870],
      ["対応者", 1380],
    ],
  };
}

/** The row's words, one line per content line, as whole-page OCR reads an unruled table. */
function rowLines(row: Row, y: number): LineSpec[] {
  return row.content.map((content, index) => ({
    y: y + index * 47,
    words: [
      ...(index === 0
        ? ([
            [row.date, 150],
            [row.method, 360],
            ...row.staff.map((name, n): [string, number] => [name, 1350 + n * 75]),
          ] as [string, number][])
        : []),
      [content, 480],
    ],
  }));
}

function entries(page: ReturnType<typeof syntheticPage>) {
  const [form] = extractForms([page], { today: "2025-01-01" });
  expect(form?.docType).toBe("progress");
  return form?.items.common.entries;
}

describe("the progress table (支援経過記録)", () => {
  it("reads rows and columns from the ruled cells", () => {
    const cells = [
      ...["日付", "対応方法", "内容", "対応者"].map((heading, column) =>
        cell(
          [
            COLUMNS[column] as number,
            492,
            (COLUMNS[column + 1] as number) - (COLUMNS[column] as number) - 3,
            56,
          ],
          [{ y: 505, words: [[heading, (COLUMNS[column] as number) + 20]] }],
        ),
      ),
      ...ROWS.flatMap((row, index) => {
        const top = 551 + index * 108;
        const texts = [[row.date], [row.method], row.content, [row.staff.join(" ")]];
        return texts.map((lines, column) =>
          cell(
            [
              COLUMNS[column] as number,
              top,
              (COLUMNS[column + 1] as number) - (COLUMNS[column] as number) - 3,
              105,
            ],
            lines.map((text, line) => ({
              y: top + 10 + line * 47,
              words: text
                .split(" ")
                .map((part, n): [string, number] => [
                  part,
                  (COLUMNS[column] as number) + 12 + n * 75,
                ]),
            })),
          ),
        );
      }),
    ];
    expect(entries(syntheticPage([TITLE], { cells }))).toMatchObject({
      value: EXPECTED,
      needsReview: false,
    });
  });

  it("reads an unruled table by the headings' columns and a row per date", () => {
    const lines = [
      TITLE,
      headingLine(505),
      ...rowLines(ROWS[0] as Row, 560),
      ...rowLines(ROWS[1] as Row, 700),
    ];
    expect(entries(syntheticPage(lines))).toMatchObject({ value: EXPECTED });
  });

  it("keeps a row whose date cannot be read, with the date null and the field in review", () => {
    const broken = { ...(ROWS[0] as Row), date: "R5.4.印" };
    const lines = [
      TITLE,
      headingLine(505),
      ...rowLines(broken, 560),
      ...rowLines(ROWS[1] as Row, 700),
    ];
    const item = entries(syntheticPage(lines));
    expect(item).toMatchObject({
      value: [{ ...EXPECTED[0], date: null }, EXPECTED[1]],
      needsReview: true,
      reason: expect.stringContaining("1行目 日付"),
    });
  });

  it("sends a progress record without its table to review", () => {
    expect(entries(syntheticPage([TITLE]))).toMatchObject({ value: null, needsReview: true });
  });
});
