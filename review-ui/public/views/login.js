import { api } from "../api.js";
import { h, messageLine } from "../dom.js";

export function mountLogin(root, { setTitle, onLogin }) {
  setTitle("ログイン");
  const error = messageLine();
  const login = h("input", { name: "login", autocomplete: "username", required: true });
  const password = h("input", {
    name: "password",
    type: "password",
    autocomplete: "current-password",
    required: true,
  });
  const submit = h("button", { type: "submit" }, "ログイン");
  const form = h(
    "form",
    { className: "login-form", onsubmit: send },
    h("h2", {}, "ログイン"),
    h("label", {}, "ログインID", login),
    h("label", {}, "パスワード", password),
    error.element,
    submit,
  );
  root.replaceChildren(form);
  login.focus();

  async function send(event) {
    event.preventDefault();
    submit.disabled = true;
    error.show("");
    try {
      onLogin(await api.post("/api/session", { login: login.value, password: password.value }));
    } catch (failure) {
      error.show(failure.message);
      password.select();
    } finally {
      submit.disabled = false;
    }
  }
}
