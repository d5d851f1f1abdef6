import { describe, expect, it } from "vitest";
import { choiceOptions } from "../../workers/extract/normalise/choice-options.ts";
import {
  normaliseChoice,
  normaliseMultiChoice,
} from "../../workers/extract/normalise/normalise-choice.ts";
import { foldLookalikes } from "../../workers/extract/normalise/ocr-lookalikes.ts";

describe("choiceOptions", () => {
  it("holds the codes of the spec, in the spec's order, with the spec's wording first", () => {
    const codes = (field: keyof typeof choiceOptions) =>
      choiceOptions[field].map((option) => [option.code, option.words[0]]);
    expect(codes("sex")).toEqual([
      ["male", "男"],
      ["female", "女"],
      ["other", "その他"],
    ]);
    expect(codes("referral_route")).toEqual([
      ["self", "本人"],
      ["family", "家族・知人"],
      ["agency", "関係機関からの紹介"],
      ["other", "その他"],
    ]);
    expect(codes("consent_info_sharing")).toEqual([
      [true, "有"],
      [false, "無"],
    ]);
    expect(codes("issues")).toEqual([
      ["economic", "経済的困窮"],
      ["employment", "就労"],
      ["housing", "住まい"],
      ["health", "健康"],
      ["disability", "障害"],
      ["care", "介護"],
      ["childcare", "子育て"],
      ["withdrawal", "ひきこもり"],
      ["family", "家族関係"],
      ["debt", "債務"],
      ["abuse", "虐待・DV"],
      ["other", "その他"],
    ]);
    expect(codes("meeting_type")).toEqual([
      ["jusou", "重層的支援会議"],
      ["shien", "支援会議"],
      ["other", "その他"],
    ]);
    expect(codes("closure")).toEqual([
      ["closed", "終結"],
      ["continued", "継続"],
    ]);
    expect(codes("method")).toEqual([
      ["visit_office", "来所"],
      ["phone", "電話"],
      ["home_visit", "訪問"],
      ["accompany", "同行"],
      ["meeting", "会議"],
      ["other", "その他"],
    ]);
  });

  it("matches every word of every table to its own code", () => {
    for (const [field, options] of Object.entries(choiceOptions)) {
      for (const option of options) {
        for (const word of option.words) {
          const result = normaliseChoice(field as keyof typeof choiceOptions, word);
          expect(result, `${field} ${word}`).toEqual({ ok: true, value: option.code });
        }
      }
    }
  });
});

describe("normaliseChoice: the spec's wordings", () => {
  it.each([
    ["sex", "男", "male"],
    ["sex", "男性", "male"],
    ["sex", "女", "female"],
    ["sex", "女性", "female"],
    ["sex", "その他", "other"],
    ["sex", "他", "other"],
    ["referral_route", "本人", "self"],
    ["referral_route", "家族・知人", "family"],
    ["referral_route", "関係機関からの紹介", "agency"],
    ["referral_route", "その他", "other"],
    ["consent_info_sharing", "有", true],
    ["consent_info_sharing", "同意する", true],
    ["consent_info_sharing", "無", false],
    ["consent_info_sharing", "同意しない", false],
    ["meeting_type", "重層的支援会議", "jusou"],
    ["meeting_type", "支援会議", "shien"],
    ["meeting_type", "その他", "other"],
    ["closure", "終結", "closed"],
    ["closure", "継続", "continued"],
    ["method", "来所", "visit_office"],
    ["method", "電話", "phone"],
    ["method", "訪問", "home_visit"],
    ["method", "同行", "accompany"],
    ["method", "会議", "meeting"],
    ["method", "その他", "other"],
  ] as const)("%s %s → %s", (field, raw, code) => {
    expect(normaliseChoice(field, raw)).toEqual({ ok: true, value: code });
  });
});

