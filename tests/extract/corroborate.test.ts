import { beforeAll, describe, expect, it } from "vitest";
import { extractForms } from "../../workers/extract/extract-forms.ts";
import { type LanguageModel, loadLanguageModel } from "../../workers/extract/language-model.ts";
import type { PageEvidence } from "../../workers/extract/page-evidence.ts";
import type { OcrWord } from "../../workers/ocr/ocr-result.ts";
import { InkPage } from "./synthetic-ink.ts";
import { cell, type LineSpec, syntheticPage } from "./synthetic-page.ts";

const TITLE: LineSpec = { y: 100, words: [["相談受付票", 600]], em: 48 };

/** A label-colon line: 相談機関：<agency>, read with `confidence`. */
function agencyLine(agency: string, confidence: number): LineSpec {
  return {
    y: 300,
    words: [
      ["相談機関：", 100],
      [agency, 280, confidence],
    ],
  };
}

/** The page as first read, with the line read a second time (enlarged) as `second` says. */
function page(first: LineSpec, second: LineSpec | null): PageEvidence {
  const evidence = syntheticPage([TITLE, first]);
  if (second === null) return evidence;
  return {
    ...evidence,
    rescaledCells: [],
    rescaledLines: [cell([560, 90, 300, 60], [TITLE]), cell([80, 290, 900, 50], [second])],
  };
}

function agencyItem(evidence: PageEvidence) {
  const [form] = extractForms([evidence], { today: "2025-01-01" });
  return form?.items.common.agency;
}

describe("a value corroborated by the page's second reading", () => {
  it("is accepted when both readings give it, each only fairly sure", () => {
    const item = agencyItem(
      page(agencyLine("千葉市福祉総合相談窓口", 0.7), agencyLine("千葉市福祉総合相談窓口", 0.7)),
    );
    expect(item).toMatchObject({ value: "千葉市福祉総合相談窓口", needsReview: false });
    expect(item?.confidence).toBeCloseTo(0.91, 2);
  });

  it("is not raised by a second reading that gives it only after a repair", () => {
    const item = agencyItem(
      page(agencyLine("千葉市福祉総合相談窓口", 0.7), agencyLine("千葉市福祉総合相談窯口", 0.7)),
    );
    expect(item).toMatchObject({ value: "千葉市福祉総合相談窓口", needsReview: true });
    expect(item?.confidence).toBeCloseTo(0.7, 2);
  });

  it("takes a repair of the first reading's as borne out by a second reading that read the value so", () => {
    const item = agencyItem(
      page(agencyLine("千葉市福祉総合相談窯口", 0.7), agencyLine("千葉市福祉総合相談窓口", 0.7)),
    );
    expect(item).toMatchObject({
      value: "千葉市福祉総合相談窓口",
      raw: "千葉市福祉総合相談窯口",
      needsReview: false,
    });
    expect(item?.reason).toBeUndefined();
  });

  it("still names a repair borne out when the value goes to review for low confidence", () => {
    const item = agencyItem(
      page(agencyLine("千葉市福祉総合相談窯口", 0.3), agencyLine("千葉市福祉総合相談窓口", 0.3)),
    );
    expect(item).toMatchObject({
      value: "千葉市福祉総合相談窓口",
      needsReview: true,
      reason: "読み取りの確信度が低い（0.51） / 「総合相談窯口」を「総合相談窓口」と読み替えました",
    });
  });

  it("stays for review when the second reading reads another value there", () => {
    const item = agencyItem(
      page(agencyLine("千葉市福祉総合相談窓口", 0.7), agencyLine("千葉市福祉総合相談所", 0.9)),
    );
    expect(item).toMatchObject({ value: "千葉市福祉総合相談窓口", needsReview: true });
    expect(item?.confidence).toBeCloseTo(0.7, 2);
  });

  it("goes to review when the second reading reads another value there, however sure the first", () => {
    const item = agencyItem(
      page(agencyLine("仕事相談センタ", 0.9), agencyLine("仕事相談センター", 0.9)),
    );
    expect(item).toMatchObject({ value: "仕事相談センタ", needsReview: true });
    expect(item?.reason).toContain("仕事相談センター");
  });

  it("takes a case number's hyphen from the second reading when only the first lost it", () => {
    const caseNumber = (value: string): LineSpec => ({
      y: 300,
      words: [
        ["相談番号：", 100],
        [value, 280, 0.95],
      ],
    });
    const read = (first: string, second: string) => {
      const [form] = extractForms([page(caseNumber(first), caseNumber(second))], {
        today: "2025-01-01",
      });
      return form?.items.common.case_number;
    };
    expect(read("20200153", "2020-0153")).toMatchObject({ value: "2020-0153", needsReview: true });
    // Digits read otherwise keep the first reading's value.
    expect(read("20200158", "2020-0153")).toMatchObject({ value: "20200158", needsReview: true });
  });

  it("takes the parenthesis that closes the value from the second reading when only the first lost it", () => {
    const read = (first: string, second: string) =>
      agencyItem(page(agencyLine(first, 0.95), agencyLine(second, 0.95)));
    expect(read("千葉市福祉総合相談窓口(本庁", "千葉市福祉総合相談窓口(本庁)")).toMatchObject({
      value: "千葉市福祉総合相談窓口(本庁)",
      needsReview: true,
    });
    expect(read("千葉市福祉総合相談窓口", "千葉市福祉総合相談窓口)")).toMatchObject({
      value: "千葉市福祉総合相談窓口",
      needsReview: true,
    });
  });

  it("is nothing when both readings read a speck as punctuation", () => {
    const item = agencyItem(page(agencyLine("・", 0.97), agencyLine("・", 0.97)));
    expect(item).toMatchObject({ value: null, needsReview: true });
  });

  it("stays for review when the page was read only once", () => {
    const item = agencyItem(page(agencyLine("千葉市福祉総合相談窓口", 0.7), null));
    expect(item).toMatchObject({ value: "千葉市福祉総合相談窓口", needsReview: true });
  });
});

