/**
 * The one key grammar every object store accepts: "/"-separated segments of ASCII letters,
 * digits, ".", "_" and "-". A key that works on one store works on all of them, and none can
 * name a path outside the filesystem store's root. Segments may not start with "." so that
 * "." and ".." never resolve and the filesystem store's in-progress temp files (".…tmp")
 * can never collide with a real key.
 */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

export class InvalidObjectKeyError extends Error {
  override name = "InvalidObjectKeyError";
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`invalid object key ${JSON.stringify(key)}: ${reason}`);
  }
}

export function assertValidObjectKey(key: string): void {
  if (key.length === 0) {
    throw new InvalidObjectKeyError(key, "empty");
  }
  if (key.length > 1024) {
    throw new InvalidObjectKeyError(key, "longer than 1024 characters");
  }
  if (key.startsWith("/")) {
    throw new InvalidObjectKeyError(key, "absolute (starts with /)");
  }
  if (key.includes("\\")) {
    throw new InvalidObjectKeyError(key, "contains a backslash");
  }
  for (const segment of key.split("/")) {
    if (segment === "") {
      throw new InvalidObjectKeyError(key, "has an empty segment");
    }
    if (segment === "." || segment === "..") {
      throw new InvalidObjectKeyError(key, `has a "${segment}" segment`);
    }
    if (!SEGMENT.test(segment)) {
      throw new InvalidObjectKeyError(
        key,
        `segment ${JSON.stringify(segment)} must be ASCII letters, digits, ".", "_" or "-" and not start with "."`,
      );
    }
  }
}
