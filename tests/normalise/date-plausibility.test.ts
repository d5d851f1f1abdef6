import { describe, expect, it } from "vitest";
import {
  addMonths,
  datePlausibilityWarnings,
} from "../../workers/extract/normalise/date-plausibility.ts";

const TODAY = "2024-06-15";

describe("datePlausibilityWarnings", () => {
  it("accepts an ordinary birth date and warns on one in the future", () => {
    expect(datePlausibilityWarnings("1987-11-03", "birth", TODAY)).toEqual([]);
    expect(datePlausibilityWarnings(TODAY, "birth", TODAY)).toEqual([]);
    expect(datePlausibilityWarnings("2024-06-16", "birth", TODAY)).toEqual([
      "生年月日が今日より後です",
    ]);
  });

  it("warns when the client would be older than 130, like an age of 131", () => {
    // 130 until the day before the 131st birthday.
    expect(datePlausibilityWarnings("1893-06-16", "birth", TODAY)).toEqual([]);
    expect(datePlausibilityWarnings("1893-06-15", "birth", TODAY)).toEqual([
      "生年月日から数えると130歳を超えます",
    ]);
    expect(datePlausibilityWarnings("1868-01-25", "birth", TODAY)).toHaveLength(1);
  });

  it("warns on a record date in the future or before 2000", () => {
    expect(datePlausibilityWarnings("2023-04-12", "event", TODAY)).toEqual([]);
    expect(datePlausibilityWarnings("2024-07-01", "event", TODAY)).toEqual([
      "今日より後の日付です",
    ]);
    expect(datePlausibilityWarnings("1993-04-12", "event", TODAY)).toEqual([
      "2000年より前の日付です（元号か年の読み違いの可能性）",
    ]);
  });

  it("lets a planned date lie in the future, but not before 2000", () => {
    expect(datePlausibilityWarnings("2024-07-01", "planned", TODAY)).toEqual([]);
    expect(datePlausibilityWarnings("1929-09-16", "planned", TODAY)).toEqual([
      "2000年より前の日付です（元号か年の読み違いの可能性）",
    ]);
  });

  it("warns on a planned date more than 13 months after today (2103 read for 2023)", () => {
    expect(datePlausibilityWarnings("2025-07-15", "planned", TODAY)).toEqual([]);
    expect(datePlausibilityWarnings("2025-07-16", "planned", TODAY)).toEqual([
      "今日から13か月より先の予定日です",
    ]);
    expect(datePlausibilityWarnings("2103-08-23", "planned", TODAY)).toHaveLength(1);
  });
});

describe("addMonths", () => {
  it("moves the month on across years and keeps the day as it is", () => {
    expect(addMonths("2023-05-10", 13)).toBe("2024-06-10");
    expect(addMonths("2023-12-01", 1)).toBe("2024-01-01");
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-31");
  });
});
