import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { Client } from "minio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ocrResultKey, originalKey, pageImageKey } from "../../storage/objects/object-keys.ts";
import { ObjectNotFoundError, type ObjectStore } from "../../storage/objects/object-store.ts";
import { openObjectStore } from "../../storage/objects/open-object-store.ts";
import { InvalidObjectKeyError } from "../../storage/objects/valid-object-key.ts";
import { startS3TestServer } from "../helpers/s3-server.ts";

/** What each store kind gives the shared contract. */
interface StoreFixture {
  store: ObjectStore;
  /** Opens a store whose bucket or root folder does not exist yet, and tells whether it does now. */
  openFresh(): Promise<{ open(): Promise<ObjectStore>; exists(): Promise<boolean> }>;
  close(): Promise<void>;
  /** Filesystem store only: the folder that holds its root, to look for files that should not exist. */
  folder?: string;
}

async function filesystemFixture(): Promise<StoreFixture> {
  const folder = await mkdtemp(join(tmpdir(), "kamiroku-objects-"));
  const store = await openObjectStore({ kind: "filesystem", root: join(folder, "objects") });
  return {
    store,
    openFresh: async () => {
      const root = join(folder, `fresh-${randomBytes(4).toString("hex")}`, "objects");
      return {
        open: () => openObjectStore({ kind: "filesystem", root }),
        exists: () => stat(root).then((info) => info.isDirectory()),
      };
    },
    close: () => rm(folder, { recursive: true, force: true }),
    folder,
  };
}

async function minioFixture(): Promise<StoreFixture> {
  const server = await startS3TestServer();
  const connection = {
    endPoint: server.endPoint,
    port: server.port,
    useSSL: server.useSSL,
    accessKey: server.accessKey,
    secretKey: server.secretKey,
  };
  const client = new Client(connection);
  const buckets: string[] = [];
  const newBucket = () => {
    const bucket = `kamiroku-test-${randomBytes(6).toString("hex")}`;
    buckets.push(bucket);
    return bucket;
  };
  const store = await openObjectStore({ kind: "minio", ...connection, bucket: newBucket() });
  return {
    store,
    openFresh: async () => {
      const bucket = newBucket();
      return {
        open: () => openObjectStore({ kind: "minio", ...connection, bucket }),
        exists: () => client.bucketExists(bucket),
      };
    },
    close: async () => {
      // A real MinIO outlives the test run, so leave it as it was.
      for (const bucket of buckets) {
        if (await client.bucketExists(bucket)) {
          await emptyBucket(client, bucket);
          await client.removeBucket(bucket);
        }
      }
      await server.close();
    },
  };
}

async function emptyBucket(client: Client, bucket: string): Promise<void> {
  const names: string[] = [];
  for await (const item of client.listObjectsV2(bucket, "", true)) {
    names.push((item as { name: string }).name);
  }
  for (const name of names) {
    await client.removeObject(bucket, name);
  }
}

const FIXTURES = { filesystem: filesystemFixture, minio: minioFixture };

const SHA256 = "ab".repeat(32);

