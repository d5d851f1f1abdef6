/**
 * Which produced record stands for which truth form: the pairs sharing the most pages first, one
 * record per form, so a record spanning two forms counts for one and the other form goes missing.
 */

import type { RecordV1 } from "../../../workers/extract/record-v1.ts";
import type { CaseFormTruth } from "../../generator/case-file-truth.ts";

export interface RecordMatch {
  /** Indexed like the truth's forms; undefined where no record was left for the form. */
  recordOfForm: (RecordV1 | undefined)[];
  unmatched: RecordV1[];
}

export function matchRecords(
  records: readonly RecordV1[],
  forms: readonly CaseFormTruth[],
): RecordMatch {
  const pairs = forms.flatMap((form, formIndex) =>
    records.flatMap((record, recordIndex) => {
      const shared = record.source.pages.filter((page) => form.pages.includes(page)).length;
      // Fewer stray pages break ties: the record that is most nearly this form.
      const stray = record.source.pages.length + form.pages.length - 2 * shared;
      return shared > 0 ? [{ formIndex, recordIndex, shared, stray }] : [];
    }),
  );
  pairs.sort((a, b) => b.shared - a.shared || a.stray - b.stray);
  const recordOfForm: (RecordV1 | undefined)[] = forms.map(() => undefined);
  const used = new Set<number>();
  for (const pair of pairs) {
    if (recordOfForm[pair.formIndex] || used.has(pair.recordIndex)) continue;
    recordOfForm[pair.formIndex] = records[pair.recordIndex];
    used.add(pair.recordIndex);
  }
  return { recordOfForm, unmatched: records.filter((_, index) => !used.has(index)) };
}
