import type { Request } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";

export interface LoginRateLimitOptions {
  /** Failed logins allowed per address and login within the window. */
  failures: number;
  windowMs: number;
}

/**
 * Slows password guessing: failed logins are counted per address and login (successful ones
 * are not), and past the limit the answer is 429 until the window has passed.
 */
export function loginRateLimit(options: LoginRateLimitOptions) {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.failures,
    skipSuccessfulRequests: true,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: (request: Request) => {
      const login = typeof request.body?.login === "string" ? request.body.login : "";
      return `${ipKeyGenerator(request.ip ?? "")}|${login.slice(0, 100)}`;
    },
    message: {
      error:
        "ログインの失敗が続いたため、しばらく受け付けません。時間をおいてもう一度お試しください。",
      code: "too_many_attempts",
    },
  });
}
