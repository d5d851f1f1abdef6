import { describe, expect, it } from "vitest";
import { describeUnsupported, sniffMediaType } from "../../ingest/sniff-media-type.ts";

const bytes = (...values: number[]) => Buffer.from(values);

describe("sniffMediaType", () => {
  it.each([
    ["PDF", Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1"), "application/pdf"],
    ["PDF after leading junk", Buffer.from(`${" ".repeat(500)}%PDF-1.4`), "application/pdf"],
    ["little-endian TIFF", bytes(0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0), "image/tiff"],
    ["big-endian TIFF", bytes(0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8), "image/tiff"],
    ["JPEG", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), "image/jpeg"],
    ["PNG", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0), "image/png"],
  ])("recognises %s", (_, head, expected) => {
    expect(sniffMediaType(head)).toBe(expected);
  });

  it("does not look for %PDF- past the first 1024 bytes", () => {
    expect(sniffMediaType(Buffer.from(`${" ".repeat(1024)}%PDF-1.4`))).toBeNull();
  });

  it("returns null for anything else", () => {
    expect(sniffMediaType(Buffer.from("相談記録\n"))).toBeNull();
    expect(sniffMediaType(Buffer.alloc(0))).toBeNull();
  });
});

describe("describeUnsupported", () => {
  it.each([
    ["Shift_JIS text", Buffer.from([0x91, 0x8a, 0x92, 0x6b, 0x0d, 0x0a]), "テキストファイル"],
    ["UTF-8 text", Buffer.from("相談記録 2023年\n"), "テキストファイル"],
    ["HTML", Buffer.from("<!DOCTYPE html><html>"), "HTML"],
    ["a Word document", bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0), "Word・Excel"],
    ["an old Excel file", bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), "古い形式"],
    ["an iPhone photo", Buffer.from("\0\0\0\x18ftypheic\0\0\0\0", "latin1"), "HEIC"],
    ["GIF", Buffer.from("GIF89a\x01\0\x01\0", "latin1"), "GIF"],
    ["BMP", Buffer.from("BM\x36\0\0\0\0\0\0\0\x36\0\0\0", "latin1"), "BMP"],
    ["random binary", bytes(0x00, 0x13, 0x37, 0x00, 0xfe, 0x01), "対応していない形式"],
  ])("names %s", (_, head, expected) => {
    expect(describeUnsupported(head)).toContain(expected);
  });
});
