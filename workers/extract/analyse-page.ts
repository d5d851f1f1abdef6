import type { FormDefinitions } from "../../config/forms/form-definitions.ts";
import type { BBox } from "../ocr/ocr-result.ts";
import { findLabels, type LabelHit } from "./find-labels.ts";
import { findTitle, type TitleHit } from "./find-title.ts";
import { withoutOptionsReadAsLabels } from "./option-read-as-label.ts";
import type { PageEvidence } from "./page-evidence.ts";
import {
  type PageText,
  readPageText,
  readRescaledPageText,
  readWholePageText,
} from "./page-text.ts";
import { findTableHeader, type TableHeader } from "./read-table.ts";

/** What one reading of a page shows before it is known which form the page belongs to. */
export interface PageAnalysis {
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

/** A page as first read, and as read a second time, enlarged, when it was (see corroborate.ts). */
export interface AnalysedPage extends PageAnalysis {
  rescaled: PageAnalysis | null;
  /** The ruled cells as the whole-page OCR read them; null without cells (see majority-text.ts). */
  wholePage: PageAnalysis | null;
}

export function analysePage(page: PageEvidence, definitions: FormDefinitions): AnalysedPage {
  const rescaled = readRescaledPageText(page);
  const wholePage = readWholePageText(page);
  return {
    ...analyseText(readPageText(page), definitions),
    rescaled: rescaled && analyseText(rescaled, definitions),
    wholePage: wholePage && analyseText(wholePage, definitions),
  };
}

function analyseText(text: PageText, definitions: FormDefinitions): PageAnalysis {
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
  const labelled = definitions.fields.filter((field) => field.labels.length > 0);
  const labels = withoutOptionsReadAsLabels(findLabels(text, labelled, claimed), labelled);
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
