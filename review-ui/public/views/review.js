// Review screen: the page image on the left, the fields on the right. Saves are sent one after
// another (each carries the version the previous one returned); a stale version or a lease
// taken by someone else stops editing with a message instead of overwriting their work.

import { api } from "../api.js";
import { h, messageLine, select } from "../dom.js";
import { formatDateTime, formatPages } from "../format.js";
import { DOC_TYPE_LABELS, labelOf, RECORD_STATUS_LABELS } from "../labels.js";
import { notify } from "../notice.js";
import { queueScope } from "../queue-filters.js";
import { createFieldList, fieldId } from "../review/field-list.js";
import { createPageViewer } from "../review/page-viewer.js";

const EDITABLE = "input, textarea, select, [contenteditable]";

export async function mountReview(root, { signal, params: [rawId], setTitle }) {
  setTitle("記録の確認");
  const base = `/api/records/${encodeURIComponent(decodeURIComponent(rawId))}`;
  root.replaceChildren(h("p", { className: "loading" }, "読み込み中…"));

  let view;
  try {
    view = await api.post(`${base}/open`, {});
  } catch (error) {
    if (error.status !== 404) throw error;
    setTitle("見つかりません");
    root.replaceChildren(
      h("p", { className: "empty" }, "記録が見つかりません。"),
      h("p", {}, h("a", { href: "#/queue" }, "作業キューに戻る")),
    );
    return;
  }
  if (signal.aborted) {
    // Left while the record was opening: give back the lease it took.
    if (view.lease?.byMe) api.post(`${base}/release`, {}).catch(() => {});
    return;
  }

  /** Approved or rejected: the server has released the lease already. */
  let finished = false;
  let conflict = false;
  let fieldList = null;
  let chain = Promise.resolve();

  const banner = h("div", { className: "banners" });
  const generalError = messageLine();
  const docTypeArea = h("div", { className: "doctype" });
  const headArea = h("div", { className: "record-head" });
  const statusText = h("dd");
  const fieldsArea = h("div", { className: "fields-scroll" });
  const approveButton = h(
    "button",
    { type: "button", className: "primary", title: "Ctrl+Enter", onclick: () => serial(approve) },
    "承認して次へ（Ctrl+Enter）",
  );
  const rejectButton = h("button", { type: "button", onclick: openRejectForm }, "差し戻し…");
  const rejectForm = createRejectForm();
  const viewer = createPageViewer(view.record.pages, {
    onBoxClick: (id) => fieldList.byId(id)?.focus(),
  });
  root.replaceChildren(
    h(
      "div",
      { className: "review-screen", dataset: { recordId: view.record.id } },
      h("div", { className: "review-image" }, viewer.element),
      h(
        "aside",
        { className: "review-panel", "aria-label": "項目の確認" },
        headArea,
        docTypeArea,
        banner,
        generalError.element,
        fieldsArea,
        h(
          "div",
          { className: "review-actions" },
          approveButton,
          rejectButton,
          h(
            "p",
            { className: "keys" },
            "Tab: 次の項目　Enter: 保存して次へ　Ctrl+Enter: 承認して次の記録　+/−: 拡大縮小",
          ),
          rejectForm.element,
        ),
      ),
    ),
  );

  render();
  focusStart();

  const release = () => {
    if (finished || !view.lease?.byMe) return;
    finished = true;
    api.post(`${base}/release`, {}, { keepalive: true }).catch(() => {});
  };
  window.addEventListener("pagehide", release);
  document.addEventListener("keydown", onKeyDown);
  signal.addEventListener("abort", () => {
    window.removeEventListener("pagehide", release);
    document.removeEventListener("keydown", onKeyDown);
    release();
  });

  /** The first field, or the take-over button when someone else holds the record. */
  function focusStart() {
    const takeOverButton = banner.querySelector("button");
    if (takeOverButton) takeOverButton.focus();
    else fieldList.rows[0]?.focus();
  }

  /** Runs saves, approve and reject one at a time, each with the version the last one left. */
  function serial(task) {
    const run = chain.then(task);
    chain = run.catch(() => {});
    return run;
  }

  function render() {
    const { record } = view;
    setTitle(`${labelOf(DOC_TYPE_LABELS, record.docType)} の確認`);
    headArea.replaceChildren(
      h("h2", {}, labelOf(DOC_TYPE_LABELS, record.docType)),
      h(
        "dl",
        { className: "record-meta" },
        meta("バッチ", record.batch?.name),
        meta("ファイル", record.fileName),
        record.caseFile?.boxNumber ? meta("箱番号", record.caseFile.boxNumber) : null,
        record.caseFile?.caseNumber ? meta("ケース番号", record.caseFile.caseNumber) : null,
        meta("ページ", formatPages(record.pages)),
        h("dt", {}, "状態"),
        statusText,
        record.redactions?.length
          ? meta("黒塗り", `個人番号 ${record.redactions.length}か所`)
          : null,
        record.rejectReason ? meta("差し戻し理由", record.rejectReason) : null,
      ),
    );
    statusText.textContent = labelOf(RECORD_STATUS_LABELS, record.status);
    renderDocTypeChooser();
    fieldList = createFieldList(record.fields, {
      onEnter: (row) => enter(row),
      onFocusField: (row) => viewer.highlight(row.id),
    });
    fieldsArea.replaceChildren(fieldList.element);
    viewer.setBoxes(boxesOf(record.fields));
    renderLease();
  }

  function meta(term, value) {
    return [h("dt", {}, term), h("dd", {}, value ?? "")];
  }

  function renderDocTypeChooser() {
    const chooser = select(
      { "aria-label": "様式", name: "docType" },
      (view.docTypes ?? []).map((entry) => [entry.docType, entry.label]),
      view.record.docType,
    );
    const apply = h("button", { type: "button", disabled: true }, "様式を変更");
    chooser.addEventListener("change", () => {
      apply.disabled = chooser.value === view.record.docType;
    });
    apply.addEventListener("click", () => serial(() => changeDocType(chooser.value)));
    docTypeArea.replaceChildren(h("label", {}, "様式", chooser), apply);
  }

  function renderLease() {
    const lease = view.lease;
    const editable = Boolean(lease?.byMe) && !conflict;
    fieldList.setReadOnly(!editable);
    approveButton.disabled = !editable;
    rejectButton.disabled = !editable;
    for (const control of docTypeArea.querySelectorAll("select")) control.disabled = !editable;
    if (conflict) return;
    if (lease && !lease.byMe) {
      const until = lease.expiresAt ? `（${formatDateTime(lease.expiresAt)}まで）` : "";
      banner.replaceChildren(
        h(
          "div",
          { className: "banner warning", role: "alert" },
          h("p", {}, `${lease.holder ?? "他の担当者"}さんがこの記録を編集中です${until}。`),
          h("button", { type: "button", onclick: () => serial(takeOver) }, "引き継ぐ"),
        ),
      );
    } else {
      banner.replaceChildren();
    }
  }

  function showConflict() {
    conflict = true;
    banner.replaceChildren(
      h(
        "div",
        { className: "banner conflict", role: "alert" },
        h(
          "p",
          {},
          "他の担当者が先に保存しました。あなたの変更は保存されていません。最新の内容を確認するには再読み込みしてください。",
        ),
        h("button", { type: "button", onclick: () => serial(reload) }, "再読み込み"),
      ),
    );
    renderLease();
    banner.querySelector("button").focus();
  }

  function handleError(error, row) {
    if (error.code === "stale_version") showConflict();
    else if (error.code === "leased") {
      view.lease = { byMe: false, holder: error.body.holder };
      renderLease();
      banner.querySelector("button")?.focus();
    } else if (error.status === 422 && (row || error.body.field)) {
      const target = row ?? fieldList.find(error.body.field.group, error.body.field.key);
      if (!target) return generalError.show(error.message);
      target.showError(error.message);
      target.focus();
    } else {
      generalError.show(error.message);
    }
  }

  function enter(row) {
    const next = fieldList.after(row);
    if (next) next.focus();
    else approveButton.focus();
    if (row.changed()) serial(() => save(row));
  }

  async function save(row) {
    if (conflict || !row.changed()) return;
    generalError.show("");
    try {
      const saved = await api.patch(base, {
        version: view.record.version,
        fields: [{ ...row.ref, value: row.editor.read() }],
      });
      row.showError("");
      applySaved(saved, row);
    } catch (error) {
      handleError(error, row);
    }
  }

  /** Takes the server's fields without discarding what the reviewer typed in other rows. */
  function applySaved(saved, savedRow) {
    view = saved;
    for (const field of saved.record.fields) {
      const row = fieldList.find(field.group, field.key);
      row?.update(field, { overwrite: row === savedRow || !row.changed() });
    }
    statusText.textContent = labelOf(RECORD_STATUS_LABELS, saved.record.status);
    viewer.setBoxes(boxesOf(saved.record.fields));
    renderLease();
  }

  async function changeDocType(docType) {
    if (conflict) return;
    if (
      fieldList.pendingEdits().length &&
      !window.confirm("保存していない変更は破棄されます。様式を変更しますか？")
    ) {
      return;
    }
    try {
      view = await api.patch(base, { version: view.record.version, docType });
      render();
      docTypeArea.querySelector("select").focus();
    } catch (error) {
      handleError(error);
    }
  }

  async function approve() {
    if (conflict) return showConflict();
    generalError.show("");
    try {
      const pending = fieldList.pendingEdits();
      const result = await api.post(`${base}/approve`, {
        version: view.record.version,
        ...(pending.length ? { fields: pending } : {}),
        queue: queueScope(),
      });
      finished = true;
      notify("承認しました。");
      goNext(result.next);
    } catch (error) {
      handleError(error);
    }
  }

  function openRejectForm() {
    rejectForm.element.hidden = false;
    rejectForm.reason.focus();
  }

  function createRejectForm() {
    const reason = h("input", {
      name: "reason",
      "aria-required": "true",
      maxLength: 1000,
      autocomplete: "off",
    });
    const error = messageLine();
    const cancel = h("button", { type: "button" }, "やめる");
    const form = h(
      "form",
      { className: "reject-form", hidden: true },
      h("label", {}, "差し戻しの理由", reason),
      error.element,
      h("div", { className: "buttons" }, h("button", { type: "submit" }, "差し戻す"), cancel),
    );
    cancel.addEventListener("click", () => {
      form.hidden = true;
      rejectButton.focus();
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (!reason.value.trim()) return error.show("理由を入力してください");
      serial(() => reject(reason.value.trim(), error));
    });
    return { element: form, reason };
  }

  async function reject(reason, error) {
    if (conflict) return showConflict();
    try {
      const result = await api.post(`${base}/reject`, {
        version: view.record.version,
        reason,
        queue: queueScope(),
      });
      finished = true;
      notify("差し戻しました。");
      goNext(result.next);
    } catch (failure) {
      if (failure.code === "stale_version" || failure.code === "leased") handleError(failure);
      else error.show(failure.message);
    }
  }

  function goNext(next) {
    if (!next) notify("キューの記録をすべて確認しました。");
    location.hash = next ? `#/records/${encodeURIComponent(next)}` : "#/queue";
  }

  async function takeOver() {
    const pending = fieldList.pendingEdits();
    const fresh = await api.post(`${base}/open`, { takeOver: true }).catch((error) => {
      handleError(error);
      return null;
    });
    if (!fresh) return;
    if (pending.length && fresh.record.version !== view.record.version) {
      // The holder saved meanwhile: the local edits were made on an older version.
      view.lease = fresh.lease;
      return showConflict();
    }
    view = fresh;
    render();
    for (const edit of pending) fieldList.find(edit.group, edit.key)?.editor.write(edit.value);
    focusStart();
  }

  async function reload() {
    try {
      view = await api.post(`${base}/open`, {});
    } catch (error) {
      return generalError.show(error.message);
    }
    conflict = false;
    render();
    focusStart();
  }

  function onKeyDown(event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      if (rejectForm.element.contains(event.target)) return;
      event.preventDefault();
      if (!approveButton.disabled) serial(approve);
      return;
    }
    if (event.target.closest?.(EDITABLE) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "+" || event.key === "=") viewer.zoomBy(1.25);
    else if (event.key === "-") viewer.zoomBy(1 / 1.25);
  }
}

function boxesOf(fields) {
  return fields.map((field) => ({
    id: fieldId(field),
    label: field.label ?? field.key,
    page: field.page,
    bbox: field.bbox,
    className: field.needsReview ? "box needs-review" : "box",
  }));
}
