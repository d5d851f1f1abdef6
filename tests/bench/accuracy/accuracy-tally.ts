/**
 * Scores produced records against case-file truth, file by file, into the figures the accuracy
 * benchmark reports. Every count is kept (not only rates) so that the JSON can be re-read.
 */

import type { RecordV1 } from "../../../workers/extract/record-v1.ts";
import type { CaseFileTruth, PageTruth } from "../../generator/case-file-truth.ts";
import { characterRecall } from "../../helpers/text-metrics.ts";
import { characterErrorRate } from "./edit-distance.ts";
import {
  expectedFields,
  isParagraphs,
  LONG_TEXT_KEYS,
  recordItems,
  sameValue,
} from "./field-values.ts";
import { leakedNumbers } from "./individual-number-leaks.ts";
import { matchRecords } from "./match-records.ts";

export interface Ratio {
  correct: number;
  total: number;
}

/** One truth form beside the record matched to it, field by field, for reading the JSON. */
export interface FormDetail {
  fileName: string;
  docType: string;
  layout: string;
  pages: number[];
  record: { recordId: string; docType: string; pages: number[] } | null;
  fields: {
    key: string;
    expected: unknown;
    /** undefined when the record has no such item. */
    extracted?: unknown;
    needsReview?: boolean;
    /** Why the record sent it to review. */
    reason?: string;
    correct: boolean;
    handwritten: boolean;
  }[];
}

export interface TallyCounts {
  files: number;
  pages: number;
  blankPages: number;
  forms: number;
  /** Files the pipeline failed on; their forms count as missing. */
  failures: { fileName: string; message: string }[];
  docType: Ratio & { confusion: Record<string, Record<string, number>> };
  fields: {
    all: Ratio;
    typed: Ratio;
    /** Typed values apart: short ones, and long text with the progress table (isParagraphs). */
    typedShort: Ratio;
    typedParagraphs: Ratio;
    handwritten: Ratio;
    byKey: Record<string, Ratio>;
    byLayout: Record<string, Ratio>;
  };
  autoAccept: {
    /** Items in the produced records. */
    extracted: number;
    /** Of those, needsReview false. */
    accepted: number;
    acceptedCorrect: number;
    /** Items of fields the form prints (the truth has them); of those, needsReview false. */
    printed: number;
    printedAccepted: number;
    handwrittenAccepted: number;
    handwrittenAcceptedWrong: number;
    /**
     * Typed values of fields the form prints, the targets being set on printed forms:
     * how many, how many accepted, and of those how many right.
     */
    typed: number;
    typedAccepted: number;
    typedAcceptedCorrect: number;
    /** The same for the typed short values and the typed paragraphs apart. */
    typedShort: number;
    typedShortAccepted: number;
    typedParagraphs: number;
    typedParagraphsAccepted: number;
  };
  longText: { fields: number; cerSum: number; printedFields: number; printedCerSum: number };
  pageText: { pages: number; kamirokuRecallSum: number; tesseractCliRecallSum: number };
  individualNumbers: { total: number; leaked: number; leakedFiles: string[] };
  blankPageRecords: number;
  /** Records matching no truth form (blank pages included). */
  strayRecords: number;
}

function bump(ratio: Ratio, correct: boolean) {
  ratio.total++;
  if (correct) ratio.correct++;
}

function ratioIn(table: Record<string, Ratio>, key: string): Ratio {
  table[key] ??= { correct: 0, total: 0 };
  return table[key];
}

/** What the pipeline should see on a page: its lines without the 個人番号, which it must redact. */
function expectedPageText(page: PageTruth): string {
  let text = page.lines.join("\n");
  for (const number of page.individualNumbers ?? []) text = text.replace(number.printed, "");
  return text;
}

export class AccuracyTally {
  readonly details: FormDetail[] = [];
  readonly counts: TallyCounts = {
    files: 0,
    pages: 0,
    blankPages: 0,
    forms: 0,
    failures: [],
    docType: { correct: 0, total: 0, confusion: {} },
    fields: {
      all: { correct: 0, total: 0 },
      typed: { correct: 0, total: 0 },
      typedShort: { correct: 0, total: 0 },
      typedParagraphs: { correct: 0, total: 0 },
      handwritten: { correct: 0, total: 0 },
      byKey: {},
      byLayout: {},
    },
    autoAccept: {
      extracted: 0,
      accepted: 0,
      acceptedCorrect: 0,
      printed: 0,
      printedAccepted: 0,
      handwrittenAccepted: 0,
      handwrittenAcceptedWrong: 0,
      typed: 0,
      typedAccepted: 0,
      typedAcceptedCorrect: 0,
      typedShort: 0,
      typedShortAccepted: 0,
      typedParagraphs: 0,
      typedParagraphsAccepted: 0,
    },
    longText: { fields: 0, cerSum: 0, printedFields: 0, printedCerSum: 0 },
    pageText: { pages: 0, kamirokuRecallSum: 0, tesseractCliRecallSum: 0 },
    individualNumbers: { total: 0, leaked: 0, leakedFiles: [] },
    blankPageRecords: 0,
    strayRecords: 0,
  };

  addFailure(truth: CaseFileTruth, message: string, cliTexts: readonly string[]) {
    this.counts.failures.push({ fileName: truth.fileName, message });
    this.addFile(truth, [], cliTexts);
  }

