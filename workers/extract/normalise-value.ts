import type { FieldType, Plausibility } from "../../config/forms/form-definitions.ts";
import type { TermList } from "./normalise/correct-misread-terms.ts";
import { datePlausibilityWarnings } from "./normalise/date-plausibility.ts";
import type { EraName } from "./normalise/japanese-eras.ts";
import { normaliseDate, normaliseDateInEra } from "./normalise/normalise-date.ts";
import { normaliseAge, normaliseInteger } from "./normalise/normalise-integer.ts";
import { normaliseKana } from "./normalise/normalise-kana.ts";
import { normaliseName } from "./normalise/normalise-name.ts";
import { normalisePhone } from "./normalise/normalise-phone.ts";
import { normalisePostalCode } from "./normalise/normalise-postal-code.ts";
import { accept, type Normalised, reject } from "./normalise/normalise-result.ts";
import { normaliseAddress, normaliseId, normaliseText } from "./normalise/normalise-text.ts";

export interface NormaliseContext {
  plausibility?: Plausibility;
  /** `YYYY-MM-DD` in Japan time, for the plausibility of dates. */
  today: string;
  /** The era circled by hand on a printed 大正・昭和・平成 row, read from the ink. */
  circledEra?: EraName;
  /** Words a misread character in a text is put back to; the welfare terms by default. */
  terms?: TermList;
}

/** A written value of a field type other than the choices → its normalised value (spec). */
export function normaliseValue(
  type: FieldType,
  raw: string,
  context: NormaliseContext,
): Normalised<unknown> {
  switch (type) {
    case "id":
      return normaliseId(raw);
    case "name":
      return normaliseName(raw);
    case "kana":
      return normaliseKana(raw);
    case "date":
      return withDatePlausibility(
        context.circledEra ? normaliseDateInEra(raw, context.circledEra) : normaliseDate(raw),
        context,
      );
    case "integer":
      return context.plausibility === "age" ? normaliseAge(raw) : normaliseInteger(raw);
    case "postal":
      return normalisePostalCode(raw);
    case "phone":
      return normalisePhone(raw);
    case "address":
      return normaliseAddress(raw);
    case "text":
      return normaliseText(raw, context.terms);
    case "longtext":
      return withDateAloneDoubted(normaliseText(raw, context.terms));
    case "choice":
    case "multichoice":
    case "boolean":
    case "table":
      return reject(`${type} values are read from their marks, not normalised as text`);
  }
}

function withDatePlausibility(
  result: Normalised<string>,
  context: NormaliseContext,
): Normalised<string> {
  const role = context.plausibility;
  if (!result.ok || role === undefined || role === "age") return result;
  const warnings = datePlausibilityWarnings(result.value, role, context.today);
  return accept(result.value, [...(result.warnings ?? []), ...warnings]);
}

/**
 * Long text (支援の結果, 主訴 …) that is a date and nothing else was read from another field's
 * box: 評価日 read without its 日 matched the label 評価 of 支援の結果, whose value was then the
 * evaluation date, accepted (held-out seed 29). For review.
 */
function withDateAloneDoubted(result: Normalised<string>): Normalised<string> {
  if (!result.ok || !normaliseDate(result.value).ok) return result;
  const repairs = result.repairs ?? [];
  const doubts = (result.warnings ?? []).filter((warning) => !repairs.includes(warning));
  return accept(
    result.value,
    [...doubts, "文章の欄に日付だけが読めました（別の項目の値の可能性）"],
    repairs,
  );
}