describe("a value of digits the first reading could not make valid", () => {
  const dateLine = (value: string): LineSpec => ({
    y: 300,
    words: [
      ["受付日：", 100],
      [value, 280, 0.95],
    ],
  });
  const read = (first: string, second: string) => {
    const [form] = extractForms([page(dateLine(first), dateLine(second))], {
      today: "2025-01-01",
    });
    return form?.items.common.intake_date;
  };

  it("is taken from the enlarged reading where that reads it valid, for review, naming the first", () => {
    const item = read("2023/7/139", "2023/7/19");
    expect(item).toMatchObject({ value: "2023-07-19", needsReview: true });
    expect(item?.reason).toContain("「2023/7/139」と読めましたが");
  });

  it("is taken so when it is a date past today", () => {
    expect(read("令和83年6月15日", "令和3年6月15日")).toMatchObject({
      value: "2021-06-15",
      needsReview: true,
    });
  });

  it("stays as read when the enlarged reading cannot make it valid either", () => {
    expect(read("2023/7/139", "2023/7/138")).toMatchObject({ value: null, needsReview: true });
  });
});

describe("an address line read with a character more than its typed ink spans", () => {
  // In kanji numerals: the widths of Latin digits vary with the face, the count's margin does not.
  const PRINTED = "千葉県市川市八幡四丁目十五番三号みどりレジデンス";
  const read = (first: string, enlarged: string) => {
    const ink = new InkPage();
    ink.title("相談受付票");
    const label = ink.text("住所：", 100, 300);
    const value = ink.text(PRINTED, 200, 300, first);
    ink.line([label, value]);
    const [x, y, width, height] = value.bbox;
    const evidence = {
      ...ink.evidence(),
      rescaledCells: [],
      rescaledLines: [
        cell(
          [80, y - 10, x + width, height + 20],
          [
            {
              y,
              em: height,
              words: [
                ["住所：", label.bbox[0]],
                [enlarged, x],
              ],
            },
          ],
        ),
      ],
    };
    const [form] = extractForms([evidence], { today: "2025-01-01" });
    return form?.items.common.address;
  };

  it("is taken from the enlarged reading that gives it without one character, for review", () => {
    const doubled = "千葉県市川市八幡幡四丁目十五番三号みどりレジデンス";
    expect(read(doubled, PRINTED)).toMatchObject({ value: PRINTED, needsReview: true });
  });

  it("is kept when the ink holds as many characters as were read", () => {
    const short = "千葉県市川市八四丁目十五番三号みどりレジデンス";
    expect(read(PRINTED, short)).toMatchObject({ value: PRINTED, needsReview: true });
  });
});

