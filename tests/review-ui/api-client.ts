import type { FixtureUser } from "./review-fixture.ts";

export interface ApiReply<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** A browser-like client of the review API: keeps the session cookie, sends the CSRF token. */
export class ApiClient {
  cookie = "";
  csrfToken = "";

  constructor(private readonly baseUrl: string) {}

  static async loggedIn(baseUrl: string, user: FixtureUser): Promise<ApiClient> {
    const client = new ApiClient(baseUrl);
    const reply = await client.login(user.login, user.password);
    if (reply.status !== 200) throw new Error(`login of ${user.login} failed: ${reply.status}`);
    return client;
  }

  async login(login: string, password: string): Promise<ApiReply> {
    const reply = await this.request("POST", "/api/session", { login, password });
    const setCookie = reply.headers.get("set-cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0] ?? "";
    if (reply.status === 200) this.csrfToken = String(reply.body.csrfToken);
    return reply;
  }

  get<T = Record<string, unknown>>(path: string) {
    return this.request<T>("GET", path);
  }

  post<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>("POST", path, body);
  }

  patch<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>("PATCH", path, body);
  }

  delete<T = Record<string, unknown>>(path: string) {
    return this.request<T>("DELETE", path);
  }

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
    rawBody?: Buffer,
  ): Promise<ApiReply<T>> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.Cookie = this.cookie;
    if (this.csrfToken && method !== "GET") headers["X-CSRF-Token"] = this.csrfToken;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    Object.assign(headers, extraHeaders);
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: rawBody
        ? new Uint8Array(rawBody)
        : body === undefined
          ? undefined
          : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed =
      text && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : {};
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
}
