import { api } from "../api.js";
import { dataTable, h, messageLine, select } from "../dom.js";
import { formatDateTime } from "../format.js";
import { labelOf, ROLE_LABELS } from "../labels.js";
import { notify } from "../notice.js";

export async function mountUsers(root, { signal }) {
  const { agencies } = await api.get("/api/admin/agencies");
  if (signal.aborted) return;
  const listArea = h("div", { className: "table-wrap" });
  const passwordArea = h("div");
  root.replaceChildren(
    h("h3", {}, "利用者の追加"),
    createForm(),
    h("h3", {}, "利用者一覧"),
    listArea,
    passwordArea,
  );
  await refresh();

  async function refresh() {
    const { users } = await api.get("/api/admin/users");
    if (signal.aborted) return;
    listArea.replaceChildren(
      dataTable(
        [
          { title: "ログインID", cell: (user) => user.login },
          { title: "氏名", cell: (user) => user.displayName },
          { title: "役割", cell: (user) => labelOf(ROLE_LABELS, user.role) },
          { title: "機関", cell: (user) => user.agency?.name ?? "" },
          { title: "状態", cell: (user) => (user.disabled ? "無効" : "有効") },
          { title: "作成日時", cell: (user) => formatDateTime(user.createdAt) },
          { title: "操作", cell: actions },
        ],
        users,
        { rowProps: (user) => ({ className: user.disabled ? "disabled" : "" }) },
      ),
    );
  }

  function actions(user) {
    const toggle = h(
      "button",
      { type: "button", className: "small" },
      user.disabled ? "有効にする" : "無効にする",
    );
    toggle.addEventListener("click", () => setDisabled(user, !user.disabled));
    const reset = h("button", { type: "button", className: "small" }, "パスワード再設定");
    reset.addEventListener("click", () => showPasswordForm(user));
    return [toggle, " ", reset];
  }

  async function setDisabled(user, disabled) {
    if (disabled && !window.confirm(`${user.displayName}さんを無効にしますか？`)) return;
    try {
      await api.patch(`/api/admin/users/${encodeURIComponent(user.id)}`, { disabled });
      notify(disabled ? "無効にしました。" : "有効にしました。");
      await refresh();
    } catch (failure) {
      notify(failure.message, "error");
    }
  }

  function showPasswordForm(user) {
    const password = h("input", {
      type: "password",
      required: true,
      minLength: 8,
      autocomplete: "new-password",
    });
    const error = messageLine();
    const cancel = h("button", { type: "button" }, "やめる");
    cancel.addEventListener("click", () => passwordArea.replaceChildren());
    const form = h(
      "form",
      { className: "inline-form" },
      h("label", {}, `${user.displayName}（${user.login}）の新しいパスワード`, password),
      h("button", { type: "submit" }, "設定"),
      cancel,
      error.element,
    );
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      try {
        await api.patch(`/api/admin/users/${encodeURIComponent(user.id)}`, {
          password: password.value,
        });
        passwordArea.replaceChildren();
        notify("パスワードを再設定しました。");
      } catch (failure) {
        error.show(failure.message);
      }
    });
    passwordArea.replaceChildren(h("h3", {}, "パスワードの再設定"), form);
    password.focus();
  }

  function createForm() {
    const error = messageLine();
    const form = h(
      "form",
      { className: "inline-form" },
      h(
        "label",
        {},
        "ログインID",
        h("input", { name: "login", required: true, autocomplete: "off" }),
      ),
      h("label", {}, "氏名", h("input", { name: "displayName", required: true })),
      h(
        "label",
        {},
        "初期パスワード",
        h("input", {
          name: "password",
          type: "password",
          required: true,
          minLength: 8,
          autocomplete: "new-password",
        }),
      ),
      h("label", {}, "役割", select({ name: "role" }, Object.entries(ROLE_LABELS), "reviewer")),
      h(
        "label",
        {},
        "機関",
        select(
          { name: "agencyId" },
          agencies.map((agency) => [agency.id, agency.name]),
        ),
      ),
      h("button", { type: "submit" }, "追加"),
      error.element,
    );
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      error.show("");
      const values = Object.fromEntries(new FormData(form));
      try {
        await api.post("/api/admin/users", values);
        form.reset();
        notify("利用者を追加しました。");
        await refresh();
      } catch (failure) {
        error.show(failure.message);
      }
    });
    return form;
  }
}
