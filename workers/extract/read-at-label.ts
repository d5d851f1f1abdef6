import type { FieldDefinition } from "../../config/forms/form-definitions.ts";
import type { PageAnalysis } from "./analyse-page.ts";
import type { LabelHit } from "./find-labels.ts";
import { type FieldReading, type ReadFieldContext, readField } from "./read-field.ts";
import { readValueRegion, valueExtent } from "./value-region.ts";

/** The field's value read where one of its labels was found on a page (any reading of it). */
export function readAtLabel(
  field: FieldDefinition,
  hit: LabelHit,
  page: Pick<PageAnalysis, "text" | "stops" | "claimed">,
  context: ReadFieldContext,
): FieldReading {
  const value = readValueRegion(hit, page.text, {
    extent: valueExtent(field.type),
    stops: page.stops,
    claimed: page.claimed,
  });
  return readField(field, value, page.text, context);
}
