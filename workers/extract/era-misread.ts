import { editDistance } from "./normalise/edit-distance.ts";
import { eraNames } from "./normalise/japanese-eras.ts";
import type { Normalised } from "./normalise/normalise-result.ts";

/**
 * OCR misreads one character of an era name now and then (令和 as 信和 or 合和), and the date no
 * longer parses. The era is worth guessing only where the rest of the date settles it: each
 * era one character away is tried, and the guess is kept when exactly one of them gives a date
 * that exists with the fewest warnings. A warning is either a doubt about the date (a record
 * date of 昭和5年 is implausible) or a second misread the normaliser put right (18昌 for 18日),
 * which every era shares; so the era that adds no doubt of its own wins. The result always
 * carries a warning, so the field goes to review with the guess filled in.
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
    .flatMap(({ era, result }) =>
      result.ok ? [{ era, value: result.value, warnings: result.warnings ?? [] }] : [],
    );
  const fewest = Math.min(...readings.map((reading) => reading.warnings.length));
  const [only, another] = readings.filter((reading) => reading.warnings.length === fewest);
  if (!only || another) return null;
  return {
    ok: true,
    value: only.value,
    warnings: [`元号「${written}」を「${only.era}」と読みました`, ...only.warnings],
  };
}
