import { closeAgeParentheses } from "./age-parentheses.ts";
import { correctMisreadTerms, type TermList, WELFARE_TERM_LIST } from "./correct-misread-terms.ts";
import { replaceDashesBetweenAlphanumerics, withDoubledDashesJoined } from "./dashes.ts";
import { unknownRelations } from "./family-relations.ts";
import { impossibleDayCounts } from "./impossible-counts.ts";
import { kanjiForLoneKatakana } from "./kanji-lookalikes.ts";
import { accept, type Normalised, reject } from "./normalise-result.ts";
import {
  dropSpecksInsideWords,
  joinListNumbers,
  joinSplitNumbers,
  LEADING_SPECK,
  stripEdgeNoise,
  stripTrailingSpeck,
} from "./ocr-noise.ts";
import { closeQuotes, strayBracket, unpairedQuotesOrParentheses } from "./quotation-marks.ts";
import { standaloneMonAsMa } from "./standalone-mon.ts";

/**
 * Japanese script, CJK punctuation and full-width forms: no space is written next to them, so a
 * line break beside one joins without a space. (NFKC has run, so full-width letters are ASCII.)
 */
const JAPANESE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\u30FB\u30FC\uFF01-\uFFEF]/u;

/**
 * Japanese text ends a sentence with 。: a full stop or star after a kana or kanji where the form
 * wrapped the line is a speck (について. | 2.子育て), which the join would keep with a space.
 */
