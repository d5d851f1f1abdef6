import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { builtinFormDefinitions } from "../../config/forms/builtin-form-definitions.ts";
import { fieldsOf } from "../../config/forms/form-definitions.ts";
import {
  FormDefinitionsError,
  loadFormDefinitions,
  mergeFormDefinitions,
  parseMunicipalityForms,
} from "../../config/forms/municipality-forms.ts";

const EXAMPLE = path.resolve(import.meta.dirname, "../../config/forms/municipalities/example.json");

describe("built-in form definitions", () => {
  it("hold the six docTypes of the spec with their title variants", () => {
    const titles = Object.fromEntries(
      builtinFormDefinitions.docTypes.map((definition) => [definition.docType, definition.titles]),
    );
    expect(titles).toMatchObject({
      intake: ["相談受付票", "相談受付・申込票", "相談受付シート", "新規相談受付票"],
      meeting: ["支援会議記録", "重層的支援会議記録", "会議録"],
      evaluation: ["評価シート", "評価・終結シート", "終結報告書"],
    });
    expect(Object.keys(titles)).toHaveLength(6);
  });

  it("give every form the header fields and its own, each key once", () => {
    const keys = builtinFormDefinitions.fields.map((field) => field.key);
    expect(new Set(keys).size).toBe(keys.length);
    const intake = fieldsOf(builtinFormDefinitions, "intake").map((field) => field.key);
    expect(intake).toEqual(
      expect.arrayContaining(["case_number", "client_name", "referral_route"]),
    );
    expect(intake).not.toContain("issues");
    expect(fieldsOf(builtinFormDefinitions, "unknown").every((f) => f.docTypes === "any")).toBe(
      true,
    );
  });

  it("group, type and label fields as the spec does", () => {
    const field = (key: string) => builtinFormDefinitions.fields.find((f) => f.key === key);
    expect(field("age")).toMatchObject({ group: "optional", type: "integer", labels: ["年齢"] });
    expect(field("issues")).toMatchObject({ group: "common", type: "multichoice" });
    expect(field("issues")?.options?.map((option) => option.code)).toHaveLength(12);
    expect(field("consent_info_sharing")?.options?.map((option) => option.code)).toEqual([
      true,
      false,
    ]);
    expect(field("entries")?.columns?.map((column) => column.labels[0])).toEqual([
      "日付",
      "対応方法",
      "内容",
      "対応者",
    ]);
  });
});

describe("municipality form definitions", () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true }))));

  it("are not required", async () => {
    expect(await loadFormDefinitions()).toBe(builtinFormDefinitions);
  });

  it("add titles, labels and custom fields onto the built-in ones", async () => {
    const merged = await loadFormDefinitions(EXAMPLE);
    const intake = merged.docTypes.find((definition) => definition.docType === "intake");
    expect(intake?.titles).toEqual([
      "相談受付票",
      "相談受付・申込票",
      "相談受付シート",
      "新規相談受付票",
      "生活相談受付票",
    ]);
    const name = merged.fields.find((field) => field.key === "client_name");
    expect(name?.labels.at(-1)).toBe("相談者名");
    const custom = merged.fields.filter((field) => field.group === "custom");
    expect(custom.map((field) => field.key)).toEqual(["nationality", "employment_status"]);
    expect(fieldsOf(merged, "assessment").map((field) => field.key)).toContain("employment_status");
    expect(merged.terms).toContain("例示市社会福祉協議会");
  });

  it("refuse what would not do what the author meant", () => {
    expect(() => mergeFormDefinitions({ labels: { client_nmae: ["名前"] } })).toThrow(
      /unknown fields: client_nmae/,
    );
    expect(() =>
      mergeFormDefinitions(
        parseMunicipalityForms({
          customFields: [{ key: "age", labels: ["満年齢"], type: "integer", docTypes: "any" }],
        }),
      ),
    ).toThrow(/defined twice: age/);
    expect(() =>
      parseMunicipalityForms({
        customFields: [{ key: "pet", labels: ["ペット"], type: "choice", docTypes: "any" }],
      }),
    ).toThrow(FormDefinitionsError);
    expect(() => parseMunicipalityForms({ titles: { minutes: ["議事録"] } })).toThrow(
      FormDefinitionsError,
    );
    expect(() => parseMunicipalityForms({ labels: { client_name: [""] } })).toThrow(
      FormDefinitionsError,
    );
    expect(() => parseMunicipalityForms({ terms: ["窓口"] })).toThrow(/three characters/);
  });

  it("report a file that is not JSON", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "kamiroku-forms-"));
    dirs.push(dir);
    const file = path.join(dir, "broken.json");
    await writeFile(file, "{ titles: ");
    await expect(loadFormDefinitions(file)).rejects.toThrow(FormDefinitionsError);
  });
});
