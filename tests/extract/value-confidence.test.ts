import { describe, expect, it } from "vitest";
import { DEFAULT_REVIEW_THRESHOLD } from "../../workers/extract/extract-forms.ts";
import type { Glyph } from "../../workers/extract/page-text.ts";
import {
  calibrated,
  typesetValueConfidence,
  valueConfidence,
} from "../../workers/extract/value-confidence.ts";

const glyphs = (...confidences: number[]): Glyph[] =>
  confidences.map((confidence, index) => ({
    id: index,
    char: "字",
    confidence,
    bbox: [index * 10, 0, 10, 10],
    wordStart: index === 0,
  }));

const passes = (type: Parameters<typeof calibrated>[0], weakest: number) =>
  calibrated(type, weakest) >= DEFAULT_REVIEW_THRESHOLD;

describe("valueConfidence", () => {
  it("is as sure as the least sure character for a type with nothing to check it by", () => {
    expect(valueConfidence("text", glyphs(0.99, 0.62, 0.9))).toBe(0.62);
    expect(valueConfidence("address", [])).toBe(0);
  });

  it("passes a date or number whose weakest character was read 40 % sure", () => {
    for (const type of ["date", "integer", "postal", "phone"] as const) {
      expect(passes(type, 0.4), type).toBe(true);
      expect(passes(type, 0.35), type).toBe(false);
    }
  });

  it("passes a name from 60 %, and a text only at the threshold itself", () => {
    expect(passes("name", 0.6)).toBe(true);
    expect(passes("name", 0.55)).toBe(false);
    expect(passes("text", 0.85)).toBe(true);
    expect(passes("id", 0.84)).toBe(false);
    expect(passes("text", 0.84)).toBe(false);
  });

  it("asks more of paragraphs and kana than OCR's own confidence", () => {
    expect(passes("longtext", 0.9)).toBe(false);
    expect(passes("longtext", 0.93)).toBe(true);
    expect(passes("kana", 0.88)).toBe(false);
    expect(passes("kana", 0.9)).toBe(true);
  });

  it("keeps the order of readings of one type", () => {
    for (const type of ["name", "date", "longtext", "text"] as const) {
      expect(calibrated(type, 0.5)).toBeLessThan(calibrated(type, 0.6));
      expect(calibrated(type, 1)).toBeLessThanOrEqual(1);
    }
  });
});

describe("typesetValueConfidence", () => {
  const read = (word: number, character?: number): Glyph => ({
    id: 0,
    char: "字",
    confidence: word,
    ...(character === undefined ? {} : { characterConfidence: character }),
    bbox: [0, 0, 10, 10],
    wordStart: true,
  });

  it("takes each character's own confidence rather than its word's", () => {
    expect(typesetValueConfidence("text", [read(0.45, 0.96), read(0.9, 0.92)])).toBe(0.92);
    expect(valueConfidence("text", [read(0.45, 0.96), read(0.9, 0.92)])).toBe(0.45);
  });

  it("takes a character at most half above a word read in doubt", () => {
    expect(typesetValueConfidence("text", [read(0.05, 0.97)])).toBeCloseTo(0.55);
    expect(typesetValueConfidence("text", [read(0, 0.8)])).toBe(0.5);
  });

  it("falls back on the word's confidence where the characters' were not kept", () => {
    expect(typesetValueConfidence("text", [read(0.7), read(0.9, 0.95)])).toBe(0.7);
    expect(typesetValueConfidence("text", [])).toBe(0);
  });

  it("keeps the words' confidence for names, addresses and paragraphs", () => {
    for (const type of ["name", "address", "longtext"] as const) {
      expect(typesetValueConfidence(type, [read(0.59, 0.94)]), type).toBe(
        valueConfidence(type, [read(0.59, 0.94)]),
      );
    }
  });

  it("weighs the characters' confidence by type as any other", () => {
    expect(typesetValueConfidence("date", [read(0.2, 0.6)])).toBe(calibrated("date", 0.6));
  });
});
