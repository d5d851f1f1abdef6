import { describe, expect, it } from "vitest";
import { builtinFormDefinitions } from "../../config/forms/builtin-form-definitions.ts";
import { withDateRunOver } from "../../workers/extract/date-run-over.ts";
import type { Token } from "../../workers/extract/page-text.ts";

const columns = builtinFormDefinitions.fields.find((field) => field.key === "entries")?.columns;
if (!columns) throw new Error("no entries columns");

let ids = 0;
/** A token of one glyph per character, 20 px each, from x. */
function token(text: string, x: number): Token {
  const glyphs = Array.from(text).map((char, index) => ({
    id: ids++,
    char,
    bbox: [x + 20 * index, 100, 18, 20] as [number, number, number, number],
    confidence: 0.9,
    wordStart: index === 0,
  }));
  return { glyphs, bbox: [x, 100, 20 * glyphs.length, 20], colonAfter: false };
}

const text = (lines: Token[][] | undefined) =>
  (lines ?? []).map((line) => line.map((t) => t.glyphs.map((g) => g.char).join("")).join(" "));

function row(date: string[], method: string[]) {
  const cells = new Map<string, Token[][]>([
    ["date", [date.map((word, index) => token(word, 10 + 100 * index))]],
    ["method", [method.map((word, index) => token(word, 300 + 40 * index))]],
    ["content", [[token("本人来所。", 500)]]],
    ["staff", [[token("藤井", 900)]]],
  ]);
  const completed = withDateRunOver(columns as NonNullable<typeof columns>, cells);
  return { completed, date: text(cells.get("date")), method: text(cells.get("method")) };
}

describe("a date that ran over its column's rule", () => {
  it("takes the digits the next column starts with, spaced or not", () => {
    expect(row(["2022/3/"], ["2", "5", "来所"])).toEqual({
      completed: ["date"],
      date: ["2022/3/ 25"],
      method: ["来所"],
    });
    expect(row(["R6.1."], ["31同行"])).toMatchObject({ date: ["R6.1. 31"], method: ["同行"] });
  });

  it("is left alone when the date ends in a digit or the next column starts with none", () => {
    expect(row(["2022/3/25"], ["1", "来所"]).completed).toEqual([]);
    expect(row(["2022/3/"], ["来所"])).toMatchObject({ completed: [], method: ["来所"] });
  });

  it("takes no more than a day's two digits", () => {
    expect(row(["2022/3/"], ["253", "来所"])).toMatchObject({
      date: ["2022/3/ 25"],
      method: ["3 来所"],
    });
  });
});