/** `size` bytes of random data, produced in 64 KiB chunks as an upload would arrive. */
function generated(size: number): { data: Buffer; stream: () => Readable } {
  const data = randomBytes(size);
  return {
    data,
    stream: () =>
      Readable.from(
        (function* () {
          for (let offset = 0; offset < size; offset += 65_536) {
            yield data.subarray(offset, offset + 65_536);
          }
        })(),
      ),
  };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

describe.each(Object.keys(FIXTURES) as (keyof typeof FIXTURES)[])(
  "object store contract: %s",
  (kind) => {
    let fixture: StoreFixture;
    let store: ObjectStore;

    beforeAll(async () => {
      fixture = await FIXTURES[kind]();
      store = fixture.store;
    });

    afterAll(async () => {
      await fixture?.close();
    });

    it("round-trips a streamed body of about 2 MB", async () => {
      const body = generated(2 * 1024 * 1024 + 123);
      const key = originalKey(SHA256);
      await store.put(key, body.stream(), { size: body.data.length });

      const read = await store.get(key);
      expect(read).toBeInstanceOf(Readable);
      expect((await readAll(read)).equals(body.data)).toBe(true);
      expect((await store.stat(key))?.size).toBe(body.data.length);
    });

    it("round-trips a Buffer through get and getBuffer", async () => {
      const key = ocrResultKey(SHA256, 1);
      const json = Buffer.from(JSON.stringify({ text: "相談記録 氏名" }));
      await store.put(key, json, { contentType: "application/json" });

      expect((await store.getBuffer(key)).equals(json)).toBe(true);
      expect((await readAll(await store.get(key))).equals(json)).toBe(true);
      expect((await store.stat(key))?.size).toBe(json.length);
    });

    it("stores an empty object", async () => {
      const key = "tests/empty";
      await store.put(key, Buffer.alloc(0));
      expect(await store.stat(key)).toMatchObject({ size: 0 });
      expect((await store.getBuffer(key)).length).toBe(0);
    });

    it("keeps every key the key scheme produces apart", async () => {
      const keys = [
        originalKey(SHA256),
        pageImageKey(SHA256, 1, "png"),
        pageImageKey(SHA256, 2, "jpeg"),
        ocrResultKey(SHA256, 1),
      ];
      for (const key of keys) {
        await store.put(key, Buffer.from(key));
      }
      for (const key of keys) {
        expect((await store.getBuffer(key)).toString()).toBe(key);
      }
    });

    it("overwrites an existing object", async () => {
      const key = "tests/overwrite";
      await store.put(key, Buffer.from("first version, longer"));
      await store.put(key, Buffer.from("second"));
      expect((await store.getBuffer(key)).toString()).toBe("second");
      expect((await store.stat(key))?.size).toBe(6);
    });

    it("keeps the previous object when an upload fails midway", async () => {
      const key = "tests/failed-upload";
      await store.put(key, Buffer.from("previous"));
      const failing = Readable.from(
        (async function* () {
          yield Buffer.alloc(65_536, 1);
          throw new Error("scanner disconnected");
        })(),
      );

      await expect(store.put(key, failing, { size: 131_072 })).rejects.toThrow(
        "scanner disconnected",
      );
      expect((await store.getBuffer(key)).toString()).toBe("previous");
      if (fixture.folder) {
        const files = await readdir(fixture.folder, { recursive: true });
        expect(files.filter((file) => file.endsWith(".tmp"))).toEqual([]);
      }
    });

    it("reports a missing object as ObjectNotFoundError or null", async () => {
      const key = "tests/never-written";
      await expect(store.get(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
      await expect(store.getBuffer(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
      await expect(store.getBuffer(key)).rejects.toMatchObject({ key });
      expect(await store.stat(key)).toBeNull();
    });

    it("treats a key prefix as no object", async () => {
      await store.put("tests/folder/inside", Buffer.from("x"));
      expect(await store.stat("tests/folder")).toBeNull();
      await expect(store.getBuffer("tests/folder")).rejects.toBeInstanceOf(ObjectNotFoundError);
    });

    it("deletes, and deleting a missing object succeeds", async () => {
      const key = "tests/delete-me";
      await store.put(key, Buffer.from("x"));
      await store.delete(key);
      expect(await store.stat(key)).toBeNull();
      await expect(store.delete(key)).resolves.toBeUndefined();
    });

    it("creates its bucket or root when missing, also when opened twice at once", async () => {
      const fresh = await fixture.openFresh();
      expect(await fresh.exists().catch(() => false)).toBe(false);

      const [first, second] = await Promise.all([fresh.open(), fresh.open()]);
      expect(await fresh.exists()).toBe(true);
      await first.put("tests/fresh", Buffer.from("hello"));
      expect((await second.getBuffer("tests/fresh")).toString()).toBe("hello");
    });

    it.each([
      ["parent traversal", "../escaped"],
      ["traversal inside", "pages/../../escaped"],
      ["absolute", "/etc/passwd"],
      ["backslash", "pages\\..\\escaped"],
      ["empty segment", "pages//0001.png"],
      ["dot segment", "pages/./0001.png"],
      ["hidden segment", "pages/.0001.png.tmp"],
      ["trailing slash", "pages/"],
      ["empty", ""],
      ["space", "a b"],
      ["Japanese", "相談/記録"],
    ])("rejects a key with %s", async (_case, key) => {
      await expect(store.put(key, Buffer.from("x"))).rejects.toBeInstanceOf(InvalidObjectKeyError);
      await expect(store.get(key)).rejects.toBeInstanceOf(InvalidObjectKeyError);
      await expect(store.getBuffer(key)).rejects.toBeInstanceOf(InvalidObjectKeyError);
      await expect(store.stat(key)).rejects.toBeInstanceOf(InvalidObjectKeyError);
      await expect(store.delete(key)).rejects.toBeInstanceOf(InvalidObjectKeyError);
      if (fixture.folder) {
        await expect(stat(join(fixture.folder, "escaped"))).rejects.toMatchObject({
          code: "ENOENT",
        });
      }
    });

    it("describes its location without secrets", () => {
      expect(store.describe()).toMatch(kind === "filesystem" ? /^filesystem:\// : /^minio:http/);
      expect(store.describe()).not.toContain("S3RVER");
    });
  },
);

describe("object keys", () => {
  it("fans originals out by the first two byte pairs", () => {
    expect(originalKey(SHA256)).toBe(`originals/ab/ab/${SHA256}`);
  });

  it("names page images and OCR results by file and zero-padded page number", () => {
    expect(pageImageKey(SHA256, 1, "png")).toBe(`pages/${SHA256}/0001.png`);
    expect(pageImageKey(SHA256, 12, "jpeg")).toBe(`pages/${SHA256}/0012.jpg`);
    expect(ocrResultKey(SHA256, 3)).toBe(`pages/${SHA256}/0003.ocr.json`);
  });

  it.each([
    ["uppercase", "AB".repeat(32)],
    ["short", "ab".repeat(31)],
    ["traversal", `../${"a".repeat(61)}`],
  ])("rejects a %s sha256", (_case, sha256) => {
    expect(() => originalKey(sha256)).toThrow(InvalidObjectKeyError);
    expect(() => pageImageKey(sha256, 1, "png")).toThrow(InvalidObjectKeyError);
  });

  it.each([0, -1, 1.5])("rejects page number %s", (pageNumber) => {
    expect(() => ocrResultKey(SHA256, pageNumber)).toThrow(InvalidObjectKeyError);
  });
});
