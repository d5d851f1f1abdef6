import { describe, expect, it } from "vitest";
import { pageResolution } from "../../workers/ocr/page-resolution.ts";

describe("pageResolution", () => {
  it("keeps a stated resolution that gives a plausible paper size", () => {
    expect(pageResolution(2480, 3508, 300)).toBe(300);
    expect(pageResolution(2150, 3035, 300)).toBe(300); // B5
  });

  it("assumes A4 when no resolution is stated", () => {
    expect(pageResolution(1654, 2339)).toBe(200);
    expect(pageResolution(3508, 2480)).toBe(300); // landscape
  });

  it("ignores a software default that would make the page metres long", () => {
    expect(pageResolution(2480, 3508, 72)).toBe(300);
  });
});
