import type { FieldDefinition } from "../../config/forms/form-definitions.ts";
import type { AnalysedPage } from "./analyse-page.ts";
import { normaliseValue } from "./normalise-value.ts";
import type { FieldReading, ReadFieldContext } from "./read-field.ts";

/**
 * Values that show what field they are without a label: a postal code (NNN-NNNN, not a piece of
 * a phone number) and an age (N歳, not inside brackets as in a household list 長男（2歳）).
 * Keyed by field key, since the shape belongs to the meaning, not to the value type.
 */
const SHAPES: Readonly<Record<string, RegExp>> = {
  postal_code: /(?<![\d\-ー−‐])\d{3}[-ー−‐]\d{4}(?![\d\-ー−‐])/u,
  age: /(?<![\d(（])\d{1,3}\s*歳(?![)）])/u,
};

const REASON = "項目名が見つかりません。値の形から、この項目と推定しました";

/**
 * An optional field whose label was not found is accepted as absent, which is wrong when the
 * form prints it under a label OCR lost (〒 read as 四): its value still has its shape. The
 * first value of that shape on the form is kept, always for review, so the reviewer decides.
 */
export function byValueShape(
  field: FieldDefinition,
  pages: readonly AnalysedPage[],
  context: ReadFieldContext,
): FieldReading[] {
  const shape = SHAPES[field.key];
  if (!shape) return [];
  for (const page of pages) {
    for (const line of page.text.lines) {
      const text = line.tokens.map((token) => token.glyphs.map((g) => g.char).join("")).join(" ");
      const match = shape.exec(text.normalize("NFKC"));
      if (!match) continue;
      const normalised = normaliseValue(field.type, match[0], {
        ...context,
        plausibility: field.plausibility,
      });
      return [
        {
          page: page.text.pageNumber,
          bbox: line.bbox,
          value: normalised.ok ? normalised.value : null,
          raw: match[0],
          confidence: 0,
          reasons: [REASON],
        },
      ];
    }
  }
  return [];
}
