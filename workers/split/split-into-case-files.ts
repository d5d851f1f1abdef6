import type { SeparatorSheet } from "../../ingest/separator-sheets/separator-sheet.ts";
import { findSeparatorSheet } from "./find-separator-sheet.ts";
import type { PageImage } from "./page-image.ts";
import { unreadableSeparatorSheet } from "./refusals.ts";

/** What the split stage found at one page of a source file. */
export type SplitItem =
  /** A page of case file `caseIndex`. */
  | { kind: "page"; page: PageImage; caseIndex: number }
  /** A separator sheet: it opens case file `caseIndex` and is not a page of it. */
  | { kind: "sheet"; pageNumber: number; sheet: SeparatorSheet; caseIndex: number };

/**
 * Cuts a source file's pages into case files at its separator sheets (区切り紙). Case files are
 * numbered from 0 in file order; pages before the first sheet (or all pages of a file without
 * sheets) form case file 0, and a file that opens with a sheet starts with that sheet's case.
 * Throws the clerk's refusal at a page that looks like a sheet but cannot be read.
 */
export async function* splitIntoCaseFiles(
  pages: AsyncIterable<PageImage>,
): AsyncGenerator<SplitItem> {
  let caseIndex = 0;
  let caseHasContent = false;
  for await (const page of pages) {
    const finding = await findSeparatorSheet(page);
    switch (finding.kind) {
      case "unreadable":
        throw unreadableSeparatorSheet(page.pageNumber, finding.cause);
      case "sheet":
        if (caseHasContent) caseIndex++;
        caseHasContent = true;
        yield { kind: "sheet", pageNumber: page.pageNumber, sheet: finding.sheet, caseIndex };
        break;
      case "none":
        caseHasContent = true;
        yield { kind: "page", page, caseIndex };
    }
  }
}
