import { beforeAll, describe, expect, it } from "vitest";
import { builtinFormDefinitions } from "../../config/forms/builtin-form-definitions.ts";
import { corroborateTable } from "../../workers/extract/corroborate.ts";
import { type LanguageModel, loadLanguageModel } from "../../workers/extract/language-model.ts";
import type { FieldReading } from "../../workers/extract/read-field.ts";
import { withCellsReadAgain } from "../../workers/extract/table-cells-read-again.ts";
import { withLikelierTableText } from "../../workers/extract/table-text-likelier.ts";

const entries = builtinFormDefinitions.fields.find((field) => field.key === "entries");
if (!entries) throw new Error("no entries field");

function table(rows: Record<string, unknown>[], reasons: string[] = []): FieldReading {
  return { value: rows, raw: "", bbox: null, page: 1, confidence: 0.9, reasons };
}

const row = (date: string | null, method: string | null = "phone") => ({
  date,
  method,
  content: "本人より電話。",
  staff: "藤田",
});

describe("a table cell the first reading could not read", () => {
  it("is taken from the enlarged reading, its reason saying so", () => {
    const first = table([row("2024-01-29"), row(null)], ["2行目 日付: 日付として読めません"]);
    const read = withCellsReadAgain(entries, first, table([row("2024-01-29"), row("2024-01-31")]));
    expect(read.value).toEqual([row("2024-01-29"), row("2024-01-31")]);
    expect(read.reasons).toEqual(["2行目 日付: 拡大した読み取りで読みました"]);
  });

  it("stays unread when the enlarged reading doubted that cell too", () => {
    const first = table([row(null)], ["1行目 日付: 日付として読めません"]);
    const second = table([row("2024-01-03")], ["1行目 日付: 「昌」を「日」と読みました"]);
    expect(withCellsReadAgain(entries, first, second)).toBe(first);
  });

  it("stays unread when the readings found different rows", () => {
    const first = table([row(null)], ["1行目 日付: 日付として読めません"]);
    expect(withCellsReadAgain(entries, first, table([row("2024-01-03"), row("2024-01-05")]))).toBe(
      first,
    );
  });

  it("leaves a cell the first reading read as it read it", () => {
    const first = table([row("2024-01-29", "phone")]);
    expect(withCellsReadAgain(entries, first, table([row("2024-01-28", "visit_office")]))).toBe(
      first,
    );
  });
});

describe("a table two readings give alike", () => {
  const rows = [row("2024-04-12")];
  const sure = (confidence: number) => ({ ...table(rows), confidence });

  it("is raised when the whole-page reading gives it alike too", () => {
    expect(corroborateTable(sure(0.7), sure(0.7), sure(0.5)).confidence).toBeCloseTo(0.91);
  });

  it("is not raised on two readings alone: both scales may share a paragraph's misreading", () => {
    expect(corroborateTable(sure(0.7), sure(0.7), table([row("2024-04-13")])).confidence).toBe(0.7);
    expect(corroborateTable(sure(0.7), sure(0.7), null).confidence).toBe(0.7);
  });
});

describe("a progress entry's 内容 another reading of the table reads otherwise", () => {
  let language: LanguageModel;
  beforeAll(async () => {
    language = await loadLanguageModel();
  }, 60_000);

  const entry = (content: string) => ({
    date: "2021-03-02",
    method: "visit_office",
    content,
    staff: "藤田",
  });
  const VISIT = "本人来所。家賃滞納の経緯を聞き取った。";
  const misread = VISIT.replace("賃", "貸");

  it("takes the other reading's stretch where it reads likelier, naming the cell", () => {
    const read = withLikelierTableText(
      entries,
      table([entry("本人より電話。"), entry(misread)]),
      [table([entry("本人より電話。"), entry(VISIT)]), null],
      language,
    );
    expect(read.value).toEqual([entry("本人より電話。"), entry(VISIT)]);
    expect(read.reasons).toEqual([
      "2行目 内容: 「貸」を別の読み取りの「賃」と読みました（日本語として自然な方）",
    ]);
  });

  it("compares only a reading with as many rows, and in it only a cell of the same text", () => {
    // 貫 is not a lookalike of 賃 (lookalike-characters.ts): only another reading can put it right.
    const first = table([entry(VISIT.replace("賃", "貫"))]);
    expect(
      withLikelierTableText(entries, first, [table([entry(VISIT), entry(VISIT)])], language),
    ).toBe(first);
    const otherRow = table([entry("母から電話。息子の様子について相談を受けた。家賃。")]);
    expect(withLikelierTableText(entries, first, [otherRow], language)).toBe(first);
  });

  it("tries a character's lookalikes where no other reading differs", () => {
    const read = withLikelierTableText(entries, table([entry(misread)]), [], language);
    expect(read.value).toEqual([entry(VISIT)]);
    expect(read.reasons).toEqual([
      "1行目 内容: 「貸」を形の似た「賃」と読みました（日本語として自然な方）",
    ]);
    const right = table([entry(VISIT)]);
    expect(withLikelierTableText(entries, right, [], language)).toBe(right);
  });

  it("leaves the table as read without a language model", () => {
    const first = table([entry(misread)]);
    expect(withLikelierTableText(entries, first, [table([entry(VISIT)])], undefined)).toBe(first);
  });
});
