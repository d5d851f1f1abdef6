// Audit trail, newest first. Read only: there is nothing in the API to change an entry.

import { api, query } from "../api.js";
import { h, select } from "../dom.js";
import { formatDateTime } from "../format.js";
import { AUDIT_ACTION_LABELS, DOC_TYPE_LABELS, labelOf } from "../labels.js";

const PAGE_SIZE = 100;

export async function mountAudit(root, { signal }) {
  let action = "";
  let nextBefore = null;
  let latest = 0;
  const body = h("tbody");
  const more = h("button", { type: "button", hidden: true }, "さらに表示");
  const actionSelect = select(
    { name: "action" },
    [["", "すべての操作"], ...Object.entries(AUDIT_ACTION_LABELS)],
    "",
  );
  actionSelect.addEventListener("change", () => {
    action = actionSelect.value;
    load(true);
  });
  more.addEventListener("click", () => load(false));
  root.replaceChildren(
    h("form", { className: "filters" }, h("label", {}, "操作", actionSelect)),
    h(
      "div",
      { className: "table-wrap" },
      h(
        "table",
        { className: "audit-table" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ["日時", "操作", "利用者", "機関", "記録", "内容"].map((title) =>
              h("th", { scope: "col" }, title),
            ),
          ),
        ),
        body,
      ),
    ),
    more,
  );
  await load(true);

  async function load(fresh) {
    // Only the answer to the last request counts when the filter changes quickly.
    const request = ++latest;
    const page = await api.get(
      `/api/admin/audit${query({ action, before: fresh ? "" : nextBefore, limit: PAGE_SIZE })}`,
    );
    if (signal.aborted || request !== latest) return;
    nextBefore = page.nextBefore ?? null;
    const rows = page.entries.map(entryRow);
    if (fresh) body.replaceChildren(...rows);
    else body.append(...rows);
    more.hidden = !nextBefore;
  }
}

function entryRow(entry) {
  return h(
    "tr",
    { dataset: { action: entry.action, entryId: entry.id } },
    h("td", {}, formatDateTime(entry.at)),
    h("td", {}, labelOf(AUDIT_ACTION_LABELS, entry.action)),
    h(
      "td",
      {},
      entry.user ? `${entry.user.displayName}（${entry.user.login}）` : (entry.login ?? ""),
    ),
    h("td", {}, entry.agency?.name ?? ""),
    h("td", { className: "id" }, entry.recordId ?? ""),
    h("td", { className: "detail" }, describe(entry)),
  );
}

function describe({ action, detail }) {
  if (!detail || Object.keys(detail).length === 0) return "";
  if (action === "record_edit" && detail.docType) {
    return `様式: ${labelOf(DOC_TYPE_LABELS, detail.docType.before)} → ${labelOf(DOC_TYPE_LABELS, detail.docType.after)}`;
  }
  if (action === "record_edit") {
    return `${detail.group}.${detail.key}: ${show(detail.before)} → ${show(detail.after)}`;
  }
  if (action === "record_reject") return `理由: ${detail.reason ?? ""}`;
  if (action === "record_approve" && typeof detail.corrections === "number") {
    return `修正 ${detail.corrections} 項目`;
  }
  if (action === "record_view" && detail.tookOverFrom) return "編集を引き継ぎ";
  return JSON.stringify(detail);
}

function show(value) {
  if (value === null || value === undefined) return "（空）";
  return typeof value === "string" ? `「${value}」` : JSON.stringify(value);
}
