import type { Readable } from "node:stream";

/** Metadata of a stored object. */
export interface ObjectInfo {
  size: number;
  contentType?: string;
}

export interface PutOptions {
  contentType?: string;
  /** Byte length when known; lets S3 stores upload in one request without buffering. */
  size?: number;
}

/**
 * Where every byte Kamiroku keeps lives: originals, page images, OCR JSON.
 * Keys are deterministic (see object-keys.ts), so writing the same key twice is harmless; every
 * store accepts the same key grammar (see valid-object-key.ts).
 */
export interface ObjectStore {
  /** Streams `body` to `key`, replacing any object already there. */
  put(key: string, body: Readable | Buffer, options?: PutOptions): Promise<void>;
  /** Streams the object; rejects with ObjectNotFoundError when absent. */
  get(key: string): Promise<Readable>;
  /** Reads a small object whole (page images, OCR JSON); rejects with ObjectNotFoundError. */
  getBuffer(key: string): Promise<Buffer>;
  /** null when the object does not exist. */
  stat(key: string): Promise<ObjectInfo | null>;
  delete(key: string): Promise<void>;
  /** Human-readable location for `kamiroku config` and logs, without secrets. */
  describe(): string;
}

export class ObjectNotFoundError extends Error {
  override name = "ObjectNotFoundError";
  constructor(readonly key: string) {
    super(`object not found: ${key}`);
  }
}
