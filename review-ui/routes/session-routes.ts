import express, { type Request, type Response } from "express";
import type { User } from "../../storage/repositories/user-repository.ts";
import { actorOf, SESSION_COOKIE } from "../auth/authenticate.ts";
import { type LoginRateLimitOptions, loginRateLimit } from "../auth/login-rate-limit.ts";
import { badRequest, HttpError } from "../http-error.ts";
import type { SessionService } from "../services/session-service.ts";

export interface SessionRouteOptions {
  loginRateLimit: LoginRateLimitOptions;
  /** Set the cookie's Secure flag: always, or only on requests that arrived over HTTPS. */
  secureCookies: "always" | "auto";
}

export function userView(user: User) {
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    role: user.role,
    agency: { id: user.agency.id, name: user.agency.name },
  };
}

/** POST /api/session logs in, GET tells who is logged in, DELETE logs out. */
export function sessionRoutes(sessions: SessionService, options: SessionRouteOptions) {
  const router = express.Router();

  router.post(
    "/",
    loginRateLimit(options.loginRateLimit),
    async (request: Request, response: Response) => {
      const { login, password } = request.body ?? {};
      if (typeof login !== "string" || typeof password !== "string" || !login || !password) {
        throw badRequest("ログイン名とパスワードを入力してください");
      }
      const opened = await sessions.login(login, password);
      if (!opened) {
        throw new HttpError(401, "bad_credentials", "ログイン名またはパスワードが違います");
      }
      response.cookie(SESSION_COOKIE, opened.sessionToken, {
        httpOnly: true,
        sameSite: "strict",
        secure: options.secureCookies === "always" || request.secure,
        path: "/",
      });
      response.json({ user: userView(opened.user), csrfToken: opened.csrfToken });
    },
  );

  router.get("/", (_request, response) => {
    const actor = actorOf(response);
    if (actor.kind !== "user") throw new HttpError(401, "not_logged_in", "ログインしてください");
    response.json({ user: userView(actor.user), csrfToken: actor.csrfToken });
  });

  router.delete("/", async (_request, response) => {
    const actor = actorOf(response);
    if (actor.kind === "user") await sessions.logout(actor);
    response.clearCookie(SESSION_COOKIE, { path: "/" });
    response.status(204).end();
  });

  return router;
}
