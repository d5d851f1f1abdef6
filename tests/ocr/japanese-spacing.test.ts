import { describe, expect, it } from "vitest";
import { joinLineWords, removeJapaneseSpacing } from "../../workers/ocr/japanese-spacing.ts";
import type { OcrWord } from "../../workers/ocr/ocr-result.ts";

const CHAR_HEIGHT = 30;

/** Words laid out left to right; each entry is [text, width, gap before it]. */
function line(...entries: [string, number, number][]): OcrWord[] {
  let x = 100;
  return entries.map(([text, width, gap]) => {
    x += gap;
    const word: OcrWord = { text, confidence: 0.9, bbox: [x, 50, width, CHAR_HEIGHT] };
    x += width;
    return word;
  });
}

describe("removeJapaneseSpacing", () => {
  it("removes spaces between kanji and kana", () => {
    expect(removeJapaneseSpacing("相 談 受 付 票")).toBe("相談受付票");
    expect(removeJapaneseSpacing("ヤ マ ダ ー ハ ナ コ")).toBe("ヤマダーハナコ");
    expect(removeJapaneseSpacing("ｶ ﾀ ｶ ﾅ")).toBe("ｶﾀｶﾅ");
  });

  it("removes spaces between Japanese and digits", () => {
    expect(removeJapaneseSpacing("令和 5 年 4 月 1 日")).toBe("令和5年4月1日");
    expect(removeJapaneseSpacing("中央区 1-2-3")).toBe("中央区1-2-3");
  });

  it("removes spaces around full-width punctuation, digits and letters", () => {
    expect(removeJapaneseSpacing("困難 （ ３ か月 ） 。")).toBe("困難（３か月）。");
    expect(removeJapaneseSpacing("Ｅ メール")).toBe("Ｅメール");
  });

  it("keeps spaces between Latin words and numbers", () => {
    expect(removeJapaneseSpacing("TEL 043-123-4567")).toBe("TEL 043-123-4567");
    expect(removeJapaneseSpacing("電話 TEL 043")).toBe("電話TEL 043");
  });

  it("keeps line breaks and handles characters outside the BMP", () => {
    expect(removeJapaneseSpacing("相 談\n受 付")).toBe("相談\n受付");
    expect(removeJapaneseSpacing("𠮷 野 家")).toBe("𠮷野家");
  });
});

describe("joinLineWords", () => {
  it("returns an empty string for no words and the text of a single word", () => {
    expect(joinLineWords([])).toBe("");
    expect(joinLineWords(line(["相談受付票", 150, 0]))).toBe("相談受付票");
  });

  it("joins Japanese words split by tesseract at letter spacing", () => {
    const words = line(["相談", 58, 0], ["受付", 58, 4], ["票", 28, 4]);
    expect(joinLineWords(words)).toBe("相談受付票");
  });

  it("joins Japanese and digits at letter spacing", () => {
    const words = line(["令和", 58, 0], ["5", 14, 5], ["年", 28, 5], ["4", 14, 5], ["月", 26, 5]);
    expect(joinLineWords(words)).toBe("令和5年4月");
  });

  it("keeps one space where the paper has a wide gap", () => {
    const words = line(["氏名", 58, 0], ["山田", 58, 40], ["花子", 58, 31]);
    expect(joinLineWords(words)).toBe("氏名 山田 花子");
  });

  it("treats a gap of half a character height as letter spacing", () => {
    expect(joinLineWords(line(["山田", 58, 0], ["花子", 58, 15]))).toBe("山田花子");
  });

  it("keeps spaces between Latin words however narrow the gap", () => {
    expect(joinLineWords(line(["TEL", 50, 0], ["043-123-4567", 190, 8]))).toBe("TEL 043-123-4567");
  });

  it("allows for the blank half of 、「」 before calling a gap wide", () => {
    expect(joinLineWords(line(["ついて、", 110, 0], ["家賃", 58, 22]))).toBe("ついて、家賃");
    expect(joinLineWords(line(["ついて、", 110, 0], ["家賃", 58, 40]))).toBe("ついて、 家賃");
  });
});
