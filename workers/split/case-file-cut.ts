import type { SeparatorSheet } from "../../ingest/separator-sheets/separator-sheet.ts";
import type { SplitItem } from "./split-into-case-files.ts";

/** One case file of a source file, as the split stage cut it. */
export interface CaseFileCut {
  /** From 0, in file order. */
  caseIndex: number;
  /** The separator sheet that opened it (its page number and what it says); null before any. */
  sheet: { pageNumber: number; content: SeparatorSheet } | null;
  /** Page numbers (in the source file) of its own pages; empty when a sheet had none after it. */
  pages: number[];
}

/** Gathers the case files of a source file from what `splitIntoCaseFiles` yields. */
export class CaseFileCuts {
  private readonly cuts: CaseFileCut[] = [];

  add(item: SplitItem): void {
    let cut = this.cuts[item.caseIndex];
    if (!cut) {
      cut = { caseIndex: item.caseIndex, sheet: null, pages: [] };
      this.cuts[item.caseIndex] = cut;
    }
    if (item.kind === "sheet") cut.sheet = { pageNumber: item.pageNumber, content: item.sheet };
    else cut.pages.push(item.page.pageNumber);
  }

  /** In case order; a file with no page at all has none. */
  list(): CaseFileCut[] {
    return [...this.cuts];
  }
}
