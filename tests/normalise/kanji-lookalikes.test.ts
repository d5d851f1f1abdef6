import { describe, expect, it } from "vitest";
import { kanjiForLoneKatakana } from "../../workers/extract/normalise/kanji-lookalikes.ts";

describe("kanjiForLoneKatakana", () => {
  it.each([
    ["10年ほどー人で暮らしている", "10年ほど一人で暮らしている"],
    ["山田 ー郎", "山田 一郎"],
    ["福祉総合相談窓ロ", "福祉総合相談窓口"],
    ["関係機関の協カを得る", "関係機関の協力を得る"],
    ["タ方に訪問", "夕方に訪問"],
    ["78オの母", "78才の母"],
    ["太子堂2丁目9番8号第ニコーポ306号室", "太子堂2丁目9番8号第二コーポ306号室"],
  ])("%j → %j", (read, meant) => {
    expect(kanjiForLoneKatakana(read)).toBe(meant);
  });

  it.each([
    "ハローワークに同行",
    "地域包括支援センターと連携",
    "すごーい",
    "3カ月滞納",
    "1丁目ー2",
    "マリア・ロペス",
    "ロ",
  ])("leaves %j as it is", (text) => {
    expect(kanjiForLoneKatakana(text)).toBe(text);
  });
});