const SPECK_AT_LINE_END = /(?<=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[.*]$/u;
/**
 * ・ joins nouns (家族・知人), and a line may wrap after it; after a particle or an inflection in
 * hiragana it joins nothing: a speck at the line's end (大切に・|思い, typed, accepted 97 % sure on
 * held-out seed 22).
 */
const DOT_AFTER_KANA_AT_LINE_END = /(?<=\p{sc=Hiragana})・$/u;

/**
 * `text` and `longtext` (主訴, 相談内容 …): NFKC, the lines the form wrapped joined again — without
 * a space between Japanese characters, with one between Latin words — runs of spaces
 * collapsed to one, a kanji OCR read as its katakana look-alike put back (ほどー人), and a word of
 * the consultation records read with one wrong character put back, for review (世淀 → 世帯).
 */
export function normaliseText(
  raw: string,
  terms: TermList = WELFARE_TERM_LIST,
): Normalised<string> {
  let specksAtLineEnds = 0;
  let dotsAtLineEnds = 0;
  const lines = textLines(raw).map((line, index, all) => {
    const spaced = line.replace(/\s+/gu, " ");
    // After the last line, stripTrailingSpeck drops it.
    if (index === all.length - 1) return spaced;
    return spaced
      .replace(SPECK_AT_LINE_END, () => {
        specksAtLineEnds++;
        return "";
      })
      .replace(DOT_AFTER_KANA_AT_LINE_END, () => {
        dotsAtLineEnds++;
        return "";
      });
  });
  const cleaned = stripTrailingSpeck(
    kanjiForLoneKatakana(
      joinListNumbers(
        joinSplitNumbers(
          lines.reduce(
            (joined, line) =>
              joined === "" ? line : `${joined}${needsSpace(joined, line) ? " " : ""}${line}`,
            "",
          ),
        ),
      ),
    ),
  );
  const trailingComma = TRAILING_COMMA.test(cleaned);
  const ended = cleaned.replace(TRAILING_COMMA, "");
  if (ended === "") return reject("記入がありません");
  const bulleted = withoutLoneBullet(ended);
  const ringed = withoutRingOfFirstNumber(bulleted.text);
  const despecked = dropSpecksInsideWords(ringed.text);
  const aged = closeAgeParentheses(despecked.text);
  const quoted = closeQuotes(aged.text);
  const stepped = withListNumbersInStep(quoted.text);
  const dotted = withListDotsSupplied(stepped.text);
  const { text: termed, corrections } = correctMisreadTerms(dotted.text, terms);
  const weekly = termed.replace(WEEKLY_COUNT_MISREAD, "週");
  const text = standaloneMonAsMa(weekly);
  const digitAmongKana = text.match(DIGIT_AMONG_KANA)?.[0];
  const strayLongVowel = text.match(STRAY_LONG_VOWEL)?.[0];
  const straySymbol = strayBracket(text);
  return accept(
    text,
    [
      ...(digitAmongKana
        ? [`仮名の間に数字「${digitAmongKana}」があります（読み違いの可能性）`]
        : []),
      ...(strayLongVowel
        ? [`長音「${strayLongVowel}」が片仮名の後にありません（「一」の読み違いの可能性）`]
        : []),
      ...(straySymbol
        ? [
            `記号「${straySymbol}」は文章の記号として対応が取れません（「1」などの読み違いの可能性）`,
          ]
        : []),
      ...listNumberWarnings(text),
      ...impossibleDayCounts(text),
      ...unpairedQuotesOrParentheses(text),
      ...unknownRelations(text).map(
        (word) => `年齢の前の「${word}」は続柄の語になりません（読み違いの可能性）`,
      ),
    ],
    [
      ...(despecked.dropped + specksAtLineEnds > 0
        ? ["文字の間の「.」「*」「@」を汚れとして除きました"]
        : []),
      ...(dotsAtLineEnds > 0 ? ["行末の「・」を汚れとして除きました"] : []),
      ...(trailingComma ? ["末尾の「、」を汚れとして除きました"] : []),
      ...(bulleted.dropped ? ["先頭の「・」を汚れとして除きました"] : []),
      ...(ringed.dropped ? ["「①」の丸と読める「〇」を除きました"] : []),
      ...aged.closed.map((age) => `「${age}」の閉じ括弧を補いました`),
      ...quoted.closed.map((quote) => `「${quote}」の後に閉じかぎ括弧（」）を補いました`),
      ...stepped.repaired.map(
        ({ read, number }) => `項目の番号「${read}」を「${number}」と読みました`,
      ),
      ...dotted.supplied.map((number) => `項目の番号「${number}」の後の「.」を補いました`),
      ...corrections.map(({ read, term }) => `「${read}」を「${term}」と読み替えました`),
      ...(weekly !== termed ? ["「過」を「週」と読みました（週◯回・週◯日）"] : []),
      ...(text !== weekly ? ["単独の「問」を「間」と読み替えました"] : []),
    ],
  );
}

/**
 * The numbers of a list written into a paragraph (1地域包括…。2社会福祉…。3民生委員…) count up
 * from 1: a number out of step is a speck or a stroke OCR read as a digit beside it (39民生委員
 * for 3民生委員, read alike by all three readings and accepted on seed 15; withListNumbersInStep
 * puts back those it can), or a number OCR dropped. A number before a counter (。3か月, 。2人で)
 * is no list number.
 */
function listNumberWarnings(text: string): string[] {
  const numbers = Array.from(text.matchAll(LIST_NUMBER), (match) => Number(match[1]));
  if (numbers.length < 2 || numbers[0] !== 1) return [];
  const outOfStep = numbers.find((number, index) => number !== index + 1);
  return outOfStep === undefined
    ? []
    : [`項目の番号「${outOfStep}」が1から順に続いていません（読み違いの可能性）`];
}

/**
 * A number before a word, not a counter: a list item's, written after the last item's text
 * (…について2.就労について) when the list's lines are joined.
 */
export const ITEM_NUMBER =
  /(?<![\d.])(\d{1,3})\.?(?![年月日歳回か時分人件名度週才階号番丁ヶ万円%\d])(?=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])/gu;

/**
 * A list whose items are numbered 1. 2. 3. is numbered alike throughout: a number without its
 * full stop among numbers with one lost it to OCR, which drops the small dot more often than any
 * other mark of a list (1家賃滞納について2.就労について, on seeds 15, 16 and 22). Supplied when
 * the numbers count up from 1 and at least one of them kept its dot.
 */
