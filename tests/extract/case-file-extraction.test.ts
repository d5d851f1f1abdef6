import { describe, expect, it } from "vitest";
import { extractForms } from "../../workers/extract/extract-forms.ts";
import type { ExtractedForm } from "../../workers/extract/extracted-form.ts";
import type { PageEvidence } from "../../workers/extract/page-evidence.ts";
import { CaseFileExtraction } from "../../workers/extract-forms-per-case-file.ts";
import { type LineSpec, syntheticPage } from "./synthetic-page.ts";

const TITLES = ["相談受付票", "アセスメントシート", "支援プラン", "支援経過記録"];

function header(caseNumber: string, name: string): LineSpec[] {
  return [
    {
      y: 250,
      words: [
        ["相談番号", 150],
        [caseNumber, 300],
      ],
    },
    {
      y: 320,
      words: [
        ["氏名", 150],
        [name, 300],
      ],
    },
  ];
}

/**
 * A long case file: forms of one to four pages (a titled first sheet, untitled continuation
 * sheets), and blank back sides here and there.
 */
function longCaseFile(pageCount: number): PageEvidence[] {
  const pages: PageEvidence[] = [];
  let form = 0;
  while (pages.length < pageCount) {
    const sheets = 1 + (form % 4);
    for (let sheet = 0; sheet < sheets && pages.length < pageCount; sheet++) {
      const pageNumber = pages.length + 1;
      if (pageNumber % 7 === 0) {
        pages.push(syntheticPage([], { pageNumber, blank: true }));
        continue;
      }
      const lines: LineSpec[] =
        sheet === 0
          ? [
              { y: 100, words: [[TITLES[form % TITLES.length] as string, 600]], em: 46 },
              ...header(`R5-${String(form).padStart(4, "0")}`, `山田${form}`),
            ]
          : [
              {
                y: 400,
                words: [
                  ["続き", 150],
                  [`${form}-${sheet}`, 300],
                ],
              },
            ];
      pages.push(syntheticPage(lines, { pageNumber }));
    }
    form += 1;
  }
  return pages;
}

async function inWindows(pages: PageEvidence[], windowPages: number): Promise<ExtractedForm[]> {
  const forms: ExtractedForm[] = [];
  const extraction = new CaseFileExtraction(
    async (form) => {
      forms.push({ ...form, formIndex: forms.length });
    },
    {},
    windowPages,
  );
  for (const page of pages) await extraction.add(page);
  await extraction.finish();
  return forms;
}

describe("extraction of a long case file in windows of pages", () => {
  it("finds the same forms as reading the whole file at once", async () => {
    const pages = longCaseFile(120);
    const whole = extractForms(pages, { today: "2026-11-25" });
    expect(whole.length).toBeGreaterThanOrEqual(30);
    for (const windowPages of [5, 16]) {
      const windowed = await inWindows(pages, windowPages);
      expect(windowed.map((form) => [form.docType, form.pages])).toEqual(
        whole.map((form) => [form.docType, form.pages]),
      );
      expect(windowed.map((form) => form.items.common.case_number?.value)).toEqual(
        whole.map((form) => form.items.common.case_number?.value),
      );
    }
  });

  it("holds the pages of the form in progress, not the file", async () => {
    let most = 0;
    const extraction = new CaseFileExtraction(async () => {}, {}, 8);
    // What the extraction still holds: its window (a private detail this test looks into).
    const held = () => (extraction as unknown as { window: PageEvidence[] }).window.length;
    for (const page of longCaseFile(120)) {
      await extraction.add(page);
      most = Math.max(most, held());
    }
    expect(most).toBeLessThanOrEqual(8);
  });
});
