// The fields of a record, in the order the server gives (those needing review first). A row
// knows whether the reviewer changed its value since the last save; Enter hands the row to
// `onEnter` (save if changed, then next). The row order stays fixed while the screen is open so
// saving never moves a field from under the keyboard.

import { h } from "../dom.js";
import { formatPercent } from "../format.js";
import { createEditor } from "./field-editors.js";

export function fieldId(field) {
  return `${field.group}.${field.key}`;
}

export function createFieldList(fields, { onEnter, onFocusField }) {
  const rows = fields.map((field, index) => createRow(field, index));
  const element = h(
    "ol",
    { className: "fields", "aria-label": "項目" },
    rows.map((row) => row.element),
  );
  const rowOf = (target) => rows.find((row) => row.element.contains(target));

  element.addEventListener("keydown", (event) => {
    // Enter while an IME is composing confirms the conversion; it must not save.
    if (event.key !== "Enter" || event.isComposing || event.keyCode === 229) return;
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
    if (event.target.closest("button")) return;
    const row = rowOf(event.target);
    if (!row) return;
    event.preventDefault();
    onEnter(row);
  });
  element.addEventListener("focusin", (event) => {
    const row = rowOf(event.target);
    if (!row) return;
    for (const other of rows) other.element.classList.toggle("active", other === row);
    onFocusField(row);
  });
  element.addEventListener("click", (event) => {
    const row = rowOf(event.target);
    if (row && !event.target.closest("input, select, textarea, button, label")) row.focus();
  });

  return {
    element,
    rows,
    byId: (id) => rows.find((row) => row.id === id),
    find: (group, key) => rows.find((row) => row.id === `${group}.${key}`),
    after: (row) => rows[rows.indexOf(row) + 1] ?? null,
    pendingEdits: () =>
      rows.filter((row) => row.changed()).map((row) => ({ ...row.ref, value: row.editor.read() })),
    setReadOnly: (readOnly) => {
      for (const row of rows) row.editor.setReadOnly(readOnly);
    },
  };
}

function createRow(field, index) {
  const labelId = `field-label-${index}`;
  const editor = createEditor(field, `field-${index}`, labelId);
  const badges = h("span", { className: "badges" });
  const confidence = h("span", { className: "confidence" });
  const raw = h("p", { className: "field-raw" });
  const reason = h("p", { className: "field-reason" });
  const error = h("p", { className: "field-error", role: "alert", hidden: true });
  const element = h(
    "li",
    { className: "field", dataset: { fieldId: fieldId(field) } },
    h(
      "div",
      { className: "field-head" },
      h("span", { className: "field-label", id: labelId }, field.label ?? field.key),
      badges,
      confidence,
    ),
    editor.element,
    raw,
    reason,
    error,
  );
  let saved = "";

  const row = {
    id: fieldId(field),
    ref: { group: field.group, key: field.key },
    field,
    editor,
    element,
    changed: () => JSON.stringify(editor.read()) !== saved,
    /** Shows the server's state of the field; the value only when `overwrite` (no local edit). */
    update(next, { overwrite }) {
      row.field = next;
      element.classList.toggle("needs-review", Boolean(next.needsReview));
      badges.replaceChildren(
        next.needsReview ? h("span", { className: "badge review" }, "要確認") : "",
        next.corrected ? h("span", { className: "badge corrected" }, "修正済み") : "",
      );
      // A field not found on the page has no reading whose confidence would mean anything.
      const read = next.raw !== null || next.value !== null;
      confidence.textContent = read ? `信頼度 ${formatPercent(next.confidence)}` : "";
      raw.replaceChildren(
        h("span", { className: "caption" }, "読み取り: "),
        next.raw ? next.raw : h("span", { className: "none" }, "（なし）"),
      );
      reason.textContent = next.reason ?? "";
      reason.hidden = !next.reason;
      if (overwrite) {
        editor.write(next.value);
        saved = JSON.stringify(editor.read());
      }
    },
    showError(text) {
      error.textContent = text;
      error.hidden = !text;
      element.classList.toggle("invalid", Boolean(text));
    },
    focus() {
      element.querySelector(":is(input, select, textarea, button):not(:disabled)")?.focus();
    },
  };
  row.update(field, { overwrite: true });
  return row;
}
