import { editDistance } from "./normalise/edit-distance.ts";
import { eraNames } from "./normalise/japanese-eras.ts";
import type { Normalised } from "./normalise/normalise-result.ts";

/**
 * OCR misreads one character of an era name now and then (令和 as 信和 or 合和), and the date no
 * longer parses. The era is worth guessing only where the rest of the date settles it: each
 * era one character away is tried, and the guess is kept when exactly one of them gives a date
 * that exists and is plausible for the field (a record date of 昭和5年 is not). The result
 * always carries a warning, so the field goes to review with the guess filled in.
 */
export function withEraRepaired(
  raw: string,
  normalise: (text: string) => Normalised<unknown>,
): Normalised<unknown> | null {
  const text = raw.normalize("NFKC").replace(/\s+/gu, "");
  const written = Array.from(text).slice(0, 2).join("");
  if (written.length < 2 || eraNames.some((era) => era === written)) return null;
  const rest = Array.from(text).slice(2).join("");
  if (!/^(?:元|\d)/u.test(rest)) return null;
  const readings = eraNames
    .filter((era) => editDistance(era, written) === 1)
    .map((era) => ({ era, result: normalise(`${era}${rest}`) }))
    .filter(({ result }) => result.ok && (result.warnings ?? []).length === 0);
  const [only, another] = readings;
  if (!only || another || !only.result.ok) return null;
  return {
    ok: true,
    value: only.result.value,
    warnings: [`元号「${written}」を「${only.era}」と読みました`],
  };
}