describe("a name corroborated by the page's second reading", () => {
  const nameLine = (name: string, confidence: number): LineSpec => ({
    y: 300,
    words: [
      ["氏名：", 100],
      [name, 220, confidence],
    ],
  });
  const clientName = (first: LineSpec, second: LineSpec) => {
    const [form] = extractForms([page(first, second)], { today: "2025-01-01" });
    return form?.items.common.client_name;
  };

  it("is accepted when both readings give it, neither sure enough alone", () => {
    const item = clientName(nameLine("山田 花子", 0.5), nameLine("山田 花子", 0.5));
    expect(item).toMatchObject({ value: "山田 花子", needsReview: false });
    expect(item?.confidence).toBeCloseTo(0.965, 3);
  });

  it("stays for review when the second reading gives it otherwise", () => {
    expect(clientName(nameLine("山田 花子", 0.5), nameLine("山田 花手", 0.9))).toMatchObject({
      value: "山田 花子",
      needsReview: true,
    });
  });

  it("keeps the first reading's acceptance when the second reads it otherwise", () => {
    expect(clientName(nameLine("山田 花子", 0.9), nameLine("山田 花手", 0.9))).toMatchObject({
      value: "山田 花子",
      needsReview: false,
    });
  });
});

describe("a label only the second reading read", () => {
  // 相談機関 misread in the first reading (相談機閑 is past what label matching allows here).
  const misread = (agency: string): LineSpec => ({
    y: 300,
    words: [
      ["話謎機閑：", 100],
      [agency, 280, 0.97],
    ],
  });

  it("gives its value, for review when the first reading reads another value there", () => {
    const item = agencyItem(
      page(misread("千葉市福祉総合相談窯口"), agencyLine("千葉市福祉総合相談窓口", 0.97)),
    );
    expect(item).toMatchObject({ value: "千葉市福祉総合相談窓口", needsReview: true });
    expect(item?.reason).toContain("別の読み取り");
  });

  it("gives its value without that doubt when the first reading reads the same value there", () => {
    const item = agencyItem(
      page(misread("千葉市福祉総合相談窓口"), agencyLine("千葉市福祉総合相談窓口", 0.97)),
    );
    expect(item).toMatchObject({ value: "千葉市福祉総合相談窓口", needsReview: false });
  });
});

