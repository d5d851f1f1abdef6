import { describe, expect, it } from "vitest";
import type { OcrLine, OcrWord } from "../../workers/ocr/ocr-result.ts";
import {
  findIndividualNumbers,
  redactIndividualNumbersInText,
} from "../../workers/redact/find-individual-numbers.ts";

// Valid by the check digit (see individual-number.test.ts): 123456789018, 987654321093.
const VALID = "123456789018";
const OTHER_VALID = "987654321093";

const HEIGHT = 30;

/** One line at y = 100, its words laid out left to right, 20 px per character, 10 px apart. */
function line(...texts: string[]): OcrLine {
  let x = 50;
  const words: OcrWord[] = texts.map((text) => {
    const width = Array.from(text).length * 20;
    const word: OcrWord = { text, confidence: 0.9, bbox: [x, 100, width, HEIGHT] };
    x += width + 10;
    return word;
  });
  return { text: texts.join(" "), confidence: 0.9, bbox: [50, 100, x - 60, HEIGHT], words };
}

describe("findIndividualNumbers", () => {
  it("finds a number in one word", () => {
    expect(findIndividualNumbers([line("個人番号", VALID)])).toEqual([
      {
        line: 0,
        words: [1],
        startInFirstWord: 0,
        endInLastWord: 12,
        bbox: [140, 100, 240, HEIGHT],
      },
    ]);
  });

  it("gives the character range when the word holds other text too", () => {
    const [match] = findIndividualNumbers([line(`番号:${VALID}です`)]);
    expect(match).toMatchObject({ words: [0], startInFirstWord: 3, endInLastWord: 15 });
    // The box covers the whole word: the ink of the digits is never left partly uncovered.
    expect(match?.bbox).toEqual([50, 100, 17 * 20, HEIGHT]);
  });

  it("counts UTF-16 offsets after a kanji outside the BMP", () => {
    const [match] = findIndividualNumbers([line(`𠮷${VALID}`)]);
    expect(match).toMatchObject({ startInFirstWord: 2, endInLastWord: 14 });
  });

  it("finds a number split over several words, with the union of their boxes", () => {
    expect(findIndividualNumbers([line("番号", "1234", "5678", "9018", "様")])).toEqual([
      {
        line: 0,
        words: [1, 2, 3],
        startInFirstWord: 0,
        endInLastWord: 4,
        bbox: [100, 100, 260, HEIGHT],
      },
    ]);
  });

  it("finds a number written one digit per box, with the boxes' rulings between", () => {
    expect(findIndividualNumbers([line(...VALID.split(""))])[0]?.words).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
    ]);
    expect(findIndividualNumbers([line("1|2|3|4|5|6|7|8|9|0|1|8")])).toHaveLength(1);
    expect(findIndividualNumbers([line("|1│2│3│4│5│6│7│8│9│0│1│8|")])[0]).toMatchObject({
      startInFirstWord: 1,
      endInLastWord: 24,
    });
  });

  it.each([
    ["-", "hyphen"],
    ["‐", "U+2010"],
    ["‑", "U+2011"],
    ["–", "U+2013"],
    ["—", "U+2014"],
    ["―", "U+2015"],
    ["−", "U+2212"],
    ["ー", "U+30FC"],
    ["ｰ", "U+FF70"],
    ["－", "U+FF0D"],
    ["一", "kanji 一"],
    [" ", "space"],
    ["　", "U+3000"],
    [" - ", "spaced hyphen"],
  ])("finds a number grouped with %j (%s)", (separator) => {
    const text = ["1234", "5678", "9018"].join(separator);
    expect(findIndividualNumbers([line("番号", text)])).toEqual([
      expect.objectContaining({ words: [1], startInFirstWord: 0, endInLastWord: text.length }),
    ]);
  });

  it("finds full-width numbers, in one word or split", () => {
    expect(findIndividualNumbers([line("１２３４　５６７８　９０１８")])).toHaveLength(1);
    expect(findIndividualNumbers([line("１２３４", "５６７８", "９０１８")])[0]?.words).toEqual([
      0, 1, 2,
    ]);
    expect(findIndividualNumbers([line("１２３４５６７８９０１８")])).toHaveLength(1);
    expect(findIndividualNumbers([line("１２３４-5678－９０１８")])).toHaveLength(1);
  });

  it("does not match 12 digits inside a longer run of digits", () => {
    expect(findIndividualNumbers([line(`${VALID}5`)])).toEqual([]);
    expect(findIndividualNumbers([line(`1${VALID}`)])).toEqual([]);
    expect(findIndividualNumbers([line(`口座 0${VALID}9`)])).toEqual([]);
    expect(findIndividualNumbers([line("1234", `5678${"9018"}7`)])).toEqual([]);
  });

  it("does not match numbers whose check digit is wrong", () => {
    expect(findIndividualNumbers([line("123456789012")])).toEqual([]);
    expect(findIndividualNumbers([line("1234", "5678", "9017")])).toEqual([]);
  });

  it("does not match phone numbers, postal codes or dates", () => {
    const lines = [
      line("TEL", "043-223-2345", "090-1234-5678"),
      line("〒260-0013", "千葉市中央区1-2-3"),
      line("令和5年4月12日", "2023/4/12"),
      line("090", "1234", "5678", "(内線", "1)"),
    ];
    expect(findIndividualNumbers(lines)).toEqual([]);
  });

  it("does not join digits across a character that is not a separator", () => {
    expect(findIndividualNumbers([line("1234年5678月9018")])).toEqual([]);
    expect(findIndividualNumbers([line("1234", "番", "56789018")])).toEqual([]);
  });

  it("finds every number, on every line, with the line's index", () => {
    const found = findIndividualNumbers([
      line("氏名", "山田", "花子"),
      line(VALID, "と", OTHER_VALID),
      line("4321", "0987", "6543"),
      line("9876-5432-1093"),
    ]);
    expect(found.map(({ line, words }) => [line, words])).toEqual([
      [1, [0]],
      [1, [2]],
      [3, [0]],
    ]);
  });

  it("covers both candidates when a neighbouring group also passes the check digit by chance", () => {
    // 2023 1234 5678 passes the check digit (1 in 11 numbers do), and so does 1234 5678 9018.
    const found = findIndividualNumbers([line("2023", "1234", "5678", "9018")]);
    expect(found).toHaveLength(1);
    expect(found[0]?.words).toEqual([0, 1, 2, 3]);
  });

  it("finds nothing in an empty page", () => {
    expect(findIndividualNumbers([])).toEqual([]);
    expect(findIndividualNumbers([line()])).toEqual([]);
  });
});

