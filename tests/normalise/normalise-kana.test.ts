import { describe, expect, it } from "vitest";
import { normaliseKana } from "../../workers/extract/normalise/normalise-kana.ts";

describe("normaliseKana", () => {
  it.each([
    ["ヤマダ ハナコ", "ヤマダ ハナコ"],
    ["やまだ はなこ", "ヤマダ ハナコ"],
    ["やまだ　はなこ", "ヤマダ ハナコ"],
    ["ﾔﾏﾀﾞ ﾊﾅｺ", "ヤマダ ハナコ"],
    ["ｶﾞｸ", "ガク"],
    ["ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ", "パピプペポ"],
    ["ヤマダ　　 ハナコ", "ヤマダ ハナコ"],
    ["ヤマダ\tハナコ", "ヤマダ ハナコ"],
    ["ヤマダハナコ", "ヤマダハナコ"],
    ["  ヤマダ ハナコ  ", "ヤマダ ハナコ"],
    ["：ヤマダ ハナコ", "ヤマダ ハナコ"],
    ["| ヤマダ ハナコ |", "ヤマダ ハナコ"],
    ["ヤマダ|ハナコ", "ヤマダ ハナコ"],
    ["さとう ゆうき", "サトウ ユウキ"],
    ["すゞき", "スヾキ"],
    ["ジョン・スミス", "ジョン・スミス"],
    ["ｼﾞｮﾝ･ｽﾐｽ", "ジョン・スミス"],
    ["ヤマダ ハナｺ", "ヤマダ ハナコ"],
    ["ワタナベ ケン", "ワタナベ ケン"],
    ["わたなべ けん", "ワタナベ ケン"],
  ])("%j → %j", (raw, value) => {
    expect(normaliseKana(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ["ｳﾞｨｯｷｰ", "ヴィッキー", "小さい「ィ」があります（「イ」の読み違いの可能性）"],
    ["ゔぁ", "ヴァ", "小さい「ァ」があります（「ア」の読み違いの可能性）"],
    ["アベ シズェ", "アベ シズェ", "小さい「ェ」があります（「エ」の読み違いの可能性）"],
    [
      "ヤマザキ ツョヨシ",
      "ヤマザキ ツョヨシ",
      "小さい「ョ」があります（「ヨ」の読み違いの可能性）",
    ],
    ["ョシダ マサオ", "ョシダ マサオ", "小さい「ョ」があります（「ヨ」の読み違いの可能性）"],
  ])("keeps %j with a small vowel as %j, for review", (raw, value, warning) => {
    expect(normaliseKana(raw)).toEqual({ ok: true, value, warnings: [warning] });
  });

  it.each([
    ["サカモト カズぐコ", "サカモト カズグコ"],
    ["やまダ はなコ", "ヤマダ ハナコ"],
  ])("keeps %j, read in both scripts, as %j, for review", (raw, value) => {
    expect(normaliseKana(raw)).toEqual({
      ok: true,
      value,
      warnings: ["ひらがなとカタカナが混じって読めました（読み違いの可能性）"],
    });
  });

  it("takes へ べ ぺ, drawn alike in both scripts, for either", () => {
    expect(normaliseKana("ワタナべ ケン")).toEqual({ ok: true, value: "ワタナベ ケン" });
    expect(normaliseKana("わたなベ けん")).toEqual({ ok: true, value: "ワタナベ ケン" });
  });

  it("leaves the small ャ ュ ョ ッ of Japanese names alone", () => {
    expect(normaliseKana("キョウ リュウタ")).toEqual({ ok: true, value: "キョウ リュウタ" });
    expect(normaliseKana("ハットリ ジュン")).toEqual({ ok: true, value: "ハットリ ジュン" });
    expect(normaliseKana("ニシオ チョウジ")).toEqual({ ok: true, value: "ニシオ チョウジ" });
    expect(normaliseKana("デューイ")).toEqual({ ok: true, value: "デューイ" });
  });

  it("composes a sound mark written as a separate character", () => {
    expect(normaliseKana("カ゛ク")).toEqual({ ok: true, value: "ガク" });
    expect(normaliseKana("か゛く")).toEqual({ ok: true, value: "ガク" });
    expect(normaliseKana("ハ゜ン")).toEqual({ ok: true, value: "パン" });
  });

  it("reads a long-vowel mark from a dash or 一 after a kana", () => {
    expect(normaliseKana("ﾕｰｺ")).toEqual({ ok: true, value: "ユーコ" });
    expect(normaliseKana("ユ-コ")).toEqual({ ok: true, value: "ユーコ" });
    expect(normaliseKana("ユ一コ")).toEqual({
      ok: true,
      value: "ユーコ",
      warnings: ["「一」を長音「ー」として読みました"],
    });
  });

  it.each([
    ["山田 ハナコ", "漢字が含まれています"],
    ["ヤマダ 一郎", "漢字が含まれています"],
    ["Yamada Hanako", "英字が含まれています"],
    ["ヤマダ ハナコ2", "数字が含まれています"],
    ["ﾔﾏﾀﾞ ｱﾞ", "濁点・半濁点の付け方がありえない文字があります"],
    ["ヤマダ、ハナコ", "カタカナ以外の文字が含まれています"],
    ["", "ふりがなが記入されていません"],
    ["　|　", "ふりがなが記入されていません"],
  ])("rejects %j: %s", (raw, reason) => {
    expect(normaliseKana(raw)).toEqual({ ok: false, reason });
  });
});
