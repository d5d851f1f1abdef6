/**
 * An error the API answers as `{ error, code, ...details }` with its status: `error` is the
 * Japanese sentence shown to the person, `code` is stable for programs and tests.
 */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The same answer for "does not exist" and "belongs to another agency". */
export function notFound(what = "対象"): HttpError {
  return new HttpError(404, "not_found", `${what}が見つかりません`);
}

export function badRequest(message: string, details: Record<string, unknown> = {}): HttpError {
  return new HttpError(400, "bad_request", message, details);
}
