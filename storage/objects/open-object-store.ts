import type { FilesystemObjectStoreOptions } from "./filesystem-object-store.ts";
import { FilesystemObjectStore } from "./filesystem-object-store.ts";
import type { MinioObjectStoreOptions } from "./minio-object-store.ts";
import { MinioObjectStore } from "./minio-object-store.ts";
import type { ObjectStore } from "./object-store.ts";

export type OpenObjectStoreOptions =
  | ({ kind: "filesystem" } & FilesystemObjectStoreOptions)
  | ({ kind: "minio" } & MinioObjectStoreOptions);

/** The store configuration names: a folder (embedded default) or a MinIO bucket. */
export async function openObjectStore(options: OpenObjectStoreOptions): Promise<ObjectStore> {
  switch (options.kind) {
    case "filesystem":
      return FilesystemObjectStore.open(options);
    case "minio":
      return MinioObjectStore.open(options);
  }
}
