import { describe, expect, it } from "vitest";
import {
  normaliseAge,
  normaliseInteger,
} from "../../workers/extract/normalise/normalise-integer.ts";

describe("normaliseAge", () => {
  it.each([
    ["45", 45],
    ["45歳", 45],
    ["４５", 45],
    ["４５歳", 45],
    ["45 歳", 45],
    ["満45歳", 45],
    ["45才", 45],
    ["0歳", 0],
    ["130", 130],
    ["：45歳 |", 45],
  ])("%j → %d", (raw, value) => {
    expect(normaliseAge(raw)).toEqual({ ok: true, value });
  });

  it("reads a look-alike of 歳 after the number as 歳, for review", () => {
    expect(normaliseAge("79蔵")).toEqual({
      ok: true,
      value: 79,
      warnings: ["「蔵」を「歳」と読みました"],
    });
    expect(normaliseAge("蔵")).toEqual({ ok: false, reason: "年齢として読めません" });
  });

  it.each([
    ["", "年齢が記入されていません"],
    ["131歳", "131歳は年齢としてありえません"],
    ["450", "450歳は年齢としてありえません"],
    ["四十五歳", "年齢として読めません"],
    ["4S", "年齢として読めません"],
    ["-3", "年齢として読めません"],
    ["45.5", "年齢として読めません"],
    ["不明", "年齢として読めません"],
  ])("rejects %j: %s", (raw, reason) => {
    expect(normaliseAge(raw)).toEqual({ ok: false, reason });
  });
});

describe("normaliseInteger", () => {
  it.each([
    ["3", 3],
    ["１２００", 1200],
    ["1,200", 1200],
    ["1,234,567", 1234567],
  ])("%j → %d", (raw, value) => {
    expect(normaliseInteger(raw)).toEqual({ ok: true, value });
  });

  it.each(["", "12,00", "-3", "3人", "abc", "99999999999999999999"])("rejects %j", (raw) => {
    expect(normaliseInteger(raw).ok).toBe(false);
  });
});
