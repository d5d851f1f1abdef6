import { describe, expect, it } from "vitest";
import { contentOperations } from "../../workers/split/pdf-content-operations.ts";

const operators = (content: string) =>
  [...contentOperations(Buffer.from(content, "latin1"))].map((operation) => operation.operator);

describe("contentOperations", () => {
  it("reads operators with number and name operands", () => {
    const [cm, draw] = [...contentOperations(Buffer.from("595.3 0 0 -.5 +1 0 cm /Im#201 Do"))];
    expect(cm).toEqual({
      operator: "cm",
      operands: [595.3, 0, 0, -0.5, 1, 0].map((value) => ({ kind: "number", value })),
    });
    expect(draw).toEqual({ operator: "Do", operands: [{ kind: "name", value: "Im 1" }] });
  });

  it("does not mistake words inside strings, arrays, dictionaries or comments for operators", () => {
    const content = String.raw`BT (a \) re f \( (nested) S) Tj [(W n) -20 <72652066>] TJ ET
      /Span << /Alt (q Q) /MCID 0 >> BDC EMC % 0 0 10 10 re f
      Q`;
    expect(operators(content)).toEqual(["BT", "Tj", "TJ", "ET", "BDC", "EMC", "Q"]);
  });

  it("stops at an inline image, whose binary data it cannot step over", () => {
    expect(operators("q BI /W 2 /H 2 /BPC 8 /CS /G ID \x00\xff\x00\xff EI Q")).toEqual(["q", "BI"]);
  });
});
