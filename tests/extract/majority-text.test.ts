import { describe, expect, it } from "vitest";
import { majorityText } from "../../workers/extract/majority-text.ts";

describe("majorityText", () => {
  it("takes the character the two other readings agree on", () => {
    expect(
      majorityText(
        "早く仕事を見つけたいとの外望",
        "早く仕事を見つけたいとの希望",
        "早く仕事を見つけたいとの希望",
      ),
    ).toBe("早く仕事を見つけたいとの希望");
  });

  it("restores a character the first reading dropped, and drops one it added", () => {
    expect(majorityText("了解を得て地域", "了解を得て、地域", "了解を得て、地域")).toBe(
      "了解を得て、地域",
    );
    expect(majorityText("支援センター上職員", "支援センター職員", "支援センター職員")).toBe(
      "支援センター職員",
    );
  });

  it("keeps the first reading where the others do not agree with each other", () => {
    expect(majorityText("家計を立て直す", "家計を立て真す", "家計を立で直す")).toBe(
      "家計を立て直す",
    );
    expect(majorityText("仕事に跳き", "仕事に就き", "仕事に蹴き")).toBe("仕事に跳き");
  });

  it("keeps the first reading where one other reading agrees with it", () => {
    expect(majorityText("単身世帯", "単身世常", "単身世帯")).toBe("単身世帯");
  });
});
