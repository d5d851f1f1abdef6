import type { FormDefinitions } from "../../config/forms/form-definitions.ts";
import type { BBox } from "../ocr/ocr-result.ts";
import { findLabels, type LabelHit } from "./find-labels.ts";
import { findTitle, type TitleHit } from "./find-title.ts";
import type { PageEvidence } from "./page-evidence.ts";
import { type PageText, readPageText } from "./page-text.ts";
import { findTableHeader, type TableHeader } from "./read-table.ts";

/** What one page shows before it is known which form it belongs to. */
export interface AnalysedPage {
  text: PageText;
  title: TitleHit | null;
  /** Labels of every defined field, whatever the form: any of them ends a neighbouring value. */
  labels: LabelHit[];
  /** Heading rows of table fields, by field key. */
  tables: Map<string, TableHeader>;
  /** Characters of the title, labels and headings: never part of a value. */
  claimed: ReadonlySet<number>;
  /** Boxes of labels and headings: a value never runs past one. */
  stops: BBox[];
}

export function analysePage(page: PageEvidence, definitions: FormDefinitions): AnalysedPage {
  const text = readPageText(page);
  const title = findTitle(text, definitions);
  const claimed = new Set(title?.glyphIds ?? []);
  const tables = new Map<string, TableHeader>();
  for (const field of definitions.fields) {
    if (!field.columns) continue;
    const header = findTableHeader(text, field.columns, claimed);
    if (!header) continue;
    tables.set(field.key, header);
    for (const id of header.glyphIds) claimed.add(id);
  }
  const labels = findLabels(
    text,
    definitions.fields.filter((field) => field.labels.length > 0),
    claimed,
  );
  for (const hit of labels) for (const id of hit.glyphIds) claimed.add(id);
  return {
    text,
    title,
    labels,
    tables,
    claimed,
    stops: [...labels.map((hit) => hit.bbox), ...[...tables.values()].map((header) => header.bbox)],
  };
}
