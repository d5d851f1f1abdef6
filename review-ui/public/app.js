// The shell: session, header, navigation by role and hash routing. A view is mounted with an
// AbortSignal that fires when the user leaves it, so views stop polling and give back leases.

import { ApiError, api, LOGGED_OUT_EVENT, setCsrfToken } from "./api.js";
import { h } from "./dom.js";
import { labelOf, ROLE_LABELS } from "./labels.js";
import { notify } from "./notice.js";
import { mountAdmin } from "./views/admin.js";
import { mountBatchDetail } from "./views/batch-detail.js";
import { mountBatches } from "./views/batches.js";
import { mountLogin } from "./views/login.js";
import { mountQueue } from "./views/queue.js";
import { mountReview } from "./views/review.js";

const REVIEWERS = ["reviewer", "admin"];
const EVERYONE = ["clerk", "reviewer", "admin"];

const ROUTES = [
  { pattern: /^\/queue$/, roles: REVIEWERS, mount: mountQueue },
  { pattern: /^\/records\/([^/]+)$/, roles: REVIEWERS, mount: mountReview },
  { pattern: /^\/batches$/, roles: EVERYONE, mount: mountBatches },
  { pattern: /^\/batches\/([^/]+)$/, roles: EVERYONE, mount: mountBatchDetail },
  { pattern: /^\/admin(?:\/([a-z]+))?$/, roles: ["admin"], mount: mountAdmin },
];

const NAV = [
  { href: "#/queue", text: "作業キュー", roles: REVIEWERS },
  { href: "#/batches", text: "バッチ", roles: EVERYONE },
  { href: "#/admin", text: "管理", roles: ["admin"] },
];

const view = document.getElementById("view");
let user = null;
let leaving = null;
/** Where a logged-out user wanted to go; opened after logging in. */
let wanted = null;

function homeOf(role) {
  return role === "clerk" ? "#/batches" : "#/queue";
}

function parseHash() {
  const [path, search = ""] = location.hash.replace(/^#/, "").split("?");
  return { path: path || "/", query: new URLSearchParams(search) };
}

function renderHeader() {
  const nav = document.getElementById("nav");
  const account = document.getElementById("account");
  account.hidden = !user;
  if (!user) {
    nav.replaceChildren();
    return;
  }
  const { path } = parseHash();
  nav.replaceChildren(
    ...NAV.filter((item) => item.roles.includes(user.role)).map((item) =>
      h(
        "a",
        {
          href: item.href,
          className: "nav-link",
          "aria-current": path.startsWith(item.href.slice(1)) ? "page" : null,
        },
        item.text,
      ),
    ),
  );
  document.getElementById("account-name").textContent =
    `${user.displayName}（${user.agency?.name ?? ""}・${labelOf(ROLE_LABELS, user.role)}）`;
}

function route() {
  leaving?.abort();
  leaving = new AbortController();
  const { path, query } = parseHash();
  const context = { signal: leaving.signal, user, query, setTitle };
  if (!user) {
    if (path !== "/login") wanted = location.hash;
    renderHeader();
    mountLogin(view, { ...context, onLogin });
    return;
  }
  const match = ROUTES.map((entry) => ({ entry, found: entry.pattern.exec(path) })).find(
    (candidate) => candidate.found,
  );
  if (!match) {
    location.replace(homeOf(user.role));
    return;
  }
  renderHeader();
  if (!match.entry.roles.includes(user.role)) {
    setTitle("権限がありません");
    view.replaceChildren(h("p", { className: "empty" }, "この画面を使う権限がありません。"));
    return;
  }
  view.replaceChildren();
  match.entry.mount(view, { ...context, params: match.found.slice(1) }).catch((error) => {
    if (context.signal.aborted) return;
    view.replaceChildren(h("p", { className: "form-error", role: "alert" }, errorText(error)));
  });
}

function errorText(error) {
  return error instanceof ApiError ? error.message : "画面を表示できませんでした";
}

function setTitle(title) {
  document.title = `${title} — 紙録`;
}

function onLogin(session) {
  user = session.user;
  setCsrfToken(session.csrfToken);
  const target = wanted && wanted !== "#/login" ? wanted : homeOf(user.role);
  wanted = null;
  if (location.hash === target) route();
  else location.hash = target;
}

function onLoggedOut() {
  user = null;
  setCsrfToken(null);
  route();
}

async function logout() {
  leaving?.abort();
  try {
    await api.delete("/api/session");
  } catch (error) {
    notify(errorText(error), "error");
  }
  wanted = null;
  user = null;
  setCsrfToken(null);
  location.hash = "#/login";
}

async function start() {
  try {
    const session = await api.get("/api/session");
    user = session.user;
    setCsrfToken(session.csrfToken);
  } catch {
    user = null;
  }
  window.addEventListener("hashchange", route);
  window.addEventListener(LOGGED_OUT_EVENT, () => {
    if (user) {
      notify("ログインの有効期限が切れました。もう一度ログインしてください。", "error");
      onLoggedOut();
    }
  });
  document.getElementById("logout").addEventListener("click", logout);
  route();
}

start();
