// Clerks' batch view: upload form, separator sheets to print, and the list of batches, refreshed
// while files are processed.

import { api } from "../api.js";
import { dataTable, h } from "../dom.js";
import { formatDateTime } from "../format.js";
import { FINISHED_FILE_STATUSES } from "../labels.js";
import { pollWhileUnfinished } from "../poller.js";
import { createSheetForm } from "./sheet-form.js";
import { createUploadForm } from "./upload-form.js";

export async function mountBatches(root, { signal, user, setTitle }) {
  setTitle("バッチ");
  const listArea = h("div", { className: "table-wrap", "aria-live": "polite" });
  const refresh = pollWhileUnfinished(async () => {
    const { batches } = await api.get("/api/batches");
    if (!signal.aborted) listArea.replaceChildren(batchTable(batches));
    return batches.some(isUnfinished);
  }, signal);
  const canUpload = user.role === "clerk" || user.role === "admin";
  root.replaceChildren(
    canUpload ? createUploadForm({ onUploaded: refresh }) : "",
    canUpload ? createSheetForm() : "",
    h(
      "section",
      { "aria-labelledby": "batches-title" },
      h("h2", { id: "batches-title" }, "バッチ一覧"),
      listArea,
    ),
  );
  await refresh();
}

function unfinishedFiles(summary) {
  return Object.entries(summary.files.byStatus)
    .filter(([status]) => !FINISHED_FILE_STATUSES.has(status))
    .reduce((sum, [, count]) => sum + count, 0);
}

function isUnfinished(summary) {
  return unfinishedFiles(summary) > 0;
}

const COLUMNS = [
  {
    title: "バッチ",
    cell: (batch) => h("a", { href: `#/batches/${encodeURIComponent(batch.id)}` }, batch.name),
  },
  { title: "登録日時", cell: (batch) => formatDateTime(batch.createdAt) },
  { title: "ファイル", className: "number", cell: (batch) => String(batch.files.total) },
  {
    title: "ページ（文字認識済み）",
    className: "number",
    cell: (batch) => `${batch.pages.total}（${batch.pages.ocrDone}）`,
  },
  { title: "記録", className: "number", cell: (batch) => String(batch.records.total) },
  { title: "要確認", className: "number", cell: (batch) => String(batch.records.needsReview) },
  {
    title: "失敗",
    className: "number",
    cell: (batch) => {
      const failed = batch.files.byStatus.failed ?? 0;
      return failed ? h("span", { className: "badge failed" }, String(failed)) : "0";
    },
  },
  {
    title: "状況",
    cell: (batch) => {
      const pending = unfinishedFiles(batch);
      return pending ? `処理中（残り${pending}件）` : "完了";
    },
  },
];

function batchTable(batches) {
  if (!batches.length) return h("p", { className: "empty" }, "バッチはまだありません。");
  return dataTable(COLUMNS, batches);
}