describe("a paragraph the three readings of a ruled page give alike", () => {
  const COMPLAINT = "職場の人間関係がうまくいかず、仕事を辞めてしまった。";
  const label: LineSpec = { y: 300, words: [["主訴", 100]] };
  const paragraph = (text: string, confidence: number): LineSpec => ({
    y: 370,
    words: [[text, 100, confidence]],
  });
  const labelCell = [80, 290, 900, 50] as const;
  const valueCell = [80, 350, 900, 120] as const;

  /** Each reading of the value cell: [text, confidence] for the cell, enlarged, whole page. */
  function complaint(readings: [string, number][]) {
    const [first, enlarged, whole] = readings.map(([text, confidence]) =>
      paragraph(text, confidence),
    ) as [LineSpec, LineSpec, LineSpec];
    const evidence: PageEvidence = {
      ...syntheticPage([TITLE, label, whole], {
        cells: [cell([...labelCell], [label]), cell([...valueCell], [first])],
      }),
      rescaledCells: [cell([...labelCell], [label]), cell([...valueCell], [enlarged])],
      rescaledLines: [cell([560, 90, 300, 60], [TITLE])],
    };
    const [form] = extractForms([evidence], { today: "2025-01-01" });
    return form?.items.common.chief_complaint;
  }

  it("is accepted when each reading is fairly sure of every character", () => {
    const item = complaint([
      [COMPLAINT, 0.9],
      [COMPLAINT, 0.9],
      [COMPLAINT, 0.9],
    ]);
    expect(item).toMatchObject({ value: COMPLAINT, needsReview: false });
  });

  it("is accepted from 10 % when all three agree, and not below", () => {
    // Scaled by 0.92 (longtext's calibration): 0.15 is 13.8 % sure, 0.1 is 9.2 %.
    expect(
      complaint([
        [COMPLAINT, 0.15],
        [COMPLAINT, 0.9],
        [COMPLAINT, 0.9],
      ]),
    ).toMatchObject({ value: COMPLAINT, needsReview: false });
    expect(
      complaint([
        [COMPLAINT, 0.1],
        [COMPLAINT, 0.9],
        [COMPLAINT, 0.9],
      ]),
    ).toMatchObject({ value: COMPLAINT, needsReview: true });
  });

  it("is accepted when all three agree, each 57 % sure, which two readings alone are not", () => {
    // 0.62 × 0.92 (longtext's calibration) = 0.57 in each reading's least sure character.
    expect(
      complaint([
        [COMPLAINT, 0.62],
        [COMPLAINT, 0.62],
        [COMPLAINT, 0.62],
      ]),
    ).toMatchObject({ value: COMPLAINT, needsReview: false });
    expect(
      complaint([
        [COMPLAINT, 0.62],
        [COMPLAINT, 0.62],
        [COMPLAINT.replace("辞", "群"), 0.62],
      ]),
    ).toMatchObject({ value: COMPLAINT, needsReview: true });
  });

  it("asks more of the first two readings when the whole-page reading reads a character otherwise", () => {
    const otherwise = COMPLAINT.replace("辞", "群");
    expect(
      complaint([
        [COMPLAINT, 0.9],
        [COMPLAINT, 0.9],
        [otherwise, 0.9],
      ]),
    ).toMatchObject({ value: COMPLAINT, needsReview: false });
    expect(
      complaint([
        [COMPLAINT, 0.6],
        [COMPLAINT, 0.9],
        [otherwise, 0.9],
      ]),
    ).toMatchObject({ value: COMPLAINT, needsReview: true });
    expect(
      complaint([
        [COMPLAINT, 0.6],
        [COMPLAINT, 0.9],
        [COMPLAINT, 0.9],
      ]),
    ).toMatchObject({ value: COMPLAINT, needsReview: false });
  });

  it("stays for review when the enlarged reading reads a character otherwise", () => {
    expect(
      complaint([
        [COMPLAINT, 0.9],
        [COMPLAINT.replace("辞", "群"), 0.9],
        [COMPLAINT, 0.9],
      ]),
    ).toMatchObject({ needsReview: true });
  });
});

describe("a paragraph on a page without ruled cells, which has no whole-page reading of its own", () => {
  const COMPLAINT = "職場の人間関係がうまくいかず、仕事を辞めてしまった。";
  const complaintLine = (text: string, confidence: number): LineSpec => ({
    y: 300,
    words: [
      ["主訴：", 100],
      [text, 220, confidence],
    ],
  });

  function complaint(first: [string, number], enlarged: [string, number]) {
    const evidence = page(complaintLine(...first), complaintLine(...enlarged));
    const [form] = extractForms([evidence], { today: "2025-01-01" });
    return form?.items.common.chief_complaint;
  }

  it("is accepted when the enlarged reading gives it alike and both are sure enough", () => {
    expect(complaint([COMPLAINT, 0.8], [COMPLAINT, 0.8])).toMatchObject({
      value: COMPLAINT,
      needsReview: false,
    });
  });

  it("asks as much of the two readings as where the whole-page reading differs", () => {
    expect(complaint([COMPLAINT, 0.6], [COMPLAINT, 0.9])).toMatchObject({
      value: COMPLAINT,
      needsReview: true,
    });
  });

  it("stays for review when the enlarged reading reads a character otherwise", () => {
    expect(complaint([COMPLAINT, 0.9], [COMPLAINT.replace("辞", "群"), 0.9])).toMatchObject({
      value: COMPLAINT,
      needsReview: true,
    });
  });

  describe("with a word the first reading misread and the normaliser put back", () => {
    const ARREARS = "電気料金の滞納があり、督促状が届いていた。";
    const misread = ARREARS.replace("督", "骨");

    it("is accepted when the enlarged reading read the word as put back", () => {
      const item = complaint([misread, 0.8], [ARREARS, 0.8]);
      expect(item).toMatchObject({ value: ARREARS, raw: misread, needsReview: false });
      expect(item?.reason).toBeUndefined();
    });

    it("keeps the repair for review when the enlarged reading is not sure enough", () => {
      expect(complaint([misread, 0.8], [ARREARS, 0.5])).toMatchObject({
        value: ARREARS,
        needsReview: true,
        reason: "「骨促状」を「督促状」と読み替えました",
      });
    });

    it("keeps it for review when the enlarged reading needed the repair too", () => {
      expect(complaint([misread, 0.8], [misread, 0.8])).toMatchObject({
        value: ARREARS,
        needsReview: true,
      });
    });
  });
});

