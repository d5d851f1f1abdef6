// One batch: its files with status and failure reasons (retry), duplicates, pages that look like
// sheets handed in before (flagged, not dropped), records by docType, and the CSV downloads.

import { api, query } from "../api.js";
import { dataTable, h } from "../dom.js";
import { DOC_TYPE_LABELS, FILE_STATUS_LABELS, FINISHED_FILE_STATUSES, labelOf } from "../labels.js";
import { notify } from "../notice.js";
import { pollWhileUnfinished } from "../poller.js";

export async function mountBatchDetail(root, { signal, params: [rawId], user, setTitle }) {
  setTitle("バッチ");
  const path = `/api/batches/${encodeURIComponent(decodeURIComponent(rawId))}`;
  const canRetry = user.role === "clerk" || user.role === "admin";
  const canReview = user.role === "reviewer" || user.role === "admin";
  const refresh = pollWhileUnfinished(async () => {
    let detail;
    try {
      detail = await api.get(path);
    } catch (error) {
      if (error.status !== 404) throw error;
      root.replaceChildren(h("p", { className: "empty" }, "バッチが見つかりません。"));
      return false;
    }
    if (signal.aborted) return false;
    render(detail);
    return detail.files.some((file) => !FINISHED_FILE_STATUSES.has(file.status));
  }, signal);
  await refresh();

  function render({ summary, files, records, nearDuplicates = [] }) {
    setTitle(summary.name);
    const focused = document.activeElement?.dataset?.retryFile;
    root.replaceChildren(
      h("p", { className: "breadcrumb" }, h("a", { href: "#/batches" }, "← バッチ一覧")),
      h("h2", {}, summary.name),
      summaryList(summary, records),
      downloads(),
      h("h3", {}, "ファイル"),
      h("div", { className: "table-wrap" }, fileTable(files)),
      ...duplicates(files),
      ...similarPages(nearDuplicates),
      h("h3", {}, "様式別の記録"),
      docTypeTable(summary.id, records.byDocType),
    );
    if (focused) root.querySelector(`[data-retry-file="${CSS.escape(focused)}"]`)?.focus();
  }

  function summaryList(summary, records) {
    const items = [
      ["ファイル", summary.files.total],
      ["ページ", summary.pages.total],
      ["文字認識済み", summary.pages.ocrDone],
      ["記録", summary.records.total],
      ["要確認", records.needsReview],
      ["確認済み", records.verified],
      ["差し戻し", records.rejected],
      ["失敗", summary.files.byStatus.failed ?? 0],
    ];
    return h(
      "dl",
      { className: "counts" },
      items.map(([term, value]) => h("div", {}, h("dt", {}, term), h("dd", {}, String(value)))),
    );
  }

  function fileTable(files) {
    if (!files.length) return h("p", { className: "empty" }, "ファイルはありません。");
    return dataTable(
      [
        { title: "ファイル名", className: "file-name", cell: (file) => file.fileName },
        { title: "状態", className: "nowrap", cell: statusCell },
        { title: "ページ", className: "number", cell: (file) => String(file.pageCount ?? "") },
        { title: "エラー", cell: errorCell },
      ],
      files,
      { rowProps: (file) => ({ className: file.status === "failed" ? "failed" : "" }) },
    );
  }

  function statusCell(file) {
    const text = labelOf(FILE_STATUS_LABELS, file.status);
    return FINISHED_FILE_STATUSES.has(file.status)
      ? text
      : h("span", { className: "working" }, text);
  }

  function errorCell(file) {
    if (file.status !== "failed") return "";
    const button = canRetry
      ? h(
          "button",
          { type: "button", className: "small", dataset: { retryFile: file.id } },
          "再試行",
        )
      : "";
    if (button) button.addEventListener("click", () => retry(file, button));
    return [
      h("span", { className: "error-text" }, file.errorMessage ?? file.errorCode ?? ""),
      " ",
      button,
    ];
  }

  async function retry(file, button) {
    button.disabled = true;
    try {
      await api.post(`/api/files/${encodeURIComponent(file.id)}/retry`);
      notify("再試行を受け付けました。");
    } catch (error) {
      notify(error.message, "error");
    }
    refresh();
  }

  function duplicates(files) {
    const copies = files.filter((file) => file.duplicateOf);
    if (!copies.length) return [];
    return [
      h("h3", {}, "重複ファイル"),
      h(
        "ul",
        { className: "duplicates" },
        copies.map((file) =>
          h(
            "li",
            {},
            h("span", { className: "file-name" }, file.fileName),
            " は ",
            h("span", { className: "file-name" }, file.duplicateOf.fileName),
            `（バッチ「${file.duplicateOf.batchName ?? ""}」）と同じ内容のため処理していません。`,
          ),
        ),
      ),
    ];
  }

  // The verified records hold what the forms say: for reviewers and admins, not clerks.
  function downloads() {
    return h(
      "p",
      { className: "downloads" },
      h(
        "a",
        { href: `${path}/report.csv`, download: "", className: "button-link" },
        "バッチ報告 CSV",
      ),
      canReview
        ? h(
            "a",
            { href: `${path}/records.csv`, download: "", className: "button-link" },
            "確認済み記録 CSV",
          )
        : null,
    );
  }

  function similarPages(pairs) {
    if (!pairs.length) return [];
    return [
      h("h3", {}, "似たページ（重複の可能性）"),
      h(
        "p",
        { className: "hint" },
        "以前に登録したページとよく似ています。同じ用紙を二度スキャンしていないか確認してください（処理は続けています）。",
      ),
      h(
        "div",
        { className: "table-wrap" },
        dataTable(
          [
            { title: "ファイル名", className: "file-name", cell: (pair) => pair.fileName },
            { title: "ページ", className: "number", cell: (pair) => String(pair.pageNumber) },
            { title: "似ているページ", cell: similarCell },
            {
              title: "文字の一致",
              className: "number",
              cell: (pair) => percent(pair.textSimilarity),
            },
          ],
          pairs,
          { rowProps: () => ({ className: "near-duplicate" }) },
        ),
      ),
    ];
  }

  function similarCell({ similar }) {
    const where = [];
    if (similar.batchName) where.push(`バッチ「${similar.batchName}」`);
    if (similar.pageNumber !== null && similar.pageNumber !== undefined) {
      where.push(`${similar.pageNumber}ページ`);
    }
    return [
      h("span", { className: "file-name" }, similar.fileName ?? ""),
      where.length ? `（${where.join("・")}）` : "",
    ];
  }

  function docTypeTable(batchId, byDocType) {
    const entries = Object.entries(byDocType);
    if (!entries.length) return h("p", { className: "empty" }, "記録はまだありません。");
    return dataTable(
      [
        {
          title: "様式",
          cell: ([docType]) =>
            canReview
              ? h(
                  "a",
                  { href: `#/queue${query({ batch: batchId, docType })}` },
                  labelOf(DOC_TYPE_LABELS, docType),
                )
              : labelOf(DOC_TYPE_LABELS, docType),
        },
        { title: "記録数", className: "number", cell: ([, count]) => String(count) },
      ],
      entries,
    );
  }
}

function percent(ratio) {
  return typeof ratio === "number" && Number.isFinite(ratio) ? `${Math.round(ratio * 100)}%` : "";
}