function withListDotsSupplied(text: string): { text: string; supplied: string[] } {
  const numbers = Array.from(text.matchAll(ITEM_NUMBER));
  const inStep = numbers.every((match, index) => Number(match[1]) === index + 1);
  const dotted = (match: RegExpMatchArray) => match[0].endsWith(".");
  if (numbers.length < 2 || !inStep || !numbers.some(dotted) || numbers.every(dotted))
    return { text, supplied: [] };
  const supplied: string[] = [];
  let result = "";
  let from = 0;
  for (const match of numbers) {
    const end = (match.index ?? 0) + match[0].length;
    result += text.slice(from, end);
    if (!dotted(match)) {
      result += ".";
      supplied.push(match[1] ?? "");
    }
    from = end;
  }
  return { text: result + text.slice(from), supplied };
}

/**
 * A list's numbers count up from 1: one read with a digit or two too many, where the digit it
 * should be is one of its own (34世帯 and 23世帯 for 3世帯, 38.相談 for 3.相談, on held-out seeds
 * 26 and 27, 313ハローワーク for 3ハローワーク on held-out seed 46, a stroke of the next character
 * or a speck read as a digit), is put back when that makes every number of the list in step,
 * for review.
 */
function withListNumbersInStep(text: string): {
  text: string;
  repaired: { read: string; number: string }[];
} {
  const numbers = Array.from(text.matchAll(ITEM_NUMBER));
  const outOfStep = numbers.flatMap((match, index) =>
    Number(match[1]) === index + 1 ? [] : [{ match, number: String(index + 1) }],
  );
  const [only] = outOfStep;
  if (numbers.length < 2 || outOfStep.length !== 1 || !only) return { text, repaired: [] };
  const read = only.match[1] ?? "";
  if (only.number.length !== 1 || read.length < 2 || !read.includes(only.number))
    return { text, repaired: [] };
  const at = only.match.index ?? 0;
  return {
    text: text.slice(0, at) + only.number + text.slice(at + read.length),
    repaired: [{ read, number: only.number }],
  };
}

/**
 * 週 read as 過 before a count of times or days (過2回以上求職活動, 過4日通所, typed, on seeds 26
 * and 27): no word of Japanese is 過 and a count, and the language model, which reads 過 as a
 * prefix, cannot tell.
 */
const WEEKLY_COUNT_MISREAD = /過(?=\d{1,2}(?:回|日))/gu;

/**
 * A value never ends on 、: there it is a speck of dirt read as the nearest small mark, after a
 * 。 or after a list item's last word (…できなかった。、 …について、 on seed 25). Dropped for
 * review: it might also be all that was read of a line lost after it.
 */
const TRAILING_COMMA = /、+$/u;

/**
 * ・ starts the items of a list (・家賃滞納について・就労について), and a list has more than one: a
 * value opening on the only ・ it holds opens on a speck of dirt read as the nearest small mark
 * (・世田谷区くらし相談支援センター, typed, accepted on held-out seed 26). Dropped for review: it
 * might be a list of one.
 */
function withoutLoneBullet(text: string): { text: string; dropped: boolean } {
  return /^・[^・]+$/u.test(text)
    ? { text: text.slice(1), dropped: true }
    : { text, dropped: false };
}

/**
 * A list numbered ①②③ reads 1 2 3 once NFKC has run, but OCR may read the ring of the first
 * apart, as 〇 before the 1 (〇1相談センターが…。2地域包括支援センターが…, on seeds 16 and 25).
 * Dropped where the text opens so and its numbers count up from 1.
 */
