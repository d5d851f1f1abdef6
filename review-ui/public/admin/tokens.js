// API tokens for the platform. The secret is only in the answer to the creation and is shown
// once; the list shows names and states, never secrets.

import { api } from "../api.js";
import { dataTable, h, messageLine, select } from "../dom.js";
import { formatDateTime } from "../format.js";
import { notify } from "../notice.js";

export async function mountTokens(root, { signal }) {
  const [{ agencies }, listed] = await Promise.all([
    api.get("/api/admin/agencies"),
    api.get("/api/admin/tokens"),
  ]);
  if (signal.aborted) return;
  const listArea = h("div", { className: "table-wrap" });
  const secretArea = h("div", { "aria-live": "polite" });
  root.replaceChildren(
    h("h3", {}, "トークンの発行"),
    createForm(),
    secretArea,
    h("h3", {}, "トークン一覧"),
    listArea,
  );
  renderList(listed.tokens);

  async function refresh() {
    const { tokens } = await api.get("/api/admin/tokens");
    if (!signal.aborted) renderList(tokens);
  }

  function renderList(tokens) {
    listArea.replaceChildren(
      tokens.length
        ? dataTable(
            [
              { title: "名前", cell: (token) => token.name },
              { title: "機関", cell: (token) => token.agency?.name ?? "" },
              { title: "発行日時", cell: (token) => formatDateTime(token.createdAt) },
              { title: "最終使用", cell: (token) => formatDateTime(token.lastUsedAt) },
              {
                title: "状態",
                cell: (token) =>
                  token.revokedAt ? `失効（${formatDateTime(token.revokedAt)}）` : "有効",
              },
              { title: "操作", cell: revokeButton },
            ],
            tokens,
          )
        : h("p", { className: "empty" }, "トークンはありません。"),
    );
  }

  function revokeButton(token) {
    if (token.revokedAt) return "";
    const button = h("button", { type: "button", className: "small" }, "失効させる");
    button.addEventListener("click", async () => {
      if (!window.confirm(`トークン「${token.name}」を失効させますか？`)) return;
      try {
        await api.delete(`/api/admin/tokens/${encodeURIComponent(token.id)}`);
        notify("失効させました。");
        await refresh();
      } catch (failure) {
        notify(failure.message, "error");
      }
    });
    return button;
  }

  function createForm() {
    const error = messageLine();
    const name = h("input", { name: "name", required: true, maxLength: 200 });
    const agency = select(
      { name: "agencyId" },
      agencies.map((entry) => [entry.id, entry.name]),
    );
    const form = h(
      "form",
      { className: "inline-form" },
      h("label", {}, "名前（用途）", name),
      h("label", {}, "機関", agency),
      h("button", { type: "submit" }, "発行"),
      error.element,
    );
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      error.show("");
      try {
        const created = await api.post("/api/admin/tokens", {
          name: name.value.trim(),
          agencyId: agency.value,
        });
        form.reset();
        showSecret(created.secret);
        await refresh();
      } catch (failure) {
        error.show(failure.message);
      }
    });
    return form;
  }

  function showSecret(secret) {
    const field = h("input", {
      readOnly: true,
      value: secret,
      className: "secret",
      "aria-label": "トークン",
    });
    const done = h("button", { type: "button" }, "確認しました");
    done.addEventListener("click", () => secretArea.replaceChildren());
    secretArea.replaceChildren(
      h(
        "div",
        { className: "banner warning" },
        h("p", {}, "このトークンは今だけ表示されます。安全な場所に保管してください。"),
        field,
        done,
      ),
    );
    field.select();
  }
}
