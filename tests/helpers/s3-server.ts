import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Where the MinIO object store tests connect; pick a fresh bucket per test file. */
export interface S3TestServer {
  endPoint: string;
  port: number;
  useSSL: boolean;
  accessKey: string;
  secretKey: string;
  close(): Promise<void>;
}

interface S3rverOptions {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
}

interface S3rver {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}

// s3rver is CommonJS without type declarations; this is the part of it the tests use.
const S3rver = createRequire(import.meta.url)("s3rver") as new (options: S3rverOptions) => S3rver;

/**
 * The real MinIO named by MINIO_ENDPOINT (with MINIO_PORT, MINIO_USE_SSL, MINIO_ACCESS_KEY,
 * MINIO_SECRET_KEY), or else an s3rver on a random port with its data in a temp folder.
 */
export async function startS3TestServer(): Promise<S3TestServer> {
  const env = process.env;
  if (env.MINIO_ENDPOINT) {
    const useSSL = env.MINIO_USE_SSL === "true";
    return {
      endPoint: env.MINIO_ENDPOINT,
      port: Number(env.MINIO_PORT ?? (useSSL ? 443 : 9000)),
      useSSL,
      accessKey: env.MINIO_ACCESS_KEY ?? "minioadmin",
      secretKey: env.MINIO_SECRET_KEY ?? "minioadmin",
      close: async () => {},
    };
  }
  const directory = await mkdtemp(join(tmpdir(), "kamiroku-s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, directory, silent: true });
  const { port } = await server.run();
  return {
    endPoint: "127.0.0.1",
    port,
    useSSL: false,
    // s3rver's fixed credentials.
    accessKey: "S3RVER",
    secretKey: "S3RVER",
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
