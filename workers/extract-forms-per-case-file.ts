import { type ExtractFormsOptions, extractForms } from "./extract/extract-forms.ts";
import type { ExtractedForm } from "./extract/extracted-form.ts";
import type { PageEvidence } from "./extract/page-evidence.ts";

/** A case file as far as segmentation cares: which pages of the source file are its own. */
export interface PageRange {
  firstPage: number | null;
  lastPage: number | null;
}

/** The pages of one case file; `caseFile` is null for pages no case file claims. */
export interface CaseFilePages<Case> {
  caseFile: Case | null;
  pages: PageEvidence[];
}

/**
 * Sorts a source file's pages into its case files by their page ranges. Pages no case file
 * claims (a file split before case files were recorded) stay together as one group.
 */
export function groupPagesByCaseFile<Case extends PageRange>(
  pages: readonly PageEvidence[],
  caseFiles: readonly Case[],
): CaseFilePages<Case>[] {
  const groups = new Map<Case | null, PageEvidence[]>();
  for (const page of [...pages].sort((a, b) => a.pageNumber - b.pageNumber)) {
    const caseFile =
      caseFiles.find(
        ({ firstPage, lastPage }) =>
          firstPage !== null &&
          lastPage !== null &&
          page.pageNumber >= firstPage &&
          page.pageNumber <= lastPage,
      ) ?? null;
    groups.set(caseFile, [...(groups.get(caseFile) ?? []), page]);
  }
  return [...groups].map(([caseFile, grouped]) => ({ caseFile, pages: grouped }));
}

/**
 * Extracts each case file's forms from its own pages, so that no form spans a separator sheet:
 * an untitled first page of a case file starts a form of its own instead of continuing the last
 * form of the case before. Form indexes run on across the whole source file, which keeps them,
 * and the record ids made from them, unique per file.
 */
export function extractFormsPerCaseFile<Case>(
  caseFiles: readonly CaseFilePages<Case>[],
  options?: ExtractFormsOptions,
): { caseFile: Case | null; form: ExtractedForm }[] {
  const forms: { caseFile: Case | null; form: ExtractedForm }[] = [];
  for (const { caseFile, pages } of caseFiles) {
    for (const form of extractForms(pages, options)) {
      forms.push({ caseFile, form: { ...form, formIndex: forms.length } });
    }
  }
  return forms;
}
