// Work queue: records waiting for a person, oldest first. Rows are focusable; Enter or a click
// opens the record, arrow keys move between rows so the queue works without a mouse.

import { api, query } from "../api.js";
import { dataTable, h, select } from "../dom.js";
import { formatDateTime, formatPages } from "../format.js";
import { DOC_TYPE_LABELS, labelOf, RECORD_STATUS_LABELS } from "../labels.js";
import { saveQueueFilters } from "../queue-filters.js";

const PAGE_SIZE = 50;

export async function mountQueue(root, { signal, query: hashQuery, setTitle }) {
  setTitle("作業キュー");
  const filters = {
    batch: hashQuery.get("batch") ?? "",
    docType: hashQuery.get("docType") ?? "",
    status: hashQuery.get("status") ?? "",
    offset: Number(hashQuery.get("offset") ?? 0) || 0,
  };
  let latest = 0;
  const filterBar = h("form", {
    className: "filters",
    onsubmit: (event) => event.preventDefault(),
  });
  const summary = h("p", { className: "summary", "aria-live": "polite" });
  const listArea = h("div", { className: "table-wrap" });
  const pager = h("div", { className: "pager" });
  root.replaceChildren(h("h2", {}, "作業キュー"), filterBar, summary, listArea, pager);

  const [batches, firstPage] = await Promise.all([
    api.get("/api/batches").then((body) => body.batches),
    fetchQueue(),
  ]);
  if (signal.aborted) return;
  render(firstPage, true);

  function fetchQueue() {
    return api.get(`/api/review/queue${query({ ...filters, limit: PAGE_SIZE })}`);
  }

  async function refresh() {
    const { offset, ...scope } = filters;
    history.replaceState(null, "", `#/queue${query({ ...scope, offset: offset || "" })}`);
    // Arrow keys on a filter change it at every press: only the last answer is shown.
    const request = ++latest;
    const page = await fetchQueue();
    if (!signal.aborted && request === latest) render(page, false);
  }

  function render(page, focusFirstRow) {
    const { offset: _offset, ...scope } = filters;
    saveQueueFilters(scope);
    renderFilters(page.counts);
    const from = page.total ? filters.offset + 1 : 0;
    const to = filters.offset + page.records.length;
    summary.textContent = page.total
      ? `${page.total}件中 ${from}–${to}件目`
      : "確認を待っている記録はありません。";
    listArea.replaceChildren(page.records.length ? recordTable(page.records) : "");
    renderPager(page.total);
    if (focusFirstRow) listArea.querySelector("tbody tr")?.focus();
  }

  function renderFilters(counts) {
    const focusedName = filterBar.contains(document.activeElement)
      ? document.activeElement.name
      : null;
    const batchSelect = select(
      { name: "batch", onchange: changeFilter },
      [["", "すべてのバッチ"], ...batches.map((batch) => [batch.id, batch.name])],
      filters.batch,
    );
    const docTypes = new Set([...Object.keys(counts.byDocType), filters.docType].filter(Boolean));
    const docTypeSelect = select(
      { name: "docType", onchange: changeFilter },
      [
        ["", "すべての様式"],
        ...[...docTypes].map((docType) => [
          docType,
          `${labelOf(DOC_TYPE_LABELS, docType)} (${counts.byDocType[docType] ?? 0})`,
        ]),
      ],
      filters.docType,
    );
    const statusSelect = select(
      { name: "status", onchange: changeFilter },
      [
        ["", "すべての状態"],
        ...["extracted", "in_review"].map((status) => [
          status,
          `${labelOf(RECORD_STATUS_LABELS, status)} (${counts.byStatus[status] ?? 0})`,
        ]),
      ],
      filters.status,
    );
    filterBar.replaceChildren(
      h("label", {}, "バッチ", batchSelect),
      h("label", {}, "様式", docTypeSelect),
      h("label", {}, "状態", statusSelect),
    );
    if (focusedName) filterBar.elements[focusedName]?.focus();
  }

  function changeFilter(event) {
    filters[event.target.name] = event.target.value;
    filters.offset = 0;
    refresh();
  }

  function renderPager(total) {
    const previous = h("button", { type: "button", disabled: filters.offset === 0 }, "前へ");
    const next = h(
      "button",
      { type: "button", disabled: filters.offset + PAGE_SIZE >= total },
      "次へ",
    );
    previous.addEventListener("click", () => turn(-PAGE_SIZE));
    next.addEventListener("click", () => turn(PAGE_SIZE));
    pager.replaceChildren(...(total > PAGE_SIZE ? [previous, next] : []));
  }

  function turn(delta) {
    filters.offset = Math.max(0, filters.offset + delta);
    refresh();
  }
}

const COLUMNS = [
  { title: "登録日時", cell: (record) => formatDateTime(record.createdAt) },
  { title: "バッチ", cell: (record) => record.batch?.name ?? "" },
  { title: "ファイル", cell: (record) => record.fileName ?? "" },
  { title: "ページ", cell: (record) => formatPages(record.pages) },
  { title: "様式", cell: (record) => labelOf(DOC_TYPE_LABELS, record.docType) },
  { title: "状態", cell: (record) => labelOf(RECORD_STATUS_LABELS, record.status) },
  {
    title: "要確認項目",
    className: "number",
    cell: (record) =>
      record.fieldsToReview
        ? h("span", { className: "badge review" }, String(record.fieldsToReview))
        : "0",
  },
  { title: "担当中", cell: leaseText },
];

function leaseText(record) {
  if (!record.lease) return "";
  return record.lease.byMe ? "自分" : record.lease.holder;
}

function recordTable(records) {
  const table = dataTable(COLUMNS, records, {
    caption: "確認待ちの記録（古い順）",
    rowProps: (record) => ({
      tabIndex: 0,
      className: "clickable",
      dataset: { recordId: record.id },
      "aria-label": `${labelOf(DOC_TYPE_LABELS, record.docType)} ${record.fileName ?? ""} を開く`,
    }),
  });
  table.classList.add("queue-table");
  table.addEventListener("click", (event) => {
    const row = event.target.closest("tr[data-record-id]");
    if (row) openRecord(row.dataset.recordId);
  });
  table.addEventListener("keydown", (event) => {
    const row = event.target.closest("tr[data-record-id]");
    if (!row) return;
    if (event.key === "Enter") openRecord(row.dataset.recordId);
    else if (event.key === "ArrowDown") moveFocus(event, row.nextElementSibling);
    else if (event.key === "ArrowUp") moveFocus(event, row.previousElementSibling);
  });
  return table;
}

function moveFocus(event, row) {
  event.preventDefault();
  row?.focus();
}

function openRecord(id) {
  location.hash = `#/records/${encodeURIComponent(id)}`;
}