function withoutRingOfFirstNumber(text: string): { text: string; dropped: boolean } {
  if (!/^[〇○◯]1/u.test(text)) return { text, dropped: false };
  const numbers = Array.from(text.matchAll(ITEM_NUMBER), (match) => Number(match[1]));
  const inStep = numbers.length >= 2 && numbers.every((number, index) => number === index + 1);
  return inStep ? { text: text.slice(1), dropped: true } : { text, dropped: false };
}

const LIST_NUMBER =
  /(?:^|[。\s])(\d{1,3})\.?(?![年月日歳回か時分人件名度週才階号番丁ヶ])(?=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])/gu;

/**
 * A digit between two hiragana (分か5ない for ら): a number is followed by a counter, a kanji or
 * punctuation, not sandwiched in a word. The counters written in hiragana (3か月, 1つ) are let
 * be. Seen in handwriting read 47–58 % sure.
 */
const DIGIT_AMONG_KANA = /(?<=\p{sc=Hiragana})\d(?![かつ])(?=\p{sc=Hiragana})/u;

/**
 * A long-vowel mark that lengthens no katakana: 一 read as ー where kanjiForLoneKatakana could not
 * tell (ほどーー人 for ほど一人, read alike by all three readings and accepted on held-out seed
 * 19). After a digit or a letter it is a dash.
 */
const STRAY_LONG_VOWEL = /(?<![\p{sc=Katakana}ー\p{Nd}A-Za-z])ー+/u;

/**
 * 住所: as `text`, with digits ASCII, no spaces at all, a dash between numbers a hyphen, and a dot
 * at the end (102号室.) dropped as a speck. The words of an address OCR misreads (ADDRESS_WORDS)
 * are put back, for review.
 */
export function normaliseAddress(raw: string): Normalised<string> {
  const read = stripTrailingSpeck(
    replaceDashesBetweenAlphanumerics(
      kanjiForLoneKatakana(textLines(raw).join("").replace(/\s+/gu, "")),
    ),
  ).replace(/[.,]+$/u, "");
  if (read === "") return reject("住所が記入されていません");
  let value = read;
  const repairs: string[] = [];
  for (const { misread, word } of ADDRESS_WORDS) {
    const found = value.match(misread)?.[0];
    if (!found) continue;
    value = value.replace(misread, word);
    repairs.push(
      word === ""
        ? `「${found}」を汚れとして除きました`
        : `「${found}」を「${word}」と読み替えました`,
    );
  }
  const numberWarnings = blockNumberWarnings(value);
  return repairs.length > 0 ? accept(value, numberWarnings, repairs) : accept(read, numberWarnings);
}

/**
 * Words of an address and the misreadings of them no address has. After a block number, 丁目
 * with its 目 read as 日 or 自 (4丁日), or its 丁 as 耳 or 了 (1耳目, with the enlarged reading's
 * 1丁目 beside it on held-out seed 15). Between a building's name in katakana and its room
 * number, the 荘 of an apartment house read as 壮, 菩 or 蘭 (グリーン壮304号室, on seeds 15, 22
 * and 23, each by two readings; さくら蘭 on seed 27). The 都 of 東京都 read as 者 (seed 27), and a
 * speck read as a point after a block number's dash (3-22-.7, seed 27), which is dropped. A kanji
 * between a number and its 号, where no address has one, is a phantom and is dropped (5番6人号,
 * read so by both readings and accepted on held-out seed 38: 人 is what tesseract reads in a
 * wide blank); the words of a block number (番, 地, 丁, 目) are left to the checks, and so is a
 * kana, mostly a digit misread (a handwritten 305号室 read 30ら号室 on seed 37).
 */
const ADDRESS_WORDS = [
  { misread: /(?<=\d)(?:丁[日自]|[耳了]目)/gu, word: "丁目" },
  { misread: /(?<=[\p{sc=Hiragana}\p{sc=Katakana}ー])[壮菩蘭](?=\d+号)/gu, word: "荘" },
  { misread: /^東京[者著]/gu, word: "東京都" },
  { misread: /(?<=\d-)[.,・](?=\d)/gu, word: "" },
  { misread: /(?<=\d)(?![番地丁目])\p{sc=Han}(?=号)/gu, word: "" },
];

