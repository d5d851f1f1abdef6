import { replaceDashes } from "./dashes.ts";
import { accept, type Normalised, reject } from "./normalise-result.ts";
import { LEADING_SPECK, removeRulings, stripEdgeNoise, TRAILING_SPECK } from "./ocr-noise.ts";

/**
 * 郵便番号: 〒123-4567, 1234567, full-width digits, any dash → `123-4567`. A number ends in a
 * digit: a dot after it is a speck (272-0767.), and so is one before it.
 */
export function normalisePostalCode(raw: string): Normalised<string> {
  const text = replaceDashes(removeRulings(stripEdgeNoise(raw.normalize("NFKC"))))
    .replace(/\s+/gu, "")
    .replace(LEADING_SPECK, "")
    .replace(/^(?:郵便番号)?:?〒?/u, "")
    .replace(TRAILING_SPECK, "");
  if (text === "") return reject("郵便番号が記入されていません");
  const match = text.match(/^(\d{3})-?(\d{4})$/u);
  if (match) return accept(`${match[1]}-${match[2]}`);
  if (!/^[\d-]+$/u.test(text)) return reject("郵便番号に数字以外の文字があります");
  const digits = text.replaceAll("-", "").length;
  return digits === 7
    ? reject("郵便番号の区切りの位置が違います（3桁-4桁）")
    : reject(`郵便番号は7桁です（${digits}桁あります）`);
}
