import { describe, expect, it } from "vitest";
import { differences } from "../../workers/extract/text-alignment.ts";

describe("differences", () => {
  it("is nothing for the same text", () => {
    expect(differences("世帯の収入", "世帯の収入")).toEqual([]);
  });

  it("gives a character read otherwise with what the other text has there", () => {
    expect(differences("世淀の収入", "世帯の収入")).toEqual([{ start: 1, end: 2, text: "帯" }]);
  });

  it("gives a character the other text lacks as a stretch read as nothing", () => {
    expect(differences("無理のない人範囲に", "無理のない範囲に")).toEqual([
      { start: 5, end: 6, text: "" },
    ]);
  });

  it("gives a character only the other text has as an empty stretch before the next", () => {
    expect(differences("102号", "102号室")).toEqual([{ start: 4, end: 4, text: "室" }]);
    expect(differences("帯の収入", "世帯の収入")).toEqual([{ start: 0, end: 0, text: "世" }]);
  });

  it("gives each run apart, neighbouring characters read otherwise as one", () => {
    expect(differences("困究の直接の原困", "困窮の直接の原因")).toEqual([
      { start: 1, end: 2, text: "窮" },
      { start: 7, end: 8, text: "因" },
    ]);
    expect(differences("高校掌業後", "高校卒業後")).toEqual([{ start: 2, end: 3, text: "卒" }]);
    expect(differences("陳審のこと", "障害のこと")).toEqual([{ start: 0, end: 2, text: "障害" }]);
  });
});
