import type { Readable } from "node:stream";
import { Client, S3Error } from "minio";
import type { ObjectInfo, ObjectStore, PutOptions } from "./object-store.ts";
import { ObjectNotFoundError } from "./object-store.ts";
import { assertValidObjectKey } from "./valid-object-key.ts";

export interface MinioObjectStoreOptions {
  endPoint: string;
  port: number;
  useSSL: boolean;
  accessKey: string;
  secretKey: string;
  /** Created when missing. */
  bucket: string;
  region?: string;
}

/**
 * The minio client buffers one part in memory before sending it (it signs each request's
 * body), and a stream of unknown size would otherwise get a part size of over 500 MB.
 * Fixing it bounds every upload to 16 MB of memory and still allows objects up to 160 GB.
 */
const PART_SIZE = 16 * 1024 * 1024;

/** Objects in a MinIO (or any S3-compatible) bucket. */
export class MinioObjectStore implements ObjectStore {
  private constructor(
    private readonly client: Client,
    private readonly bucket: string,
    private readonly location: string,
  ) {}

  static async open(options: MinioObjectStoreOptions): Promise<MinioObjectStore> {
    const client = new Client({
      endPoint: options.endPoint,
      port: options.port,
      useSSL: options.useSSL,
      accessKey: options.accessKey,
      secretKey: options.secretKey,
      region: options.region,
      partSize: PART_SIZE,
    });
    await ensureBucket(client, options.bucket, options.region);
    const scheme = options.useSSL ? "https" : "http";
    const location = `minio:${scheme}://${options.endPoint}:${options.port}/${options.bucket}`;
    return new MinioObjectStore(client, options.bucket, location);
  }

  async put(key: string, body: Readable | Buffer, options: PutOptions = {}): Promise<void> {
    assertValidObjectKey(key);
    const metadata = options.contentType ? { "Content-Type": options.contentType } : {};
    await this.client.putObject(this.bucket, key, body, options.size, metadata);
  }

  async get(key: string): Promise<Readable> {
    assertValidObjectKey(key);
    return this.client.getObject(this.bucket, key).catch((error: unknown) => {
      throw isNotFound(error) ? new ObjectNotFoundError(key) : error;
    });
  }

  async getBuffer(key: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.get(key)) {
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }

  async stat(key: string): Promise<ObjectInfo | null> {
    assertValidObjectKey(key);
    try {
      const info = await this.client.statObject(this.bucket, key);
      const contentType = info.metaData["content-type"];
      return typeof contentType === "string"
        ? { size: info.size, contentType }
        : { size: info.size };
    } catch (error) {
      if (isNotFound(error)) {
        return null;
      }
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidObjectKey(key);
    await this.client.removeObject(this.bucket, key);
  }

  describe(): string {
    return this.location;
  }
}

async function ensureBucket(client: Client, bucket: string, region?: string): Promise<void> {
  if (await client.bucketExists(bucket)) {
    return;
  }
  try {
    await client.makeBucket(bucket, region);
  } catch (error) {
    // Several workers start at once and race to create the bucket. MinIO tells the losers
    // BucketAlreadyOwnedByYou; other S3 servers say BucketAlreadyExists even to the owner, so
    // that one counts as success only when the bucket is now reachable with our credentials.
    if (isS3Error(error, "BucketAlreadyOwnedByYou")) {
      return;
    }
    if (isS3Error(error, "BucketAlreadyExists") && (await client.bucketExists(bucket))) {
      return;
    }
    throw error;
  }
}

/** HEAD responses have no body, so a missing object is "NotFound" there and "NoSuchKey" elsewhere. */
function isNotFound(error: unknown): boolean {
  return isS3Error(error, "NoSuchKey") || isS3Error(error, "NotFound");
}

function isS3Error(error: unknown, code: string): boolean {
  return error instanceof S3Error && error.code === code;
}
