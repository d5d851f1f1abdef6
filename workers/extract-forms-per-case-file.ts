import { checkAcrossForms } from "./extract/check-across-forms.ts";
import {
  DEFAULT_REVIEW_THRESHOLD,
  type ExtractFormsOptions,
  extractForms,
} from "./extract/extract-forms.ts";
import type { ExtractedForm } from "./extract/extracted-form.ts";
import { type LanguageModel, loadLanguageModel } from "./extract/language-model.ts";
import type { PageEvidence } from "./extract/page-evidence.ts";

/** A case file as far as segmentation cares: which pages of the source file are its own. */
export interface PageRange {
  firstPage: number | null;
  lastPage: number | null;
}

/** The pages of one case file; `caseFile` is null for pages no case file claims. */
export interface CaseFilePages<Case, Page> {
  caseFile: Case | null;
  pages: Page[];
}

/**
 * Sorts a source file's pages into its case files by their page ranges. Pages no case file
 * claims (a file split before case files were recorded) stay together as one group.
 */
export function groupPagesByCaseFile<Case extends PageRange, Page extends { pageNumber: number }>(
  pages: readonly Page[],
  caseFiles: readonly Case[],
): CaseFilePages<Case, Page>[] {
  const groups = new Map<Case | null, Page[]>();
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

/** Pages held before the forms they complete are handed on; a case file this short is read whole. */
export const EXTRACTION_WINDOW_PAGES = 16;

/**
 * Extracts the forms of one case file (so that no form spans a separator sheet) a window of pages
 * at a time, so that a 500-page batch holds the pages of a form or two and their ink, not all of
 * them. When the window is full, every form but the last is complete (a later page can only
 * continue the last one); the last form's pages stay for the next window. Pages are added in page
 * order. The complete forms (their fields only, a few kilobytes each) are kept until the case
 * file ends, checked against each other (checkAcrossForms) and then handed on.
 */
export class CaseFileExtraction {
  private window: PageEvidence[] = [];
  private complete: ExtractedForm[] = [];

  constructor(
    private readonly emit: (form: ExtractedForm) => Promise<void>,
    private readonly options?: ExtractFormsOptions,
    private readonly windowPages = EXTRACTION_WINDOW_PAGES,
  ) {}

  async add(page: PageEvidence): Promise<void> {
    this.window.push(page);
    if (this.window.length < this.windowPages) return;
    const forms = extractForms(this.window, await this.extractOptions());
    const last = forms.at(-1);
    this.complete.push(...forms.slice(0, -1));
    const lastStart = last ? Math.min(...last.pages) : Number.POSITIVE_INFINITY;
    this.window = this.window.filter((kept) => kept.pageNumber >= lastStart);
  }

  async finish(): Promise<void> {
    const options = await this.extractOptions();
    const read = extractForms(this.window, options);
    const forms = checkAcrossForms([...this.complete, ...read], {
      reviewThreshold: this.options?.reviewThreshold ?? DEFAULT_REVIEW_THRESHOLD,
      language: options.language,
    });
    this.window = [];
    this.complete = [];
    for (const form of forms) await this.emit(form);
  }

  /** The options with the language model, loaded once per process on first use. */
  private async extractOptions(): Promise<ExtractFormsOptions & { language: LanguageModel }> {
    return { ...this.options, language: this.options?.language ?? (await loadLanguageModel()) };
  }
}
