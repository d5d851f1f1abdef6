import { parse as parseCookies } from "cookie";
import type { NextFunction, Request, Response } from "express";
import type { ApiTokenRepository } from "../../storage/repositories/api-token-repository.ts";
import { HttpError } from "../http-error.ts";
import type { SessionService } from "../services/session-service.ts";
import { type Actor, may, type Permission } from "./actor.ts";
import { hashSecret, secretsEqual } from "./secrets.ts";

export const SESSION_COOKIE = "kamiroku_session";

/**
 * Finds who is calling, from the session cookie or a bearer token, and leaves it in
 * `response.locals.actor`; routes decide what that actor may do. A bearer token that is wrong is
 * refused here rather than treated as nobody, so that a mistyped token is not a puzzle.
 */
export function authenticate(
  sessions: SessionService,
  tokens: ApiTokenRepository,
  localToken: string | null,
) {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    if (bearer) {
      if (localToken && secretsEqual(bearer, localToken)) {
        response.locals.actor = { kind: "local" } satisfies Actor;
      } else {
        const token = await tokens.useLive(hashSecret(bearer));
        if (!token) throw new HttpError(401, "bad_token", "API トークンが正しくありません");
        response.locals.actor = { kind: "token", token } satisfies Actor;
      }
      next();
      return;
    }
    const cookie = parseCookies(request.headers.cookie ?? "")[SESSION_COOKIE];
    const session = cookie ? await sessions.authenticate(cookie) : null;
    if (session) {
      response.locals.actor = { kind: "user", ...session } satisfies Actor;
    }
    next();
  };
}

export function actorOf(response: Response): Actor {
  const actor = response.locals.actor as Actor | undefined;
  if (!actor) throw new HttpError(401, "not_logged_in", "ログインしてください");
  return actor;
}

/** The caller, if they may do `permission`; 401 for nobody, 403 for a role that may not. */
export function allowed(response: Response, permission: Permission): Actor {
  const actor = actorOf(response);
  if (!may(actor, permission)) {
    throw new HttpError(403, "forbidden", "この操作を行う権限がありません");
  }
  return actor;
}

/** The person behind a session (review needs a person, not a token). */
export function allowedPerson(
  response: Response,
  permission: Permission,
): Extract<Actor, { kind: "user" }> {
  const actor = allowed(response, permission);
  if (actor.kind !== "user") throw new HttpError(403, "forbidden", "ログインした利用者の操作です");
  return actor;
}
