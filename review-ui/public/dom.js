// Element builders. Strings always become text nodes or DOM properties, never markup: everything
// the server sends (OCR text, file and user names) is untrusted.

const SVG_NS = "http://www.w3.org/2000/svg";

export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  setProps(element, props);
  element.append(...childNodes(children));
  return element;
}

export function svg(tag, attributes = {}) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

function setProps(element, props) {
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      element.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === "dataset") {
      Object.assign(element.dataset, value);
    } else if (key.includes("-") || !(key in element)) {
      element.setAttribute(key, value === true ? "" : String(value));
    } else {
      element[key] = value;
    }
  }
}

function childNodes(children) {
  return children
    .flat(Number.POSITIVE_INFINITY)
    .filter((child) => child !== undefined && child !== null && child !== false)
    .map((child) => (child instanceof Node ? child : String(child)));
}

/** A table whose cells are built by `columns[i].cell(row)` (text or nodes). */
export function dataTable(columns, rows, { caption, rowProps } = {}) {
  return h(
    "table",
    {},
    caption ? h("caption", {}, caption) : null,
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        columns.map((column) => h("th", { scope: "col" }, column.title)),
      ),
    ),
    h(
      "tbody",
      {},
      rows.map((row) =>
        h(
          "tr",
          rowProps ? rowProps(row) : {},
          columns.map((column) => h("td", { className: column.className ?? "" }, column.cell(row))),
        ),
      ),
    ),
  );
}

/** A <select> of [value, label] pairs. */
export function select(props, options, selected) {
  return h(
    "select",
    props,
    options.map(([value, text]) =>
      h(
        "option",
        { value: String(value), selected: String(value) === String(selected ?? "") },
        text,
      ),
    ),
  );
}

/** Message area of a form or panel; `show("")` hides it. */
export function messageLine(className = "form-error") {
  const element = h("p", { className, role: "alert", hidden: true });
  return {
    element,
    show(text) {
      element.textContent = text;
      element.hidden = !text;
    },
  };
}
