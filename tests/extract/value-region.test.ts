import { describe, expect, it } from "vitest";
import { extractForms } from "../../workers/extract/extract-forms.ts";
import { type LineSpec, syntheticPage } from "./synthetic-page.ts";

const TITLE: LineSpec = { y: 100, words: [["相談受付票", 600]], em: 48 };
const ADDRESS = "愛知県豊田市喜多町3-27-9";

function addressOf(lines: LineSpec[]) {
  const [form] = extractForms([syntheticPage([TITLE, ...lines])], { today: "2025-01-01" });
  return form?.items.common.address?.value;
}

describe("the value of a label printed above its box", () => {
  it("is the line under the label", () => {
    expect(
      addressOf([
        { y: 300, words: [["住所", 100]] },
        { y: 350, words: [[ADDRESS, 110]] },
      ]),
    ).toBe(ADDRESS);
  });

  it("is still the whole line under the label when a speck sits beside the label", () => {
    expect(
      addressOf([
        {
          y: 300,
          words: [
            ["住所", 100],
            [".", 400],
          ],
        },
        { y: 350, words: [[ADDRESS, 110]] },
      ]),
    ).toBe(ADDRESS);
  });
});
