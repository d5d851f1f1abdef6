import { describe, expect, it } from "vitest";
import { extractForms } from "../../workers/extract/extract-forms.ts";
import { cell, type LineSpec, syntheticPage } from "./synthetic-page.ts";

const TITLE: LineSpec = { y: 100, words: [["相談受付票", 600]], em: 48 };
const ADDRESS = "愛知県豊田市喜多町3-27-9";

function addressOf(lines: LineSpec[]) {
  const [form] = extractForms([syntheticPage([TITLE, ...lines])], { today: "2025-01-01" });
  return form?.items.common.address?.value;
}

describe("the value of a label printed above its box", () => {
  it("is the line under the label", () => {
    expect(
      addressOf([
        { y: 300, words: [["住所", 100]] },
        { y: 350, words: [[ADDRESS, 110]] },
      ]),
    ).toBe(ADDRESS);
  });

  it("is still the whole line under the label when a speck sits beside the label", () => {
    expect(
      addressOf([
        {
          y: 300,
          words: [
            ["住所", 100],
            [".", 400],
          ],
        },
        { y: 350, words: [[ADDRESS, 110]] },
      ]),
    ).toBe(ADDRESS);
  });
});

describe("the value of a label over its ruled box, beside another box's label", () => {
  const AGENCY = "豊田市福祉総合相談窓口";
  function agencyOf(nextLabel: string) {
    const page = syntheticPage(
      [
        TITLE,
        {
          y: 370,
          words: [
            ["機関名", 100],
            [nextLabel, 860],
          ],
        },
      ],
      {
        cells: [
          cell([90, 410, 700, 50], [{ y: 420, words: [[AGENCY, 100]] }]),
          cell([850, 410, 700, 50], [{ y: 420, words: [["山田 康弘", 860]] }]),
        ],
      },
    );
    const [form] = extractForms([page], { today: "2025-01-01" });
    return form?.items.common.agency?.value;
  }

  it("is the box's line, not the other label misread so that it is not known as one", () => {
    expect(agencyOf("揚導相談具")).toBe(AGENCY);
    expect(agencyOf("担当相談員")).toBe(AGENCY);
  });
  it("is still the text after the label, a few em on, where a box below holds something else", () => {
    // 担当者： on a label-colon sheet, its value in the values' column 6 em on, a table below.
    const page = syntheticPage(
      [
        TITLE,
        {
          y: 370,
          words: [
            ["担当者：", 100],
            ["阿部裕子", 400],
          ],
        },
      ],
      { cells: [cell([90, 410, 200, 50], [{ y: 420, words: [["日付", 150]] }])] },
    );
    const [form] = extractForms([page], { today: "2025-01-01" });
    expect(form?.items.common.staff_name?.value).toBe("阿部裕子");
  });
});

describe("the value of a label in a ruled cell of its own", () => {
  it("is the cell below when OCR read a dot beside the label as a character", () => {
    const complaint = "母の年金だけで二人の生活費をまかなっている。";
    const labelCell = cell(
      [90, 280, 1400, 50],
      [
        {
          y: 290,
          words: [
            ["主訴", 100],
            ["ロ", 450],
          ],
        },
      ],
    );
    const dot = labelCell.words[1];
    if (dot) dot.bbox = [453, 302, 3, 3];
    const page = syntheticPage([TITLE], {
      cells: [labelCell, cell([90, 335, 1400, 200], [{ y: 350, words: [[complaint, 100]] }])],
    });
    const [form] = extractForms([page], { today: "2025-01-01" });
    expect(form?.items.common.chief_complaint?.value).toBe(complaint);
  });
});

describe("the value of a label spaced out in its ruled cell", () => {
  /** 整 理 番 号 in a cell of its own, read as `words`, and R6-0379 in the cell beside. */
  function caseNumber(words: [string, number][]) {
    const page = syntheticPage([TITLE], {
      cells: [
        cell([90, 280, 300, 50], [{ y: 290, words }]),
        cell([395, 280, 600, 50], [{ y: 290, words: [["R6-0379", 410]] }]),
      ],
    });
    const [form] = extractForms([page], { today: "2025-01-01" });
    return form?.items.common.case_number?.value;
  }

  it("is the cell beside when OCR misread the label's last character alone (整理 番 サ)", () => {
    expect(
      caseNumber([
        ["整理", 100],
        ["番", 190],
        ["サ", 240],
      ]),
    ).toBe("R6-0379");
  });
});

describe("the value after a label and colon", () => {
  it("stops at the next line's label even when a circled option makes that line taller", () => {
    // 相談機関：世田谷区福祉総合相談センター, then 本人の抱える課題 with (就労) circled: OCR's box
    // of the circled word takes in the loop, so the line's top stands above the label's.
    const page = syntheticPage([
      TITLE,
      {
        y: 300,
        words: [
          ["相談機関", 100],
          [":", 230],
          ["世田谷区福祉総合相談センター", 260],
        ],
      },
      {
        y: 345,
        words: [
          ["本人の抱える課題", 100],
          ["経済的困窮", 380],
          ["(就労)", 560],
          ["住まい", 720],
        ],
      },
    ]);
    const issuesLine = page.lines[2];
    const circled = issuesLine?.words[2];
    if (!issuesLine || !circled) throw new Error("no line");
    circled.bbox = [circled.bbox[0], circled.bbox[1] - 20, circled.bbox[2], circled.bbox[3] + 40];
    issuesLine.bbox = [issuesLine.bbox[0], 325, issuesLine.bbox[2], 70];
    const [form] = extractForms([page], { today: "2025-01-01" });
    expect(form?.items.common.agency?.value).toBe("世田谷区福祉総合相談センター");
  });
});