function blockNumberWarnings(address: string): string[] {
  const point = address.match(POINT_IN_BLOCK_NUMBER)?.[0];
  return [
    ...(KANA_IN_BLOCK_NUMBER.test(address)
      ? ["番地の数字の間に仮名があります（数字の読み違いの可能性）"]
      : []),
    ...(point ? [`番地の数字の間に「${point}」があります（「-」の読み違いの可能性）`] : []),
  ];
}

/**
 * A kana after a digit and a dash (町クー22ーら for 2-23-5): a block number goes on in digits,
 * and a building's name (サンコーポ107号室) follows its number without a dash. A handwritten block
 * number so misread was accepted 100 % sure. (A kana before the dash cannot be told from a word
 * ending in ー: センター5〜7番地.)
 */
const KANA_IN_BLOCK_NUMBER = /\d[ー\-－‐][\p{sc=Hiragana}\p{sc=Katakana}]/u;
/**
 * A point between the numbers of a block (小坂本町4.3-1 for 4-3-1): addresses part 丁目, 番 and
 * 号 with a dash, and OCR reads a short dash as a point. Typed, it was read 91 % sure in its
 * least sure character on seed 6.
 */
const POINT_IN_BLOCK_NUMBER = /(?<=\d)[.,．，・](?=\d)/u;

/**
 * 相談番号 (`id`): as printed, NFKC, no spaces (R5-0123). A number begins and ends in a digit or
 * letter: a dot or star before or after it is a speck (R4-0457*, 。R4-0389). A number that does
 * not look like one goes to review, however sure OCR was: see idShapeWarnings.
 */
export function normaliseId(raw: string): Normalised<string> {
  const dashes = withDoubledDashesJoined(textLines(raw).join("").replace(/\s+/gu, ""));
  const text = replaceDashesBetweenAlphanumerics(dashes.text)
    .replace(/[.,*・。、]+$/u, "")
    .replace(LEADING_SPECK, "");
  if (text === "") return reject("番号が記入されていません");
  return accept(
    text,
    idShapeWarnings(text),
    dashes.joined ? ["二つに読めた区切りの「-」を一つにしました"] : [],
  );
}

/**
 * Case numbers are digits with a prefix of letters or kanji (R5-0123, 2024-0380, 生活-12). A kana
 * among them (R6ーの386), a letter between digits (2-02Z9) or no digit at all (呈) is a digit or
 * a speck OCR misread: seen on handwritten numbers read 53 % sure.
 */
function idShapeWarnings(text: string): string[] {
  const kana = text.match(/[\p{sc=Hiragana}\p{sc=Katakana}]/u)?.[0];
  if (kana) return [`番号の中に仮名「${kana}」があります（数字の読み違いの可能性）`];
  const letter = text.match(/(?<=\d)[A-Za-z]+(?=\d)/u)?.[0];
  if (letter) return [`番号の数字の間に英字「${letter}」があります（数字の読み違いの可能性）`];
  if (!/\d/u.test(text)) return ["番号に数字がありません"];
  return [];
}

/** NFKC lines with the rulings of the box at either end removed; blank lines dropped. */
function textLines(raw: string): string[] {
  return raw
    .normalize("NFKC")
    .split(/\r\n|[\r\n\u2028\u2029]/u)
    .map(stripEdgeNoise)
    .filter((line) => line !== "");
}

function needsSpace(before: string, after: string): boolean {
  // By code point, on the last two units only: a kanji outside the BMP (𠮷) is a surrogate pair.
  const last = Array.from(before.slice(-2)).at(-1) ?? "";
  const first = Array.from(after.slice(0, 2))[0] ?? "";
  return !JAPANESE.test(last) && !JAPANESE.test(first);
}
