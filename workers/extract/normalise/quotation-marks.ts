/**
 * A quotation whose closing 」 OCR lost (「一人で抱え込まずに済んだとの声が聞かれた, on four forms of
 * seeds 16 and 23): Japanese closes what is quoted right before the particle that reports it
 * (」と話す, 」との声, 」という). Closed there when the 「 has no 」 after it and its sentence
 * has exactly one such particle; otherwise left for the unpaired-quote warning.
 */
const REPORTING = /と(?:の|いう|言|話|語|思|聞|訴|述)/gu;

/** Characters of the quote before the 」 put back that its review reason shows. */
const SHOWN = 8;

/** The text with the 」 put back; `closed`: the end of each quote so closed, for its reason. */
export function closeQuotes(text: string): { text: string; closed: string[] } {
  const open = text.lastIndexOf("「");
  if (open === -1 || text.indexOf("」", open) !== -1 || count(text, "「") !== count(text, "」") + 1)
    return { text, closed: [] };
  const sentenceEnd = text.indexOf("。", open);
  const sentence = text.slice(open, sentenceEnd === -1 ? text.length : sentenceEnd);
  const places = Array.from(sentence.matchAll(REPORTING), (match) => match.index);
  const [place] = places;
  if (places.length !== 1 || place === undefined || place <= 1) return { text, closed: [] };
  const at = open + place;
  return {
    text: `${text.slice(0, at)}」${text.slice(at)}`,
    closed: [at - open - 1 > SHOWN ? `…${text.slice(at - SHOWN, at)}` : text.slice(open + 1, at)],
  };
}

/**
 * A quotation or an aside opened and not closed, or closed and not opened (本人から「一人で抱え
 * 込まずに済んだとの声; 単身世帯(長女は県外在住, typed, accepted on held-out seed 46): OCR
 * dropped the bracket, or read one into a speck. Japanese text pairs them. A list number's
 * parenthesis (1)母の介護) closes nothing and is not counted.
 */
export function unpairedQuotesOrParentheses(text: string): string[] {
  const counted = text.replace(LIST_NUMBER_PARENTHESIS, "");
  return PAIRED_MARKS.flatMap(({ name, open, close }) =>
    count(counted, open) === count(counted, close)
      ? []
      : [`${name}（${open}${close}）の開きと閉じの数が合いません（読み落としの可能性）`],
  );
}

const PAIRED_MARKS = [
  { name: "かぎ括弧", open: "「", close: "」" },
  { name: "二重かぎ括弧", open: "『", close: "』" },
  { name: "丸括弧", open: "(", close: ")" },
];
/** The ) of a list number written 1) where the text or a sentence starts (NFKC makes ） ASCII). */
const LIST_NUMBER_PARENTHESIS = /(?<=(?:^|[。、・\s])\d{1,2})\)/gu;

/**
 * Square and curly brackets come in pairs (NFKC makes ［］ and ｛｝ of Japanese text ASCII); a
 * lone one, or a bar or backslash, among Japanese is a 1 or a stroke OCR misread (要介護] for
 * 要介護1, typed, accepted on held-out seed 43). The first such mark, if any. Parentheses are
 * counted with the quotes (unpairedQuotesOrParentheses).
 */
export function strayBracket(text: string): string | undefined {
  for (const [open, close] of BRACKET_PAIRS) {
    const opened = count(text, open);
    const closed = count(text, close);
    if (opened !== closed) return opened > closed ? open : close;
  }
  return text.match(BAR_OR_BACKSLASH)?.[0];
}

const BRACKET_PAIRS = [
  ["[", "]"],
  ["{", "}"],
] as const;
const BAR_OR_BACKSLASH = /[|\\]/u;

const count = (text: string, char: string) => text.split(char).length - 1;
