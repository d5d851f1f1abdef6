import { describe, expect, it } from "vitest";
import { correctMisreadTerms } from "../../workers/extract/normalise/correct-misread-terms.ts";
import { WELFARE_TERMS } from "../../workers/extract/normalise/welfare-terms.ts";

describe("correctMisreadTerms", () => {
  it.each([
    ["本人、母(78歳)の2人世淀", "本人、母(78歳)の2人世帯", "人世淀"],
    ["単身世常", "単身世帯", "単身世常"],
    [
      "法テラス、家計改善支援具、フードバンク",
      "法テラス、家計改善支援員、フードバンク",
      "家計改善支援具",
    ],
    ["電気料金の骨促状が届いていた", "電気料金の督促状が届いていた", "骨促状"],
    // 福祉総合相談 is read right; the character put back lies outside it.
    ["相模原市福祉総合相談窯口", "相模原市福祉総合相談窓口", "総合相談窯口"],
    ["選用保険の受給は先月で終了", "雇用保険の受給は先月で終了", "選用保険"],
    ["息子のひきごもりについて相談あり", "息子のひきこもりについて相談あり", "ひきごもり"],
    ["母のディサービス利用が始まり", "母のデイサービス利用が始まり", "ディサービス"],
    ["精神障宮者保健福祉手帳を取得し", "精神障害者保健福祉手帳を取得し", "精神障宮者保健福祉手帳"],
    ["旭川市福祉部地域基生推進課(太田)", "旭川市福祉部地域共生推進課(太田)", "地域基生推進"],
  ])("%j → %j", (read, meant, wrongWord) => {
    const result = correctMisreadTerms(read);
    expect(result.text).toBe(meant);
    expect(result.corrections).toHaveLength(1);
    expect(result.corrections[0]?.read).toBe(wrongWord);
  });

  it.each([
    // Words of their own at one character from a term.
    "子どもの世話が難しい",
    "生活困難な状況",
    "障害児の支援",
    "知人の支援",
    "友人より連絡",
    "相談なし",
    "家族からの協力を得る",
    "確認して連絡する",
    // At one character from two terms (支援員, 支援者, 支援課 …): which one is not known.
    "支援具の調整",
    // Digits and punctuation are not word characters to be replaced.
    "3人世帯",
    "地域共同の取り組み",
  ])("leaves %j as it is", (text) => {
    expect(correctMisreadTerms(text)).toEqual({ text, corrections: [] });
  });

  it("corrects every misread word of a paragraph, each once", () => {
    const result = correctMisreadTerms("児章手当の振込口座も夫が管理。家賃沼納が3か月。");
    expect(result.text).toBe("児童手当の振込口座も夫が管理。家賃滞納が3か月。");
    expect(result.corrections.map((correction) => correction.term)).toEqual([
      "児童手当",
      "家賃滞納",
    ]);
  });

  it("draws on terms of three characters or more, each listed once", () => {
    expect(WELFARE_TERMS.filter((term) => Array.from(term).length < 3)).toEqual([]);
    expect(new Set(WELFARE_TERMS).size).toBe(WELFARE_TERMS.length);
  });
});