describe("redactIndividualNumbersInText", () => {
  it("replaces each number with its separators, and counts them", () => {
    expect(
      redactIndividualNumbersInText(
        `個人番号：1234 5678 9018、妻 ９８７６－５４３２－１０９３。TEL 043-223-2345`,
      ),
    ).toEqual({
      text: "個人番号：［個人番号削除］、妻 ［個人番号削除］。TEL 043-223-2345",
      count: 2,
    });
  });

  it("redacts a number written without separators, or in boxes", () => {
    expect(redactIndividualNumbersInText(`番号${VALID}です`)).toEqual({
      text: "番号［個人番号削除］です",
      count: 1,
    });
    expect(redactIndividualNumbersInText("|1|2|3|4|5|6|7|8|9|0|1|8|")).toEqual({
      text: "|［個人番号削除］|",
      count: 1,
    });
  });

  it("redacts a number wrapped over two lines", () => {
    expect(redactIndividualNumbersInText("番号は1234 5678\n9018 です")).toEqual({
      text: "番号は［個人番号削除］ です",
      count: 1,
    });
  });

  it("leaves longer digit runs, invalid numbers and the all-zero filler alone", () => {
    const text = `口座 ${VALID}5 / 123456789012 / 0000 0000 0000`;
    expect(redactIndividualNumbersInText(text)).toEqual({ text, count: 0 });
  });

  it("keeps text after a kanji outside the BMP intact", () => {
    expect(redactIndividualNumbersInText(`𠮷田 ${VALID} 様`)).toEqual({
      text: "𠮷田 ［個人番号削除］ 様",
      count: 1,
    });
  });
});
