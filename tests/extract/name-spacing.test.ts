import { describe, expect, it } from "vitest";
import { spaceName } from "../../workers/extract/name-spacing.ts";
import type { Glyph, Token } from "../../workers/extract/page-text.ts";
import type { GreyImage } from "../../workers/ocr/grey-image.ts";
import { drawnValue } from "./drawn-value.ts";

const EM = 27;
const TOP = 10;

/** A line of solid blocks as characters: each [char, left, width, starts an OCR word]. */
function line(chars: [string, number, number, boolean][]): { ink: GreyImage; tokens: Token[] } {
  const width = 200;
  const height = 50;
  const pixels = new Uint8Array(width * height).fill(255);
  for (const [, left, w] of chars) {
    for (let y = TOP; y < TOP + EM; y++) pixels.fill(0, y * width + left, y * width + left + w);
  }
  const tokens: Token[] = [];
  chars.forEach(([char, left, w, wordStart], id) => {
    const glyph: Glyph = { id, char, bbox: [left, TOP, w, EM], confidence: 0.95, wordStart };
    if (wordStart || tokens.length === 0)
      tokens.push({ glyphs: [], bbox: glyph.bbox, colonAfter: false });
    tokens.at(-1)?.glyphs.push(glyph);
  });
  return { ink: { pixels, width, height, inkLevel: 128 }, tokens };
}

/**
 * 橋本 文子 as measured on a scan: the space (18 px, 0.67 em) is the widest blank, but a blank
 * beside 子 comes close (15 px), so the ink alone leads by only 1.2.
 */
function hashimoto(ocrSplitAtSpace: boolean) {
  return line([
    ["橋", 20, 26, true],
    ["本", 56, 26, false],
    ["文", 100, 26, ocrSplitAtSpace],
    ["子", 141, 26, false],
  ]);
}

describe("the space between 姓 and 名 measured in the ink", () => {
  it("is in doubt when OCR broke its words at a blank the ink barely leads with", () => {
    const { ink, tokens } = hashimoto(true);
    expect(spaceName([tokens], { ink, em: EM, script: "name" })).toEqual({
      text: "橋本文子",
      doubtful: true,
    });
  });

  it("is surely absent when OCR read through that blank too", () => {
    const { ink, tokens } = hashimoto(false);
    expect(spaceName([tokens], { ink, em: EM, script: "name" })).toEqual({
      text: "橋本文子",
      doubtful: false,
    });
  });
});

/**
 * 佐々木 and a 名 set unevenly, 々 narrower than a kanji: the blanks beside it are 0.19 and
 * 0.3 em, as measured on held-out seed 31; `space` px between 木 and the 名.
 */
function sasaki(space: number) {
  const given = 71 + 26 + space;
  return line([
    ["佐", 20, 26, true],
    ["々", 51, 12, false],
    ["木", 71, 26, true],
    ["麻", given, 26, true],
    ["衣", given + 29, 26, false],
  ]);
}

describe("the space between 姓 and 名 beside 々", () => {
  it("is measured without the blanks beside 々, which no space stands in", () => {
    const { ink, tokens } = sasaki(11);
    expect(spaceName([tokens], { ink, em: EM, script: "name" })).toEqual({
      text: "佐々木 麻衣",
      doubtful: false,
    });
  });

  it("is not put beside 々 however wide the blank there", () => {
    const { ink, tokens } = sasaki(3);
    expect(spaceName([tokens], { ink, em: EM, script: "name" })).toEqual({
      text: "佐々木麻衣",
      doubtful: false,
    });
  });
});

/**
 * 村上 修 as measured on held-out seed 44, em 27: 村 and 上 1 px apart (a speck of a blank),
 * `space` px between 上 and 修, read by OCR as one word.
 */
function murakami(space: number) {
  return line([
    ["村", 20, 26, true],
    ["上", 47, 26, false],
    ["修", 73 + space, 26, false],
  ]);
}

describe("a narrow space between 姓 and 名", () => {
  it("leaves the spacing in doubt when a blank under a quarter em leads the others far", () => {
    // 6 px, 0.22 em: an ASCII space of a narrow face, or a wide blank of one name.
    const { ink, tokens } = murakami(6);
    expect(spaceName([tokens], { ink, em: EM, script: "name" })).toEqual({
      text: "村上修",
      doubtful: true,
    });
  });

  it("is surely absent when the blank is no wider than a name's own", () => {
    const { ink, tokens } = murakami(3);
    expect(spaceName([tokens], { ink, em: EM, script: "name" })).toEqual({
      text: "村上修",
      doubtful: false,
    });
  });
});

