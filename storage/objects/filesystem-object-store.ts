import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readFile, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ObjectInfo, ObjectStore, PutOptions } from "./object-store.ts";
import { ObjectNotFoundError } from "./object-store.ts";
import { assertValidObjectKey } from "./valid-object-key.ts";

export interface FilesystemObjectStoreOptions {
  /** Folder that holds every object; created when missing. */
  root: string;
}

/** The embedded store: one file per object under `root`, the key being its relative path. */
export class FilesystemObjectStore implements ObjectStore {
  private constructor(private readonly root: string) {}

  static async open(options: FilesystemObjectStoreOptions): Promise<FilesystemObjectStore> {
    const root = resolve(options.root);
    // Fails at startup, not at the first upload, when the folder cannot be created.
    await mkdir(root, { recursive: true });
    return new FilesystemObjectStore(root);
  }

  /**
   * Keeps no content type: page images and OCR JSON carry theirs in the key's extension, and
   * originals in source_files.media_type.
   */
  async put(key: string, body: Readable | Buffer, _options?: PutOptions): Promise<void> {
    const path = this.pathOf(key);
    const folder = dirname(path);
    await mkdir(folder, { recursive: true });
    // Same folder as the target so the rename stays on one filesystem and is atomic: readers
    // and crashes see the old object or the new one, never a partial file at the key.
    const temporary = join(folder, `.${basename(path)}.${randomUUID()}.tmp`);
    try {
      await pipeline(
        Buffer.isBuffer(body) ? Readable.from([body]) : body,
        // flush: the bytes must be on disk before the rename makes them visible at the key.
        createWriteStream(temporary, { flags: "wx", flush: true }),
      );
      await rename(temporary, path);
    } catch (error) {
      await unlink(temporary).catch(() => {});
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    // Opened before returning so a missing key rejects here instead of erroring the stream later.
    const handle = await open(path).catch((error: unknown) => {
      throw notFoundOr(error, key);
    });
    if (!(await handle.stat()).isFile()) {
      await handle.close();
      throw new ObjectNotFoundError(key);
    }
    return handle.createReadStream();
  }

  async getBuffer(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key)).catch((error: unknown) => {
      throw notFoundOr(error, key);
    });
  }

  async stat(key: string): Promise<ObjectInfo | null> {
    try {
      const info = await stat(this.pathOf(key));
      return info.isFile() ? { size: info.size } : null;
    } catch (error) {
      if (isMissing(error)) {
        return null;
      }
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    // Deleting a missing object succeeds, as it does on S3.
    await unlink(this.pathOf(key)).catch((error: unknown) => {
      if (!isMissing(error)) {
        throw error;
      }
    });
  }

  describe(): string {
    return `filesystem:${this.root}`;
  }

  private pathOf(key: string): string {
    assertValidObjectKey(key);
    return join(this.root, ...key.split("/"));
  }
}

/** ENOTDIR and EISDIR too: a key whose "folder" is a file, or that names a folder, holds no object. */
function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR";
}

function notFoundOr(error: unknown, key: string): unknown {
  return isMissing(error) ? new ObjectNotFoundError(key) : error;
}
