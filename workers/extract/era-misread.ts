import { editDistance } from "./normalise/edit-distance.ts";
import { eraNames } from "./normalise/japanese-eras.ts";
import type { Normalised } from "./normalise/normalise-result.ts";

/**
 * OCR misreads one character of an era name now and then (令和 as 信和 or 合和), and the date no
 * longer parses; or it reads a stray character before the era (the label's last, a speck:
 * 人釧和3年). The era is worth guessing only where the rest of the date settles it: each era
 * one character away is tried, with and without the first character, and the guess is kept
 * when exactly one of them gives a date that exists with the fewest warnings. A warning is
 * either a doubt about the date (a record date of 昭和5年 is implausible), a second misread the
 * normaliser put right (18昌 for 18日), which every era shares, or a repair made here; so the
 * era that adds no doubt of its own wins. The result always carries a warning, so the field
 * goes to review with the guess filled in.
 */
export function withEraRepaired(
  raw: string,
  normalise: (text: string) => Normalised<unknown>,
): Normalised<unknown> | null {
  const chars = Array.from(raw.normalize("NFKC").replace(/\s+/gu, ""));
  if (eraNames.some((era) => era === chars.slice(0, 2).join(""))) return null;
  const readings = [0, 1].flatMap((skip) => {
    const written = chars.slice(skip, skip + 2).join("");
    const rest = chars.slice(skip + 2).join("");
    if (written.length < 2 || !/^(?:元|\d)/u.test(rest)) return [];
    const skipped = chars.slice(0, skip).join("");
    return eraNames
      .filter((era) => editDistance(era, written) <= 1)
      .flatMap((era) => {
        const result = normalise(`${era}${rest}`);
        if (!result.ok) return [];
        const repairs = [
          ...(skipped ? [`「${skipped}」は読み飛ばしました`] : []),
          ...(era !== written ? [`元号「${written}」を「${era}」と読みました`] : []),
        ];
        return [{ value: result.value, warnings: [...repairs, ...(result.warnings ?? [])] }];
      });
  });
  const fewest = Math.min(...readings.map((reading) => reading.warnings.length));
  const [only, another] = readings.filter((reading) => reading.warnings.length === fewest);
  if (!only || another) return null;
  return { ok: true, value: only.value, warnings: only.warnings };
}
