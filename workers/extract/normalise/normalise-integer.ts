import { accept, type Normalised, reject } from "./normalise-result.ts";
import { removeRulings, stripEdgeNoise } from "./ocr-noise.ts";

/** Older than anyone recorded alive; a larger age is a misread. */
export const MAX_PLAUSIBLE_AGE = 130;

/** A whole number ≥ 0, optionally with thousands commas (1,200). */
export function normaliseInteger(raw: string): Normalised<number> {
  const text = clean(raw);
  if (text === "") return reject("数値が記入されていません");
  if (!/^(?:\d+|\d{1,3}(?:,\d{3})+)$/u.test(text)) return reject("数値として読めません");
  const value = Number(text.replaceAll(",", ""));
  return Number.isSafeInteger(value) ? accept(value) : reject("数値が大きすぎます");
}

/** 歳 after an age read as 蔵 (79蔵, typed, on seed 26): taken as 歳, for review. */
const AGE_COUNTER_LOOKALIKE = /蔵$/u;

/** 年齢: 45, 45歳, 満45才, ４５. */
export function normaliseAge(raw: string): Normalised<number> {
  const text = clean(raw);
  if (text === "") return reject("年齢が記入されていません");
  const misread = text.match(AGE_COUNTER_LOOKALIKE)?.[0];
  const digits = text.replace(AGE_COUNTER_LOOKALIKE, "歳").match(/^満?(\d+)[歳才]?$/u)?.[1];
  if (digits === undefined) return reject("年齢として読めません");
  const age = Number(digits);
  if (age > MAX_PLAUSIBLE_AGE) return reject(`${age}歳は年齢としてありえません`);
  return misread ? accept(age, [`「${misread}」を「歳」と読みました`]) : accept(age);
}

function clean(raw: string): string {
  return removeRulings(stripEdgeNoise(raw.normalize("NFKC"))).replace(/\s+/gu, "");
}
