import { describe, expect, it } from "vitest";
import { normaliseName } from "../../workers/extract/normalise/normalise-name.ts";

describe("normaliseName", () => {
  it.each([
    ["山田 花子", "山田 花子"],
    ["山田　花子", "山田 花子"],
    ["山田花子", "山田花子"],
    ["山田   花子", "山田 花子"],
    ["：山田 花子", "山田 花子"],
    ["| 山田 花子 |", "山田 花子"],
    ["山田|花子", "山田 花子"],
    ["髙橋　𠮷男", "髙橋 𠮷男"],
    ["山田 花子 様", "山田 花子"],
    ["山田花子様", "山田花子"],
    ["山田 花子殿", "山田 花子"],
    ["山田 花子さま", "山田 花子"],
    ["佐藤 一郎 ㊞", "佐藤 一郎"],
    ["佐藤 一郎 印", "佐藤 一郎"],
    ["佐藤 一郎（印）", "佐藤 一郎"],
    ["ｽﾐｽ ｼﾞｮﾝ", "スミス ジョン"],
    ["Ｓｍｉｔｈ Ｊｏｈｎ", "Smith John"],
    ["中川 恵子 ・", "中川 恵子"],
    ["+ 青木美咲", "青木美咲"],
    ["中川義男.", "中川義男"],
    ["+青木美咲", "青木美咲"],
    ["マリア・ロペス", "マリア・ロペス"],
    ["マリア・サントス", "マリア・サントス"],
  ])("%j → %j", (raw, value) => {
    expect(normaliseName(raw)).toEqual({ ok: true, value });
  });

  it("keeps 印 that is part of the name", () => {
    expect(normaliseName("山田 宗印")).toEqual({ ok: true, value: "山田 宗印" });
  });

  it.each([
    ["山田 花子1", "氏名に数字が含まれています"],
    ["山田 ３郎", "氏名に数字が含まれています"],
    ["", "氏名が記入されていません"],
    ["様", "氏名が記入されていません"],
  ])("rejects %j: %s", (raw, reason) => {
    expect(normaliseName(raw)).toEqual({ ok: false, reason });
  });

  it.each([
    ["井上上康弘", "「上」が続けて読めました（重なって読んだ可能性）"],
    ["伊藤 笠チ", "漢字の氏名の中にカタカナ「チ」があります"],
    ["山口 節チ", "漢字の氏名の中にカタカナ「チ」があります"],
    ["チ田 花子", "漢字の氏名の中にカタカナ「チ」があります"],
    ["後藤。 久英子", "氏名の中に「。」があります"],
    ["三浦、正男", "氏名の中に「、」があります"],
    ["者", "氏名が一字しか読めません"],
    ["豊中市福祉総合相談センター", "氏名ではなく機関名に見えます（「福祉」）"],
    ["地域包括支援センター", "氏名ではなく機関名に見えます（「支援」）"],
    ["山田花子豊中市役所", "氏名ではなく機関名に見えます（「市役所」）"],
    ["長谷川 真由美 相談機関豊中", "氏名ではなく機関名に見えます（「相談」）"],
    ["長谷川真由美山口香織子", "氏名にしては長すぎます（隣の欄の文字が混じっている可能性）"],
  ])("keeps %j for review: %s", (raw, warning) => {
    expect(normaliseName(raw)).toEqual({ ok: true, value: raw, warnings: [warning] });
  });

  it("keeps a name of one character for review once its honorific is gone", () => {
    expect(normaliseName("林 様")).toEqual({
      ok: true,
      value: "林",
      warnings: ["氏名が一字しか読めません"],
    });
  });

  it.each([
    ["林 知子", ["「知」は「智」の読み違いのことがあります"]],
    ["山口和志", ["「志」は「也」の読み違いのことがあります"]],
    ["清水 一朗", ["「朗」は「郎」の読み違いのことがあります"]],
    [
      "知念 志朗",
      [
        "「知」は「智」の読み違いのことがあります",
        "「志」は「也」の読み違いのことがあります",
        "「朗」は「郎」の読み違いのことがあります",
      ],
    ],
    ["志村 志保", ["「志」は「也」の読み違いのことがあります"]],
  ])("sends %j to review: tesseract reads the kanji for another of names", (raw, warnings) => {
    expect(normaliseName(raw)).toEqual({ ok: true, value: raw, warnings });
  });

  it.each([
    ["林 智子", "林 智子"],
    ["山口和也", "山口和也"],
    ["清水 一郎", "清水 一郎"],
    ["佐々木 健", "佐々木 健"],
    ["ナナミ ススム", "ナナミ ススム"],
    ["山田 マリア", "山田 マリア"],
    ["マリア・ガルシア", "マリア・ガルシア"],
    ["佐藤 ユーコ", "佐藤 ユーコ"],
    ["菊池 ロ子", "菊池 口子"],
  ])("finds nothing odd in %j", (raw, value) => {
    expect(normaliseName(raw)).toEqual({ ok: true, value });
  });
});