describe("a text the two readings of a page without ruled cells give otherwise", () => {
  const POVERTY = "失業による収入の途絶が生活困窮の直接の原因となっている。";
  const misread = POVERTY.replace("窮", "究");
  const summaryLine = (text: string): LineSpec => ({
    y: 300,
    words: [
      ["主訴：", 100],
      [text, 220, 0.9],
    ],
  });
  let language: LanguageModel;
  beforeAll(async () => {
    language = await loadLanguageModel();
  }, 60_000);

  function complaint(first: string, enlarged: string, withLanguage: boolean) {
    const evidence = page(summaryLine(first), summaryLine(enlarged));
    const [form] = extractForms([evidence], {
      today: "2025-01-01",
      ...(withLanguage ? { language } : {}),
    });
    return form?.items.common.chief_complaint;
  }

  it("takes the enlarged reading's stretch where it reads likelier, for review, naming it", () => {
    expect(complaint(misread, POVERTY, true)).toMatchObject({
      value: POVERTY,
      needsReview: true,
      reason: "「究」を別の読み取りの「窮」と読みました（日本語として自然な方）",
    });
  });

  it("keeps the first reading where the enlarged reading's is less likely", () => {
    expect(complaint(POVERTY, misread, true)).toMatchObject({ value: POVERTY, needsReview: true });
  });

  it("keeps the first reading without a language model: two readings cannot outvote", () => {
    expect(complaint(misread, POVERTY, false)).toMatchObject({ value: misread, needsReview: true });
  });
});

describe("a value the enlarged reading reads as far less likely Japanese", () => {
  const AGENCY = "久留米市福祉総合相談窓口";
  let language: LanguageModel;
  beforeAll(async () => {
    language = await loadLanguageModel();
  }, 60_000);

  function agency(first: string, enlarged: string, withLanguage: boolean) {
    const [form] = extractForms([page(agencyLine(first, 0.95), agencyLine(enlarged, 0.95))], {
      today: "2025-01-01",
      ...(withLanguage ? { language } : {}),
    });
    return form?.items.common.agency;
  }

  it("is no dispute of the first reading's value", () => {
    expect(agency(AGENCY, "久六米市福祉総合相談窓口", true)).toMatchObject({
      value: AGENCY,
      needsReview: false,
    });
  });

  it("still disputes it without a language model, or when the two read alike likely", () => {
    expect(agency(AGENCY, "久六米市福祉総合相談窓口", false)).toMatchObject({
      value: AGENCY,
      needsReview: true,
    });
    expect(agency(AGENCY, "久留米市福祉総合相談所", true)).toMatchObject({
      value: AGENCY,
      needsReview: true,
    });
    // Stretch by stretch: the enlarged reading misread 家計改善支援員 but read no タク after バンク.
    expect(
      agency(
        "市川市社会福祉協議会、家計改善支援員、フードバンクタク",
        "市川市社会福祉協議会、家計上改善支援只、フードバンク",
        true,
      ),
    ).toMatchObject({ needsReview: true });
    // The dictionary judges words, not marks: a bracket more reads less likely.
    expect(agency(`${AGENCY}(本庁`, `${AGENCY}(本庁)`, true)).toMatchObject({
      value: `${AGENCY}(本庁)`,
      needsReview: true,
    });
  });
});

