import fs from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { RecordV1 } from "../workers/extract/record-v1.ts";

const schemaPath = new URL("./schema/kamiroku.record.v1.schema.json", import.meta.url);

/** A record that does not match kamiroku.record/v1: it must not leave Kamiroku. */
export class RecordSchemaError extends Error {
  override name = "RecordSchemaError";
  constructor(
    readonly recordId: string,
    readonly problems: string[],
  ) {
    super(`record ${recordId} does not match kamiroku.record/v1: ${problems.join("; ")}`);
  }
}

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile<RecordV1>(JSON.parse(fs.readFileSync(schemaPath, "utf8")));

/** Every record leaving Kamiroku passes through here (pull API, webhook, files). */
export function assertRecordV1(document: unknown): asserts document is RecordV1 {
  if (validate(document)) return;
  const recordId = String((document as { recordId?: unknown })?.recordId ?? "?");
  // Paths and rule names only: the offending values may be personal data.
  throw new RecordSchemaError(
    recordId,
    (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message}`),
  );
}
