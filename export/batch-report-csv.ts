import type { FileReportRow } from "../storage/repositories/batch-repository.ts";
import type { SourceFileStatus } from "../storage/repositories/source-file-repository.ts";
import { csvFile } from "./csv-row.ts";
import { docTypeNames } from "./doc-type-names.ts";

const statusNames: Record<SourceFileStatus, string> = {
  stored: "保存済み",
  queued: "待機中",
  splitting: "ページ分割中",
  ocr: "文字認識中",
  extracting: "抽出中",
  done: "完了",
  failed: "失敗",
  duplicate: "重複",
};

/**
 * The batch report for the clerk, as Excel opens it: one line per file (status, pages, blank
 * pages, records by docType, records needing review, pages like ones handed in before, the file
 * a duplicate repeats, the reason of a failure), then a total line.
 */
export function batchReportCsv(batchName: string, files: readonly FileReportRow[]): Buffer {
  const header = [
    "バッチ",
    "ファイル名",
    "状態",
    "ページ",
    "白紙ページ",
    "区切り紙",
    "記録",
    "様式別の記録",
    "要確認の記録",
    "似たページ",
    "重複元",
    "失敗の理由",
  ];
  const count = (file: FileReportRow) =>
    Object.values(file.recordsByDocType).reduce((sum, n) => sum + Number(n), 0);
  const byDocType = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(
        ([docType, n]) => `${docTypeNames[docType as keyof typeof docTypeNames] ?? docType} ${n}`,
      )
      .join("、");
  const rows = files.map((file) => [
    batchName,
    file.fileName,
    statusNames[file.status],
    file.pages === null ? "" : String(file.pages),
    String(file.blankPages),
    String(file.separatorSheets),
    String(count(file)),
    byDocType(file.recordsByDocType),
    String(file.needsReview),
    String(file.nearDuplicatePages),
    file.duplicateOf ?? "",
    file.error ?? "",
  ]);
  const sum = (pick: (file: FileReportRow) => number) =>
    String(files.reduce((total, file) => total + pick(file), 0));
  const totalByDocType: Record<string, number> = {};
  for (const file of files) {
    for (const [docType, n] of Object.entries(file.recordsByDocType)) {
      totalByDocType[docType] = (totalByDocType[docType] ?? 0) + Number(n);
    }
  }
  const failed = files.filter((file) => file.status === "failed").length;
  const total = [
    batchName,
    `合計 ${files.length} ファイル`,
    `失敗 ${failed}`,
    sum((file) => file.pages ?? 0),
    sum((file) => file.blankPages),
    sum((file) => file.separatorSheets),
    sum(count),
    byDocType(totalByDocType),
    sum((file) => file.needsReview),
    sum((file) => file.nearDuplicatePages),
    "",
    "",
  ];
  return csvFile([header, ...rows, total]);
}
