import type { NextFunction, Request, Response } from "express";
import { HttpError } from "../http-error.ts";
import type { Actor } from "./actor.ts";
import { secretsEqual } from "./secrets.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery: a request that changes something must come from a page of this
 * server (Origin, when the browser sends it) and, when it rides on a session cookie, carry the
 * session's token in X-CSRF-Token, which another site cannot read. Bearer-token calls carry no
 * cookie and need neither.
 */
export function csrfProtection(request: Request, response: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(request.method)) {
    next();
    return;
  }
  const origin = request.headers.origin;
  if (origin && origin !== "null" && new URL(origin).host !== request.headers.host) {
    throw new HttpError(403, "csrf", "別のサイトからの操作は受け付けません");
  }
  if (origin === "null") throw new HttpError(403, "csrf", "別のサイトからの操作は受け付けません");
  const actor = response.locals.actor as Actor | undefined;
  if (actor?.kind === "user") {
    const sent = request.headers["x-csrf-token"];
    if (typeof sent !== "string" || !secretsEqual(sent, actor.csrfToken)) {
      throw new HttpError(403, "csrf", "画面を読み込み直してから、もう一度操作してください");
    }
  }
  next();
}