describe("the space between 姓 and 名 of a kana name", () => {
  it("is put at the widest blank when the ink leaves it in doubt, since kana always part them", () => {
    // Set at uneven steps, as a proportional face or a hand sets them: the pitch tells nothing.
    const { ink, tokens } = line([
      ["タ", 10, 26, true],
      ["ナ", 40, 20, false],
      ["カ", 70, 26, false],
      ["サ", 110, 26, false],
      ["チ", 140, 18, false],
      ["コ", 170, 26, false],
    ]);
    expect(spaceName([tokens], { ink, em: EM, script: "kana" })).toEqual({
      text: "タナカ サチコ",
      doubtful: true,
    });
    // A name in kanji keeps its characters together when in doubt: it may be printed so.
    expect(spaceName([tokens], { ink, em: EM, script: "name" }).text).not.toContain(" ");
  });
});

describe("what is not a character in the name's ink", () => {
  it("measures a space across a speck of scanner noise inside it", () => {
    // 西村 花子: the space is 18 px (0.67 em), parted by a one-pixel speck into 8 and 9 px.
    const { ink, tokens } = line([
      ["西", 10, 26, true],
      ["村", 40, 26, false],
      ["花", 84, 26, true],
      ["子", 114, 26, false],
    ]);
    expect(spaceName([tokens], { ink, em: EM, script: "name" }).text).toBe("西村 花子");
    ink.pixels[(TOP + 12) * ink.width + 74] = 0;
    expect(spaceName([tokens], { ink, em: EM, script: "name" })).toEqual({
      text: "西村 花子",
      doubtful: false,
    });
  });

  it("does not take the blank after the label's colon, boxed with the name, for the space", () => {
    // 岡田拓也 printed solid after ：, which OCR boxed as part of 岡 (a 5 px mark, 20 px apart).
    const { ink, tokens } = line([
      ["岡", 10, 5, true],
      ["田", 35, 26, false],
      ["拓", 64, 26, false],
      ["也", 93, 26, false],
    ]);
    const { tokens: asOcrBoxedThem } = line([
      ["岡", 10, 51, true],
      ["田", 64, 26, false],
      ["拓", 93, 26, false],
      ["也", 122, 1, false],
    ]);
    expect(spaceName([asOcrBoxedThem], { ink, em: EM, script: "name" })).toEqual({
      text: "岡田拓也",
      doubtful: false,
    });
    expect(spaceName([tokens], { ink, em: EM, script: "name" }).text).toBe("岡田拓也");
  });
});

describe("the space between 姓 and 名 of a typed name, from the pitch of its characters", () => {
  it("only raises a doubt against blanks that were sure", () => {
    // Set at one even pitch, two narrow characters in the middle: the blank between them is the
    // widest by far, the steps all alike.
    const { ink, tokens } = line([
      ["長", 7, 26, true],
      ["川", 45, 10, false],
      ["麻", 75, 10, true],
      ["衣", 97, 26, false],
    ]);
    expect(spaceName([tokens], { ink, em: EM, script: "name" })).toEqual({
      text: "長川 麻衣",
      doubtful: true,
    });
  });

  /** A drawn name as OCR reads it: one word, no glyph for the space. */
  function typedName(
    text: string,
    size: number,
    style: "gothic" | "mincho",
    script: "name" | "kana" = "name",
  ) {
    const value = drawnValue(text, { size, style });
    const glyphs = value.glyphs.filter((glyph) => glyph.char.trim() !== "");
    const tokens: Token[] = [{ glyphs, bbox: glyphs[0]?.bbox ?? [0, 0, 0, 0], colonAfter: false }];
    return spaceName([tokens], { ink: value.ink, em: value.em, script });
  }

  for (const size of [29, 44]) {
    for (const style of ["gothic", "mincho"] as const) {
      it(`puts an ASCII or full-width space OCR read through where it is, and none where there is none (${style}, ${size} px)`, () => {
        for (const name of ["田中 幸子", "長谷川 美穂", "中川　千尋", "村上花子", "長谷川美穂"])
          expect(typedName(name, size, style).text, name).toBe(name.replace("　", " "));
      });

      it(`is sure only where the blanks between the characters agree (${style}, ${size} px)`, () => {
        for (const name of ["中川　千尋", "村上花子", "長谷川美穂"])
          expect(typedName(name, size, style).doubtful, name).toBe(false);
        // OCR read through the ASCII space: a blank that narrow could be inside a character.
        expect(typedName("田中 幸子", size, style).doubtful).toBe(true);
      });

      it(`parts a kana name surely where its widest blank and its pitch agree (${style}, ${size} px)`, () => {
        for (const name of ["ワタナベ オサム", "ムラカミ ユウコ", "オノ アイ"])
          expect(typedName(name, size, style, "kana"), name).toEqual({
            text: name,
            doubtful: false,
          });
        // Wherever the measures part one, they part it where the paper does, or leave a doubt.
        for (const name of ["ヤマダ ハナコ", "マツダ シズエ", "コバヤシ マコト", "キョウ チョ"]) {
          const spaced = typedName(name, size, style, "kana");
          if (!spaced.doubtful) expect(spaced.text, name).toBe(name);
        }
      });
    }
  }
});