  addFile(truth: CaseFileTruth, records: readonly RecordV1[], cliTexts: readonly string[]) {
    const { counts } = this;
    counts.files++;
    counts.pages += truth.pages.length;
    counts.forms += truth.forms.length;
    const blank = new Set(truth.pages.filter((page) => page.blank).map((page) => page.pageNumber));
    counts.blankPages += blank.size;

    const { recordOfForm, unmatched } = matchRecords(records, truth.forms);
    counts.strayRecords += unmatched.length;
    counts.blankPageRecords += records.filter(
      (record) =>
        record.source.pages.length > 0 && record.source.pages.every((page) => blank.has(page)),
    ).length;

    truth.forms.forEach((form, formIndex) => {
      const record = recordOfForm[formIndex];
      const got = record?.docType ?? "(missing)";
      bump(counts.docType, got === form.docType);
      const row = counts.docType.confusion[form.docType] ?? {};
      row[got] = (row[got] ?? 0) + 1;
      counts.docType.confusion[form.docType] = row;

      const items = record ? recordItems(record) : new Map();
      const expected = expectedFields(form);
      const detail: FormDetail = {
        fileName: truth.fileName,
        docType: form.docType,
        layout: form.layout,
        pages: form.pages,
        record: record
          ? { recordId: record.recordId, docType: record.docType, pages: record.source.pages }
          : null,
        fields: [],
      };
      this.details.push(detail);
      for (const field of expected) {
        const item = items.get(field.key);
        const correct = item !== undefined && sameValue(item.value, field.value);
        detail.fields.push({
          key: field.key,
          expected: field.value,
          ...(item ? { extracted: item.value, needsReview: item.needsReview } : {}),
          ...(item?.reason ? { reason: item.reason } : {}),
          correct,
          handwritten: field.handwritten,
        });
        bump(counts.fields.all, correct);
        bump(field.handwritten ? counts.fields.handwritten : counts.fields.typed, correct);
        const paragraphs = isParagraphs(field.key);
        if (!field.handwritten)
          bump(paragraphs ? counts.fields.typedParagraphs : counts.fields.typedShort, correct);
        bump(ratioIn(counts.fields.byKey, field.key), correct);
        bump(ratioIn(counts.fields.byLayout, form.layout), correct);
        if (LONG_TEXT_KEYS.has(field.key) && typeof field.value === "string") {
          const cer = characterErrorRate(field.value, item?.value);
          counts.longText.fields++;
          counts.longText.cerSum += cer;
          if (!field.handwritten) {
            counts.longText.printedFields++;
            counts.longText.printedCerSum += cer;
          }
        }
        const accepted = item !== undefined && !item.needsReview;
        if (field.handwritten && accepted) {
          counts.autoAccept.handwrittenAccepted++;
          if (!correct) counts.autoAccept.handwrittenAcceptedWrong++;
        }
        if (!field.handwritten) {
          counts.autoAccept.typed++;
          if (accepted) counts.autoAccept.typedAccepted++;
          if (accepted && correct) counts.autoAccept.typedAcceptedCorrect++;
          if (paragraphs) {
            counts.autoAccept.typedParagraphs++;
            if (accepted) counts.autoAccept.typedParagraphsAccepted++;
          } else {
            counts.autoAccept.typedShort++;
            if (accepted) counts.autoAccept.typedShortAccepted++;
          }
        }
      }
      // Every item the record holds, expected or not: an item the form lacks is right only
      // when it says so (null).
      const truthByKey = new Map(expected.map((field) => [field.key, field.value]));
      for (const [key, item] of items) {
        counts.autoAccept.extracted++;
        if (truthByKey.has(key)) {
          counts.autoAccept.printed++;
          if (!item.needsReview) counts.autoAccept.printedAccepted++;
        }
        if (item.needsReview) continue;
        counts.autoAccept.accepted++;
        const correct = truthByKey.has(key)
          ? sameValue(item.value, truthByKey.get(key))
          : item.value === null;
        if (correct) counts.autoAccept.acceptedCorrect++;
      }
    });
    for (const record of unmatched) {
      for (const item of recordItems(record).values()) {
        counts.autoAccept.extracted++;
        if (item.needsReview) continue;
        counts.autoAccept.accepted++;
        if (item.value === null) counts.autoAccept.acceptedCorrect++;
      }
    }

    const numbers = truth.forms.flatMap((form) => form.individualNumbers ?? []);
    const leaked = leakedNumbers(
      records,
      numbers.map((number) => number.digits),
    );
    counts.individualNumbers.total += numbers.length;
    counts.individualNumbers.leaked += leaked.length;
    if (leaked.length > 0) counts.individualNumbers.leakedFiles.push(truth.fileName);

    for (const page of truth.pages) {
      if (page.blank) continue;
      const expectedText = expectedPageText(page);
      const produced =
        records.flatMap((record) => record.text).find((text) => text.page === page.pageNumber)
          ?.text ?? "";
      counts.pageText.pages++;
      counts.pageText.kamirokuRecallSum += characterRecall(expectedText, produced);
      counts.pageText.tesseractCliRecallSum += characterRecall(
        expectedText,
        cliTexts[page.pageNumber - 1] ?? "",
      );
    }
  }
}
