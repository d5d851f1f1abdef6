/**
 * Page layout of a printed form: the sheet's layout places the title, rows, long-text boxes and
 * the progress table on A4 at a given resolution, as a list of drawing operations.
 */
import type { SKRSContext2D } from "@napi-rs/canvas";
import type { Op } from "./draw-ops.ts";
import type { FormFonts } from "./fonts.ts";
import type { FormLayout, FormSpec } from "./form-spec.ts";
import { LabelAboveBoxComposer } from "./layout-label-above-box.ts";
import { LabelColonComposer } from "./layout-label-colon.ts";
import { RuledGridComposer } from "./layout-ruled-grid.ts";
import { MARGIN_MM, type PageComposer, type Slack } from "./page-composer.ts";
import type { Geometry } from "./page-geometry.ts";
import { createRandom } from "./random.ts";

// Smaller type is tried when a long story does not fit, as a clerk shrinks the font in Word.
const FIT_STEPS = [1, 0.94, 0.88, 0.82, 0.76];

const COMPOSERS: Record<
  FormLayout,
  new (
    ...args: ConstructorParameters<typeof RuledGridComposer>
  ) => PageComposer
> = {
  "ruled-grid": RuledGridComposer,
  "label-colon": LabelColonComposer,
  "label-above-box": LabelAboveBoxComposer,
};

/** Even the smallest type leaves the form longer than one sheet: it needs a continuation sheet. */
export class FormOverflowError extends Error {
  override name = "FormOverflowError";
}

/**
 * Lays the page out at the largest type size that fits, then hands the space left over to the
 * long-text boxes and the progress table, as a printed form fills its sheet.
 */
export function layoutPage(
  ctx: SKRSContext2D,
  spec: FormSpec,
  geo: Geometry,
  fonts: FormFonts,
): Op[] {
  const Composer = COMPOSERS[spec.layout ?? "ruled-grid"];
  const pageBottom = geo.height - geo.mm(MARGIN_MM.bottom);
  const tight: Slack = { blockExtra: new Map() };
  for (const fit of FIT_STEPS) {
    const first = new Composer(ctx, spec, geo, fonts, fit, tight).compose();
    const spare = pageBottom - first.bottom;
    if (spare < 0) continue;
    // Its own stream, so that the pen marks drawn later do not depend on the layout.
    const random = createRandom(spec.seed ^ 0x5eed);
    const blocks = spec.rows.flatMap((row, index) =>
      row.kind === "block" ? [{ index, weight: row.minLines }] : [],
    );
    const totalWeight = blocks.reduce((sum, block) => sum + block.weight, 0);
    // Not every form reaches the bottom margin: some leave a strip of empty paper.
    const used = spare * random.float(0.75, 1);
    const slack: Slack = {
      blockExtra: new Map(
        blocks.map((block) => [block.index, (used * block.weight) / totalWeight]),
      ),
    };
    if (spec.rows.at(-1)?.kind === "progress-table") slack.tableBottom = first.gridBottom + spare;
    return new Composer(ctx, spec, geo, fonts, fit, slack).compose().ops;
  }
  throw new FormOverflowError(
    `The ${spec.docType} form "${spec.title}" does not fit on one A4 page`,
  );
}
