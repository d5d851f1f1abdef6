// The one way the UI talks to the server. Every request that changes something carries the
// CSRF token of the session; error bodies ({ error, code }) become ApiError with the server's
// Japanese message, so views can show it as is.

let csrfToken = null;

export function setCsrfToken(token) {
  csrfToken = token;
}

/** Headers a state-changing request needs; also used by the XMLHttpRequest upload. */
export function csrfHeaders() {
  return csrfToken ? { "X-CSRF-Token": csrfToken } : {};
}

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error || fallbackMessage(status));
    this.status = status;
    this.code = body?.code ?? null;
    this.body = body ?? {};
  }
}

function fallbackMessage(status) {
  if (status === 401) return "ログインしてください";
  if (status === 403) return "この操作を行う権限がありません";
  if (status === 404) return "見つかりません";
  if (status === 413) return "ファイルが大きすぎます";
  if (status === 429) return "しばらく待ってからやり直してください";
  if (status === 0) return "サーバーに接続できません";
  return `サーバーでエラーが発生しました (${status})`;
}

/** Fired when the session ended on the server (expired, logged out elsewhere). */
export const LOGGED_OUT_EVENT = "kamiroku:logged-out";

async function request(
  method,
  path,
  body,
  { keepalive = false, accept = "application/json" } = {},
) {
  const headers = { Accept: accept };
  if (method !== "GET") Object.assign(headers, csrfHeaders());
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      keepalive,
    });
  } catch {
    throw new ApiError(0, null);
  }
  if (response.ok && accept !== "application/json") return response.blob();
  const data = await readJson(response);
  if (!response.ok) {
    if (response.status === 401 && path !== "/api/session") {
      window.dispatchEvent(new CustomEvent(LOGGED_OUT_EVENT));
    }
    throw new ApiError(response.status, data);
  }
  return data;
}

async function readJson(response) {
  const type = response.headers.get("Content-Type") ?? "";
  if (response.status === 204 || !type.includes("json")) return null;
  try {
    return await response.json();
  } catch {
    return null;
  }
}

export const api = {
  get: (path) => request("GET", path),
  post: (path, body = {}, options) => request("POST", path, body, options),
  patch: (path, body) => request("PATCH", path, body),
  delete: (path) => request("DELETE", path),
  /** A POST whose answer is a file (e.g. a PDF), as a Blob; errors as for the JSON routes. */
  postForFile: (path, body, accept) => request("POST", path, body, { accept }),
};

/** Query string from an object, leaving out empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