describe("an address the enlarged reading reads with a character after a block number", () => {
  const ADDRESS = "広島県福山市東桜町2丁目15番8号";
  const addressLine = (text: string): LineSpec => ({
    y: 300,
    words: [
      ["住所：", 100],
      [text, 220, 0.95],
    ],
  });
  const address = (enlarged: string) => {
    const [form] = extractForms([page(addressLine(ADDRESS), addressLine(enlarged))], {
      today: "2025-01-01",
    });
    return form?.items.common.address;
  };

  it("is no dispute: an address holds nothing between a number and its 号", () => {
    expect(address("広島県福山市東桜町2丁目15番8人号")).toMatchObject({
      value: ADDRESS,
      needsReview: false,
    });
  });

  it("still disputes a number read otherwise", () => {
    expect(address("広島県福山市東桜町2丁目15番6号")).toMatchObject({ needsReview: true });
    expect(address("広島県福山市東桜町2丁目156番8号")).toMatchObject({ needsReview: true });
  });
});

describe("a label only another reading read", () => {
  const labelCell = [80, 290, 900, 50] as const;
  const valueCell = [80, 350, 900, 120] as const;
  const lines = (first: string, second?: string): LineSpec[] => [
    { y: 370, words: [[first, 100]] },
    ...(second ? [{ y: 410, words: [[second, 100]] } as LineSpec] : []),
  ];

  function complaint(firstReading: LineSpec[], enlarged: LineSpec[]) {
    const evidence: PageEvidence = {
      ...syntheticPage([TITLE], {
        cells: [
          cell([...labelCell], [{ y: 300, words: [["主上", 100]] }]),
          cell([...valueCell], firstReading),
        ],
      }),
      rescaledCells: [
        cell([...labelCell], [{ y: 300, words: [["主訴", 100]] }]),
        cell([...valueCell], enlarged),
      ],
      rescaledLines: [cell([560, 90, 300, 60], [TITLE])],
    };
    const [form] = extractForms([evidence], { today: "2025-01-01" });
    return form?.items.common.chief_complaint;
  }

  it("gives the value the first reading reads there when that reading has a line more", () => {
    expect(
      complaint(
        lines("仕事を辞めてしまった。今後について相", "談したい。"),
        lines("仕事を辞めてしまった。今後について相"),
      ),
    ).toMatchObject({ value: "仕事を辞めてしまった。今後について相談したい。", needsReview: true });
  });

  it("gives its own value when the first reading reads another there", () => {
    expect(
      complaint(lines("仕事を辞めてしまつた。"), lines("仕事を辞めてしまった。")),
    ).toMatchObject({ value: "仕事を辞めてしまった。", needsReview: true });
  });
});

describe("a value the enlarged and the whole-page readings outvote", () => {
  const label: LineSpec = { y: 300, words: [["住所", 100]] };
  const labelCell = [80, 290, 900, 50] as const;
  const valueCell = [80, 350, 900, 60] as const;

  /** The address as the cell, the enlarged and the whole-page readings read it, 95 % sure. */
  function address(first: string, others: string) {
    const value = (text: string): LineSpec => ({ y: 365, words: [[text, 100, 0.95]] });
    const evidence: PageEvidence = {
      ...syntheticPage([TITLE, label, value(others)], {
        cells: [cell([...labelCell], [label]), cell([...valueCell], [value(first)])],
      }),
      rescaledCells: [cell([...labelCell], [label]), cell([...valueCell], [value(others)])],
      rescaledLines: [cell([560, 90, 300, 60], [TITLE])],
    };
    const [form] = extractForms([evidence], { today: "2025-01-01" });
    return form?.items.common.address;
  }

  it("takes the value they agree on", () => {
    expect(address("豊田市小坂本町4-3-1", "豊田市小坂本町4-3-1")).toMatchObject({
      value: "豊田市小坂本町4-3-1",
      needsReview: false,
    });
    expect(address("豊田市小坂木町4-3-1", "豊田市小坂本町4-3-1")).toMatchObject({
      value: "豊田市小坂本町4-3-1",
      needsReview: false,
    });
  });

  it("checks the value they vote for as its own reading would be checked", () => {
    expect(address("豊田市小坂本町4-3-1", "豊田市小坂本町4.3-1")).toMatchObject({
      value: "豊田市小坂本町4.3-1",
      needsReview: true,
      reason: "番地の数字の間に「.」があります（「-」の読み違いの可能性）",
    });
  });
});

