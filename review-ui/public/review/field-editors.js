// One editor per field type. Each editor reads the value in the shape PATCH expects (string,
// option code, array of codes, boolean, table rows; null for empty) and writes a stored value.

import { h } from "../dom.js";

const BOOLEAN_OPTIONS = [
  { code: true, label: "はい（有・同意する）" },
  { code: false, label: "いいえ（無・同意しない）" },
];

/**
 * @returns {{ element: HTMLElement, read(): unknown, write(value: unknown): void,
 *             setReadOnly(readOnly: boolean): void }}
 */
export function createEditor(field, id, labelId) {
  switch (field.type) {
    case "choice":
      return choiceEditor(field.options ?? [], id, labelId, (code) => code || null);
    case "boolean":
      return choiceEditor(field.options ?? BOOLEAN_OPTIONS, id, labelId, readBoolean);
    case "multichoice":
      return multichoiceEditor(field.options ?? [], labelId);
    case "table":
      return tableEditor(field.columns ?? [], labelId);
    default:
      return textEditor(field.type, id, labelId);
  }
}

function textEditor(type, id, labelId) {
  const input =
    type === "longtext"
      ? h("textarea", { id, rows: 3, "aria-labelledby": labelId })
      : h("input", { id, type: "text", "aria-labelledby": labelId, autocomplete: "off" });
  if (type === "date") input.placeholder = "例: R5.4.12 / 令和5年4月12日";
  return {
    element: input,
    read: () => (input.value.trim() === "" ? null : input.value.trim()),
    write: (value) => {
      input.value = value === null || value === undefined ? "" : String(value);
    },
    setReadOnly: (readOnly) => {
      input.readOnly = readOnly;
    },
  };
}

function readBoolean(code) {
  if (code === "true") return true;
  if (code === "false") return false;
  return null;
}

function choiceEditor(options, id, labelId, read) {
  const selectElement = h(
    "select",
    { id, "aria-labelledby": labelId },
    h("option", { value: "" }, "（未入力）"),
    options.map((option) => h("option", { value: String(option.code) }, option.label)),
  );
  return {
    element: selectElement,
    read: () => read(selectElement.value),
    write: (value) => {
      selectElement.value = value === null || value === undefined ? "" : String(value);
    },
    setReadOnly: (readOnly) => {
      selectElement.disabled = readOnly;
    },
  };
}

function multichoiceEditor(options, labelId) {
  const boxes = options.map((option) => ({
    code: option.code,
    input: h("input", { type: "checkbox", value: String(option.code) }),
    label: option.label,
  }));
  const element = h(
    "div",
    { className: "choices", role: "group", "aria-labelledby": labelId },
    boxes.map((box) => h("label", { className: "choice" }, box.input, box.label)),
  );
  return {
    element,
    read: () => {
      const codes = boxes.filter((box) => box.input.checked).map((box) => box.code);
      return codes.length ? codes : null;
    },
    write: (value) => {
      const chosen = new Set(Array.isArray(value) ? value.map(String) : []);
      for (const box of boxes) box.input.checked = chosen.has(String(box.code));
    },
    setReadOnly: (readOnly) => {
      for (const box of boxes) box.input.disabled = readOnly;
    },
  };
}

/** The progress table (`entries`): one row of inputs per entry, rows added and removed here. */
function tableEditor(columns, labelId) {
  const body = h("tbody");
  const addButton = h("button", { type: "button", className: "small" }, "行を追加");
  let readOnly = false;
  addButton.addEventListener("click", () => {
    const row = addRow({});
    row.querySelector("input, select")?.focus();
  });
  const element = h(
    "div",
    { className: "entries", role: "group", "aria-labelledby": labelId },
    h(
      "table",
      {},
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          columns.map((column) => h("th", { scope: "col" }, column.label)),
          h("th"),
        ),
      ),
      body,
    ),
    addButton,
  );

  function cellInput(column, value) {
    const text = value === null || value === undefined ? "" : String(value);
    if (column.options?.length) {
      const cell = h(
        "select",
        { "aria-label": column.label, disabled: readOnly },
        h("option", { value: "" }, "—"),
        column.options.map((option) => h("option", { value: String(option.code) }, option.label)),
      );
      cell.value = text;
      return cell;
    }
    return h("input", {
      type: "text",
      value: text,
      "aria-label": column.label,
      readOnly,
      className: column.type === "date" ? "date" : "",
    });
  }

  function addRow(entry) {
    const inputs = columns.map((column) => cellInput(column, entry[column.key]));
    const remove = h(
      "button",
      { type: "button", className: "small", "aria-label": "この行を削除", disabled: readOnly },
      "削除",
    );
    const row = h(
      "tr",
      {},
      inputs.map((input) => h("td", {}, input)),
      h("td", {}, remove),
    );
    remove.addEventListener("click", () => {
      (row.nextElementSibling ?? row.previousElementSibling)?.querySelector("input")?.focus();
      row.remove();
    });
    body.append(row);
    return row;
  }

  return {
    element,
    read: () => {
      const rows = [...body.rows].map((row) =>
        Object.fromEntries(
          columns.map((column, index) => {
            const value = row.cells[index].firstElementChild.value.trim();
            return [column.key, value === "" ? null : value];
          }),
        ),
      );
      const filled = rows.filter((row) => Object.values(row).some((value) => value !== null));
      return filled.length ? filled : null;
    },
    write: (value) => {
      body.replaceChildren();
      for (const entry of Array.isArray(value) ? value : []) addRow(entry ?? {});
    },
    setReadOnly: (next) => {
      readOnly = next;
      addButton.disabled = next;
      for (const control of body.querySelectorAll("input")) control.readOnly = next;
      for (const control of body.querySelectorAll("select, button")) control.disabled = next;
    },
  };
}
