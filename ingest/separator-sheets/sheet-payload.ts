import {
  type SeparatorSheet,
  SeparatorSheetValueError,
  separatorSheet,
} from "./separator-sheet.ts";

/**
 * What a separator sheet's QR code carries: `KMRK1|` and a JSON object with one-letter keys
 * (b batch, a agency, x box, c case number, n serial; an absent optional value is left out), in
 * UTF-8. The prefix tells Kamiroku's sheets from any other QR code on a page, and its number lets
 * a later Kamiroku change the format while still reading sheets already printed.
 */
export const SHEET_PAYLOAD_PREFIX = "KMRK";
export const SHEET_PAYLOAD_VERSION = 1;

export type DecodedPayload =
  | { kind: "sheet"; sheet: SeparatorSheet }
  /** Some other QR code: not a separator sheet. */
  | { kind: "foreign" }
  /** A Kamiroku sheet of a format this version cannot read. */
  | { kind: "unsupported"; version: string }
  /** A Kamiroku sheet whose content does not hold together. */
  | { kind: "corrupt" };

interface PayloadJson {
  b: string;
  a: string;
  x?: string;
  c?: string;
  n: number;
}

export function encodeSheetPayload(sheet: SeparatorSheet): string {
  const json: PayloadJson = {
    b: sheet.batch,
    a: sheet.agency,
    ...(sheet.box === null ? {} : { x: sheet.box }),
    ...(sheet.caseNumber === null ? {} : { c: sheet.caseNumber }),
    n: sheet.serial,
  };
  return `${SHEET_PAYLOAD_PREFIX}${SHEET_PAYLOAD_VERSION}|${JSON.stringify(json)}`;
}

export function decodeSheetPayload(payload: string): DecodedPayload {
  if (!payload.startsWith(SHEET_PAYLOAD_PREFIX)) return { kind: "foreign" };
  const separator = payload.indexOf("|");
  const version = payload.slice(SHEET_PAYLOAD_PREFIX.length, separator < 0 ? undefined : separator);
  if (!/^\d+$/.test(version)) return { kind: "foreign" };
  if (Number(version) !== SHEET_PAYLOAD_VERSION) return { kind: "unsupported", version };
  let json: unknown;
  try {
    json = JSON.parse(payload.slice(separator + 1));
  } catch {
    return { kind: "corrupt" };
  }
  if (!isPayloadJson(json)) return { kind: "corrupt" };
  try {
    const sheet = separatorSheet({
      batch: json.b,
      agency: json.a,
      box: json.x ?? null,
      caseNumber: json.c ?? null,
      serial: json.n,
    });
    return { kind: "sheet", sheet };
  } catch (error) {
    if (error instanceof SeparatorSheetValueError) return { kind: "corrupt" };
    throw error;
  }
}

function isPayloadJson(value: unknown): value is PayloadJson {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const json = value as Record<string, unknown>;
  const optionalString = (key: string) => json[key] === undefined || typeof json[key] === "string";
  return (
    typeof json.b === "string" &&
    typeof json.a === "string" &&
    typeof json.n === "number" &&
    optionalString("x") &&
    optionalString("c")
  );
}
