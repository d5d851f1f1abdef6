/**
 * Per-municipality additions to the built-in form definitions, from a JSON file: extra title
 * variants, extra label variants of the standard fields, the municipality's own fields
 * (独自項目, group `custom`), and its own words (agency and place names) for misread characters
 * to be put back to. Everything in the file is optional, and so is the file: the
 * built-in definitions read any municipality's forms by their labels. See
 * municipalities/example.json for the shape.
 */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { docTypes } from "../../workers/extract/extracted-form.ts";
import { builtinFormDefinitions } from "./builtin-form-definitions.ts";
import {
  type FieldDefinition,
  type FormDefinitions,
  type FormDocType,
  fieldTypes,
} from "./form-definitions.ts";

export class FormDefinitionsError extends Error {
  override name = "FormDefinitionsError";
}

const formDocTypes = docTypes.filter((docType): docType is FormDocType => docType !== "unknown");
const printed = z.string().trim().min(1);
const CHOICE_TYPES: ReadonlySet<string> = new Set(["choice", "multichoice", "boolean"]);

const optionSchema = z.strictObject({
  code: z.union([z.string().min(1), z.boolean()]),
  words: z.array(printed).min(1),
});

const customFieldSchema = z
  .strictObject({
    key: z.string().regex(/^[a-z][a-z0-9_]*$/, "lower-case ASCII, digits and _"),
    labels: z.array(printed).min(1),
    // A custom table would need its own reader; municipalities' extra items are single values.
    type: z.enum(fieldTypes.filter((type) => type !== "table")),
    docTypes: z.union([z.literal("any"), z.array(z.enum(formDocTypes)).min(1)]),
    options: z.array(optionSchema).min(2).optional(),
    plausibility: z.enum(["age", "birth", "event", "planned"]).optional(),
  })
  .refine((field) => CHOICE_TYPES.has(field.type) === (field.options !== undefined), {
    message: "choice, multichoice and boolean fields need options; other types take none",
    path: ["options"],
  });

const municipalitySchema = z.strictObject({
  municipality: z.string().optional(),
  titles: z.partialRecord(z.enum(formDocTypes), z.array(printed)).optional(),
  labels: z.record(z.string(), z.array(printed)).optional(),
  customFields: z.array(customFieldSchema).optional(),
  // Put back when OCR misreads one of their characters; shorter words are too easily reached.
  terms: z.array(z.string().trim().min(3, "a term needs three characters or more")).optional(),
});

export type MunicipalityForms = z.infer<typeof municipalitySchema>;

/** Validates the parsed JSON of a municipality's form definitions. */
export function parseMunicipalityForms(json: unknown): MunicipalityForms {
  const result = municipalitySchema.safeParse(json);
  if (!result.success) {
    throw new FormDefinitionsError(
      `invalid municipality form definitions:\n${z.prettifyError(result.error)}`,
    );
  }
  return result.data;
}

/**
 * The built-in (or given) definitions with a municipality's additions: its title and label
 * variants after the built-in ones, its custom fields after the standard fields. A label
 * addition for a field that does not exist, or a custom field reusing a key, is an error rather
 * than silently ignored, since either means the file does not do what its author meant.
 */
export function mergeFormDefinitions(
  additions: MunicipalityForms,
  base: FormDefinitions = builtinFormDefinitions,
): FormDefinitions {
  const labels = additions.labels ?? {};
  const unknownKeys = Object.keys(labels).filter(
    (key) => !base.fields.some((field) => field.key === key),
  );
  if (unknownKeys.length > 0) {
    throw new FormDefinitionsError(`label variants for unknown fields: ${unknownKeys.join(", ")}`);
  }
  const custom = additions.customFields ?? [];
  const keys = [...base.fields.map((field) => field.key), ...custom.map((field) => field.key)];
  const repeated = keys.filter((key, index) => keys.indexOf(key) !== index);
  if (repeated.length > 0) {
    throw new FormDefinitionsError(
      `field keys defined twice: ${[...new Set(repeated)].join(", ")}`,
    );
  }
  return {
    docTypes: base.docTypes.map((definition) => ({
      ...definition,
      titles: union(definition.titles, additions.titles?.[definition.docType] ?? []),
    })),
    fields: [
      ...base.fields.map((field) => ({
        ...field,
        labels: union(field.labels, labels[field.key] ?? []),
      })),
      ...custom.map((field): FieldDefinition => ({ ...field, group: "custom" })),
    ],
    terms: union(base.terms ?? [], additions.terms ?? []),
  };
}

/**
 * The form definitions to extract with: the built-in ones, plus the municipality's additions
 * when `file` names a JSON file of them.
 */
export async function loadFormDefinitions(file?: string): Promise<FormDefinitions> {
  if (file === undefined) return builtinFormDefinitions;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (cause) {
    throw new FormDefinitionsError("could not read the municipality form definitions", { cause });
  }
  return mergeFormDefinitions(parseMunicipalityForms(json));
}

function union(first: readonly string[], more: readonly string[]): string[] {
  return [...new Set([...first, ...more])];
}