describe("normaliseChoice: OCR noise", () => {
  it.each([
    ["sex", "男 性", "male"],
    ["sex", "☑女性", "female"],
    ["sex", "■ 男", "male"],
    ["sex", "○女", "female"],
    ["sex", "(男)", "male"],
    ["sex", "：男性 |", "male"],
    ["sex", "ＯＴＨＥＲ", null],
    ["referral_route", "①本人", "self"],
    ["referral_route", "2. 家族・知人", "family"],
    ["referral_route", "家族･知人", "family"],
    ["referral_route", "家族·知人", "family"],
    ["referral_route", "その他（民生委員）", "other"],
    ["referral_route", "その他(", "other"],
    ["consent_info_sharing", "同 意 す る", true],
    ["issues", "ヒキコモリ", "withdrawal"],
    ["issues", "引きこもり", "withdrawal"],
    ["issues", "虐待.DV", "abuse"],
    ["issues", "虐待・dv", "abuse"],
    ["method", "電言舌", null],
  ] as const)("%s %j → %s", (field, raw, code) => {
    const result = normaliseChoice(field, raw);
    expect(result.ok ? result.value : null).toBe(code);
  });

  it.each([
    ["referral_route", "関係機関からの紹分", "agency", "関係機関からの紹介"],
    ["referral_route", "関係機関かちの紹介", "agency", "関係機関からの紹介"],
    ["referral_route", "関係機関からの紹", "agency", "関係機関からの紹介"],
    ["issues", "経済的困窘", "economic", "経済的困窮"],
    ["issues", "ひきこも", "withdrawal", "ひきこもり"],
    ["meeting_type", "重層的支援会譲", "jusou", "重層的支援会議"],
    ["consent_info_sharing", "同意すゐ", true, "同意する"],
  ] as const)("forgives one wrong character in %s %j, with a warning", (field, raw, code, word) => {
    expect(normaliseChoice(field, raw)).toEqual({
      ok: true,
      value: code,
      warnings: [`「${raw}」を「${word}」として読みました`],
    });
  });

  it("folds ー/一 and other look-alikes before comparing", () => {
    expect(foldLookalikes("センタ一")).toBe(foldLookalikes("センター"));
    expect(foldLookalikes("力ード")).toBe(foldLookalikes("カード"));
    expect(foldLookalikes("ヒキコモリ")).toBe("ひきこもり");
    expect(normaliseChoice("issues", "ヒ卜コモリ")).toEqual({
      ok: true,
      value: "withdrawal",
      warnings: ["「ヒ卜コモリ」を「ひきこもり」として読みました"],
    });
  });

  it.each([
    // A single character is the whole answer: no guessing.
    ["sex", "勇", "「勇」は選択肢にありません"],
    ["consent_info_sharing", "省", "「省」は選択肢にありません"],
    // 3 characters: too short to forgive.
    ["sex", "その池", "「その池」は選択肢にありません"],
    // Between two options that differ by little: to review, not to either.
    ["consent_info_sharing", "同意しる", "「同意しる」は選択肢にありません"],
    ["consent_info_sharing", "同意しなる", "「同意しなる」は選択肢にありません"],
    ["meeting_type", "層的支援会議", "「層的支援会議」は選択肢にありません"],
    // Two wrong characters.
    ["referral_route", "関係機閏かちの紹介", "「関係機閏かちの紹介」は選択肢にありません"],
    ["closure", "", "選択が読み取れません"],
    ["closure", "☐", "選択が読み取れません"],
  ] as const)("rejects %s %j", (field, raw, reason) => {
    expect(normaliseChoice(field, raw)).toEqual({ ok: false, reason });
  });
});

describe("normaliseMultiChoice", () => {
  it("maps each chosen option, in table order, each once", () => {
    expect(normaliseMultiChoice("issues", ["就労", "経済的困窮", "虐待・DV", "就労"])).toEqual({
      ok: true,
      value: ["economic", "employment", "abuse"],
    });
  });

  it("splits a listing text at commas, slashes, line breaks, spaces and ・", () => {
    expect(
      normaliseMultiChoice("issues", "経済的困窮、就労，住まい/健康\n障害 介護・子育て"),
    ).toEqual({
      ok: true,
      value: ["economic", "employment", "housing", "health", "disability", "care", "childcare"],
    });
  });

  it("keeps 虐待・DV and a word OCR split with a space as one option", () => {
    expect(normaliseMultiChoice("issues", "虐待・DV、家族 関係")).toEqual({
      ok: true,
      value: ["family", "abuse"],
    });
  });

  it("passes on warnings of forgiven misreads", () => {
    expect(normaliseMultiChoice("issues", ["経済的困窘", "債務"])).toEqual({
      ok: true,
      value: ["economic", "debt"],
      warnings: ["「経済的困窘」を「経済的困窮」として読みました"],
    });
  });

  it("rejects the whole list when one word is no option, and an empty list", () => {
    expect(normaliseMultiChoice("issues", ["就労", "宝くじ"])).toEqual({
      ok: false,
      reason: "「宝くじ」は選択肢にありません",
    });
    expect(normaliseMultiChoice("issues", [])).toEqual({
      ok: false,
      reason: "選択が読み取れません",
    });
    expect(normaliseMultiChoice("issues", " 、 ")).toEqual({
      ok: false,
      reason: "選択が読み取れません",
    });
  });
});
