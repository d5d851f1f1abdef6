import { replaceDashes } from "./dashes.ts";
import { accept, type Normalised, reject } from "./normalise-result.ts";
import { LEADING_SPECK, removeRulings, stripEdgeNoise, TRAILING_SPECK } from "./ocr-noise.ts";

/** Printed before the number on some forms; ℡ is already TEL after NFKC. */
const LABEL = /^(?:TEL|電話番号|電話|携帯電話|携帯|自宅)\.?:?/iu;
/** Mobile (070/080/090) and IP (050) numbers: 11 digits, always written 3-4-4. */
const MOBILE_OR_IP = /^0[5789]0/u;
/**
 * Landline area codes run from 2 to 5 digits, so a 10-digit number printed without separators
 * can only be grouped where the prefix alone decides it: 03 (東京) and 06 (大阪) are the only
 * area codes starting with those digits, and 0120 / 0570 are always 4-3-3.
 */
const UNSEPARATED_GROUPING: readonly [RegExp, number[]][] = [
  [/^0[36]/u, [2, 4, 4]],
  [/^0(?:120|570)/u, [4, 3, 3]],
];

/**
 * 電話番号 as ASCII digits and hyphens (`043-223-2345`). Separators may be any dash, spaces or
 * parentheses — (043)223-2345 and 043(223)2345 both become 043-223-2345. Mobile and IP numbers are
 * regrouped 3-4-4; a landline keeps the grouping it was printed with. A number begins and ends
 * in a digit: dots around it are specks (03-8190-4733、・).
 */
export function normalisePhone(raw: string): Normalised<string> {
  const text = replaceDashes(
    removeRulings(stripEdgeNoise(raw.normalize("NFKC")))
      .replace(LEADING_SPECK, "")
      .replace(LABEL, "")
      .replace(TRAILING_SPECK, ""),
  )
    .replace(/[()\s-]+/gu, "-")
    .replace(/^-|-$/gu, "");
  if (text === "") return reject("電話番号が記入されていません");
  if (!/^\d+(?:-\d+)*$/u.test(text)) return reject("電話番号に数字以外の文字があります");
  const groups = text.split("-");
  const digits = groups.join("");
  if (!digits.startsWith("0") || digits.startsWith("00"))
    return reject("市外局番（0で始まる番号）から書かれていません");
  if (digits.length === 11) return elevenDigits(digits);
  if (digits.length === 10) return tenDigits(digits, groups);
  return reject(`電話番号の桁数が違います（${digits.length}桁あります）`);
}

function elevenDigits(digits: string): Normalised<string> {
  // 0800 is free dial (0800-123-4567), not a mobile 080 number.
  if (digits.startsWith("0800")) return accept(group(digits, [4, 3, 4]));
  if (MOBILE_OR_IP.test(digits)) return accept(group(digits, [3, 4, 4]));
  return reject("11桁の電話番号は携帯・IP電話（070・080・090・050）だけです");
}

function tenDigits(digits: string, printedGroups: string[]): Normalised<string> {
  // 0X0 prefixes are mobile, IP or special services with 11 digits; no area code has that form.
  if (/^0[1-9]0/u.test(digits))
    return reject(`${digits.slice(0, 3)}で始まる番号は11桁のはずです（10桁あります）`);
  if (printedGroups.length > 1) {
    const warnings =
      printedGroups.length === 3 ? [] : ["区切りが2か所ではありません（印刷のまま）"];
    return accept(printedGroups.join("-"), warnings);
  }
  const grouping = UNSEPARATED_GROUPING.find(([prefix]) => prefix.test(digits))?.[1];
  return grouping
    ? accept(group(digits, grouping))
    : accept(digits, ["市外局番の区切りが分からないため、区切らずに出力しました"]);
}

function group(digits: string, sizes: number[]): string {
  let start = 0;
  return sizes
    .map((size) => {
      const part = digits.slice(start, start + size);
      start += size;
      return part;
    })
    .join("-");
}
