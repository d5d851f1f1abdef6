import type { StoredRecord } from "../storage/repositories/record-repository.ts";
import type { Runtime } from "./runtime.ts";

const statusLabels: Record<string, string> = {
  stored: "保存済み",
  queued: "待機中",
  splitting: "ページ分割中",
  ocr: "OCR中",
  extracting: "抽出中",
  done: "完了",
  failed: "失敗",
  duplicate: "重複",
};

/** Prints one line per file of a batch, for the clerk who handed it in. */
export async function printBatchReport(runtime: Runtime, batchId: string): Promise<void> {
  const summary = await runtime.batches.summary(batchId);
  const out: string[] = [
    `バッチ ${summary.name}: ${summary.files.total} ファイル, ${summary.pages.total} ページ, ${summary.records.total} 記録`,
  ];
  for (const file of await runtime.files.listByBatch(batchId)) {
    const pages = await runtime.pages.listByFile(file.id);
    const records = await runtime.records.listByFile(file.id);
    const ocred = pages.filter((page) => page.status === "ocr_done");
    const characters = ocred.reduce(
      (sum, page) => sum + (page.ocrText ?? "").replace(/\s/g, "").length,
      0,
    );
    const confidence = ocred.length
      ? ocred.reduce((sum, page) => sum + (page.ocrConfidence ?? 0), 0) / ocred.length
      : null;
    const parts = [`  ${file.fileName}`, statusLabels[file.status] ?? file.status];
    if (pages.length) parts.push(`${pages.length} ページ`, `${characters} 文字`);
    if (confidence !== null) parts.push(`OCR信頼度 ${(confidence * 100).toFixed(0)}%`);
    if (records.length) parts.push(`記録 ${records.map(describeRecord).join(", ")}`);
    if (file.errorMessage) parts.push(file.errorMessage);
    out.push(parts.join(" | "));
  }
  console.log(out.join("\n"));
}

/** "intake (読取 14 項目, 要確認 3)": how much a reviewer will have to look at. */
function describeRecord(record: StoredRecord): string {
  const fields = Object.values(record.items).flatMap((group) =>
    Object.values(group as Record<string, { value: unknown; needsReview: boolean }>),
  );
  const read = fields.filter((field) => field.value !== null).length;
  const toReview = fields.filter((field) => field.needsReview).length;
  return `${record.docType} (読取 ${read} 項目, 要確認 ${toReview})`;
}
