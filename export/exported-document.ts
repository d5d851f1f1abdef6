import type { RecordExport } from "../storage/repositories/record-export-repository.ts";
import type { RecordV1 } from "../workers/extract/record-v1.ts";
import { assertRecordV1 } from "./record-schema.ts";

/**
 * A frozen export as it leaves Kamiroku: its status as it stands now (imported once the platform
 * acknowledged it), checked against the schema once more.
 */
export function exportedDocument(frozen: RecordExport): RecordV1 {
  const document = { ...frozen.document, status: frozen.importedAt ? "imported" : "verified" };
  assertRecordV1(document);
  return document;
}
