import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import {
  SeparatorSheetValueError,
  separatorSheet,
  separatorSheetRun,
} from "../../ingest/separator-sheets/separator-sheet.ts";
import { SHEET_QR, SHEET_QR_MAX_VERSION } from "../../ingest/separator-sheets/sheet-geometry.ts";
import {
  decodeSheetPayload,
  encodeSheetPayload,
} from "../../ingest/separator-sheets/sheet-payload.ts";

const sheet = separatorSheet({
  batch: "2023年度 箱12",
  agency: "さくら市社会福祉協議会",
  box: "12",
  caseNumber: "R5-0123",
  serial: 3,
});

describe("separator sheet payload", () => {
  it("is versioned, compact and reads back to the same sheet", () => {
    const payload = encodeSheetPayload(sheet);
    expect(payload).toBe(
      'KMRK1|{"b":"2023年度 箱12","a":"さくら市社会福祉協議会","x":"12","c":"R5-0123","n":3}',
    );
    expect(decodeSheetPayload(payload)).toEqual({ kind: "sheet", sheet });
  });

  it("leaves out a missing box and case number and gives them back as null", () => {
    const bare = separatorSheet({ batch: "b", agency: "a", serial: 1 });
    expect(encodeSheetPayload(bare)).toBe('KMRK1|{"b":"b","a":"a","n":1}');
    expect(decodeSheetPayload(encodeSheetPayload(bare))).toEqual({
      kind: "sheet",
      sheet: { batch: "b", agency: "a", box: null, caseNumber: null, serial: 1 },
    });
  });

  it("tells other QR codes, newer sheet formats and garbled content apart", () => {
    expect(decodeSheetPayload("https://example.jp/form/123")).toEqual({ kind: "foreign" });
    expect(decodeSheetPayload("KMRKX|{}")).toEqual({ kind: "foreign" });
    expect(decodeSheetPayload('KMRK2|{"whatever":1}')).toEqual({
      kind: "unsupported",
      version: "2",
    });
    expect(decodeSheetPayload("KMRK1|{not json")).toEqual({ kind: "corrupt" });
    expect(decodeSheetPayload("KMRK1")).toEqual({ kind: "corrupt" });
    expect(decodeSheetPayload('KMRK1|{"b":"b","a":"a"}')).toEqual({ kind: "corrupt" });
    expect(decodeSheetPayload('KMRK1|{"b":"b","a":"a","n":0}')).toEqual({ kind: "corrupt" });
    expect(decodeSheetPayload('KMRK1|{"b":"","a":"a","n":1}')).toEqual({ kind: "corrupt" });
    expect(decodeSheetPayload('KMRK1|["b","a",1]')).toEqual({ kind: "corrupt" });
  });

  it("refuses values a sheet cannot carry, with a message for the person printing", () => {
    const refused = (values: Parameters<typeof separatorSheet>[0]) =>
      expect(() => separatorSheet(values)).toThrow(SeparatorSheetValueError);
    refused({ batch: " ", agency: "a", serial: 1 });
    refused({ batch: "b", agency: "a".repeat(31), serial: 1 });
    refused({ batch: "b", agency: "a", box: "改\n行", serial: 1 });
    refused({ batch: "b", agency: "a", serial: 1.5 });
    expect(() => separatorSheetRun({ batch: "b", agency: "a" }, 0)).toThrow(/枚数は/);
  });

  it("numbers a print run 1..N with the same metadata", () => {
    const run = separatorSheetRun({ batch: "b", agency: "a", box: "7" }, 3);
    expect(run.map((each) => [each.serial, each.box, each.caseNumber])).toEqual([
      [1, "7", null],
      [2, "7", null],
      [3, "7", null],
    ]);
  });

  it("fits the QR code's planned size even with every field at its longest, all in kanji", () => {
    const longest = separatorSheet({
      batch: "漢".repeat(30),
      agency: "字".repeat(30),
      box: "箱".repeat(10),
      caseNumber: "番".repeat(20),
      serial: 9999,
    });
    const payload = Buffer.from(encodeSheetPayload(longest), "utf8");
    const { version } = QRCode.create([{ data: payload, mode: "byte" }], {
      errorCorrectionLevel: SHEET_QR.errorCorrection,
    });
    expect(version).toBeLessThanOrEqual(SHEET_QR_MAX_VERSION);
  });
});
