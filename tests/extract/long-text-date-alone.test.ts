import { describe, expect, it } from "vitest";
import { normaliseValue } from "../../workers/extract/normalise-value.ts";

const context = { today: "2025-01-01" };
const DOUBT = "文章の欄に日付だけが読めました（別の項目の値の可能性）";

describe("long text that is a date and nothing else", () => {
  it("goes to review as another field's value", () => {
    expect(normaliseValue("longtext", "令和5年3月27日", context)).toEqual({
      ok: true,
      value: "令和5年3月27日",
      warnings: [DOUBT],
    });
  });

  it("keeps the normaliser's repairs as repairs", () => {
    expect(normaliseValue("longtext", "令和5年3月27日、", context)).toEqual({
      ok: true,
      value: "令和5年3月27日",
      warnings: [DOUBT, "末尾の「、」を汚れとして除きました"],
      repairs: ["末尾の「、」を汚れとして除きました"],
    });
  });

  it("leaves a paragraph holding a date, and a short text, as they are", () => {
    const paragraph = "令和5年3月27日に来所し、今後の支援について話し合った。";
    expect(normaliseValue("longtext", paragraph, context)).toEqual({ ok: true, value: paragraph });
    expect(normaliseValue("text", "令和5年3月27日", context)).toEqual({
      ok: true,
      value: "令和5年3月27日",
    });
  });
});