describe("a choice of which only another reading of the page read the options", () => {
  it("is read from that reading, for review", () => {
    // A circle drawn through 終結 may leave the first reading nothing of the options (seed 25).
    const title: LineSpec = { y: 100, words: [["評価シート", 600]], em: 48 };
    const labelOnly: LineSpec = { y: 300, words: [["終結：", 100]] };
    const withOptions: LineSpec = {
      y: 300,
      words: [
        ["終結：", 100],
        ["☑終結", 260],
        ["□継続", 420],
      ],
    };
    const evidence: PageEvidence = {
      ...syntheticPage([title, labelOnly]),
      rescaledCells: [],
      rescaledLines: [cell([560, 90, 300, 60], [title]), cell([80, 290, 900, 50], [withOptions])],
    };
    const [form] = extractForms([evidence], { today: "2025-01-01" });
    expect(form?.items.common.closure).toMatchObject({
      value: "closed",
      needsReview: true,
      reason: expect.stringContaining("選択肢は別の読み取りでだけ読めました"),
    });
    const [firstOnly] = extractForms([syntheticPage([title, labelOnly])], { today: "2025-01-01" });
    expect(firstOnly?.items.common.closure?.value).toBeNull();
  });
});

describe("a typed paragraph whose readings differ in places", () => {
  // 主訴 typed on an unruled page, drawn for real so that its ink shows type.
  const PARTS = ["家賃を払えず", "生活に", "困", "っている。"];

  /**
   * The first reading reads every part right, `困` 0 % sure and the rest 95 %; the enlarged
   * reading garbles the first part at 0 % and reads the others as `enlarged` says.
   */
  function complaint(enlarged: { char: string; confidence: number }) {
    const page = new InkPage();
    page.title("相談受付票");
    const label = page.text("主訴", 100, 200);
    let cursor = 250;
    const words = PARTS.map((part) => {
      const word = page.text(part, cursor, 200);
      cursor = word.bbox[0] + word.bbox[2] + 2;
      return { ...word, confidence: part === "困" ? 0 : 0.95 };
    });
    page.line([label, ...words]);
    const [garbled, ...rest] = words as [OcrWord, ...OcrWord[]];
    const again = [
      { ...garbled, text: "0才誠本員員", confidence: 0 },
      ...rest.map((word) =>
        word.text === "困"
          ? { ...word, text: enlarged.char, confidence: enlarged.confidence }
          : word,
      ),
    ];
    const evidence: PageEvidence = {
      ...page.evidence(),
      rescaledCells: [],
      rescaledLines: [
        { bbox: [80, 150, 1000, 80], text: "", confidence: 0.5, words: [label, ...again] },
      ],
    };
    const [form] = extractForms([evidence], { today: "2025-01-01" });
    return form?.items.common.chief_complaint;
  }

  it("is accepted when the enlarged reading reads its unsure character alike in place", () => {
    // 困: 1 − (1 − 0)(1 − 0.7) = 70 %, × 0.92 (longtext's calibration) = 64 % ≥ 60 %.
    expect(complaint({ char: "困", confidence: 0.7 })).toMatchObject({
      value: "家賃を払えず生活に困っている。",
      needsReview: false,
    });
  });

  it("stays for review when the enlarged reading reads that character otherwise", () => {
    expect(complaint({ char: "因", confidence: 0.9 })).toMatchObject({ needsReview: true });
  });

  it("stays for review when the enlarged reading too is unsure of it", () => {
    expect(complaint({ char: "困", confidence: 0.4 })).toMatchObject({ needsReview: true });
  });
});
