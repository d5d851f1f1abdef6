import { describe, expect, it } from "vitest";
import { builtinFormDefinitions } from "../../config/forms/builtin-form-definitions.ts";
import { corroborateTable } from "../../workers/extract/corroborate.ts";
import type { FieldReading } from "../../workers/extract/read-field.ts";
import { withCellsReadAgain } from "../../workers/extract/table-cells-read-again.ts";

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
