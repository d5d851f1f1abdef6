import { api } from "../api.js";
import { dataTable, h, messageLine, select } from "../dom.js";
import { AGENCY_KIND_LABELS, labelOf } from "../labels.js";

export async function mountAgencies(root, { signal }) {
  const listArea = h("div", { className: "table-wrap" });
  const error = messageLine();
  const name = h("input", { name: "name", required: true, maxLength: 200 });
  const kind = select({ name: "kind" }, Object.entries(AGENCY_KIND_LABELS), "direct");
  const form = h(
    "form",
    { className: "inline-form", onsubmit: create },
    h("label", {}, "機関名", name),
    h("label", {}, "種別", kind),
    h("button", { type: "submit" }, "追加"),
    error.element,
  );
  root.replaceChildren(h("h3", {}, "機関の追加"), form, h("h3", {}, "機関一覧"), listArea);
  await refresh();

  async function refresh() {
    const { agencies } = await api.get("/api/admin/agencies");
    if (signal.aborted) return;
    listArea.replaceChildren(
      dataTable(
        [
          { title: "機関名", cell: (agency) => agency.name },
          { title: "種別", cell: (agency) => labelOf(AGENCY_KIND_LABELS, agency.kind) },
        ],
        agencies,
      ),
    );
  }

  async function create(event) {
    event.preventDefault();
    error.show("");
    try {
      await api.post("/api/admin/agencies", { name: name.value.trim(), kind: kind.value });
      form.reset();
      await refresh();
    } catch (failure) {
      error.show(failure.message);
    }
  }
}
