import {
  type FieldDefinition,
  type FormDefinitions,
  fieldsOf,
} from "../../config/forms/form-definitions.ts";
import { docTypeNames } from "../../export/doc-type-names.ts";
import type { Page } from "../../storage/repositories/page-repository.ts";
import type { RecordUnderReview } from "../../storage/repositories/record-review-repository.ts";
import { type DocType, docTypes, type FieldItem } from "../../workers/extract/extracted-form.ts";
import type { ReviewedFieldItem } from "./reviewed-field.ts";

type Group = "common" | "optional" | "custom";

export interface OptionView {
  code: string | boolean;
  label: string;
}

export interface FieldView {
  group: Group;
  key: string;
  label: string;
  type: FieldDefinition["type"];
  options: OptionView[] | null;
  columns: { key: string; label: string; type: string; options: OptionView[] | null }[] | null;
  value: unknown;
  raw: string | null;
  confidence: number;
  needsReview: boolean;
  reason: string | null;
  page: number | null;
  bbox: FieldItem["bbox"];
  corrected: boolean;
}

export interface RecordView {
  record: {
    id: string;
    version: number;
    docType: DocType;
    status: string;
    needsReview: boolean;
    batch: { id: string; name: string };
    fileName: string;
    caseFile: RecordUnderReview["caseFile"];
    pages: { number: number; width: number; height: number; imageUrl: string }[];
    fields: FieldView[];
    redactions: unknown[];
    rejectReason: string | null;
    reviewedBy: string | null;
    reviewedAt: string | null;
  };
  docTypes: { docType: DocType; label: string }[];
  lease: { byMe: boolean; holder: string; expiresAt: string } | null;
}

const TABLE_LABEL = "支援経過";

/** The form names reviewers choose from, the same as in exports. */
export function docTypeLabels(): RecordView["docTypes"] {
  return docTypes.map((docType) => ({ docType, label: docTypeNames[docType] }));
}

function optionViews(field: Pick<FieldDefinition, "options">): OptionView[] | null {
  return (
    field.options?.map((option) => ({ code: option.code, label: option.words[0] ?? "" })) ?? null
  );
}

/**
 * Every field the docType defines (also the ones not found on the page) and any other stored
 * field, the ones needing review first, each with what the reviewer needs beside the image.
 */
export function fieldViews(
  docType: DocType,
  items: RecordUnderReview["items"],
  definitions: FormDefinitions,
): FieldView[] {
  const defined = fieldsOf(definitions, docType);
  const views: FieldView[] = defined.map((field) =>
    fieldView(field, items[field.group][field.key] as ReviewedFieldItem | undefined),
  );
  for (const group of ["common", "optional", "custom"] as const) {
    for (const [key, item] of Object.entries(items[group])) {
      if (defined.some((field) => field.group === group && field.key === key)) continue;
      const known = definitions.fields.find((field) => field.group === group && field.key === key);
      views.push(
        fieldView(
          known ?? { key, group, labels: [key], type: "text", docTypes: "any" },
          item as ReviewedFieldItem,
        ),
      );
    }
  }
  // Stable sort: within each half the form's own order.
  return views.sort((a, b) => Number(b.needsReview) - Number(a.needsReview));
}

function fieldView(field: FieldDefinition, item: ReviewedFieldItem | undefined): FieldView {
  return {
    group: field.group,
    key: field.key,
    label: field.labels[0] ?? (field.type === "table" ? TABLE_LABEL : field.key),
    type: field.type,
    options: optionViews(field),
    columns:
      field.columns?.map((column) => ({
        key: column.key,
        label: column.labels[0] ?? column.key,
        type: column.type,
        options: optionViews(column),
      })) ?? null,
    value: item?.value ?? null,
    raw: item?.raw ?? null,
    confidence: item?.confidence ?? 0,
    needsReview: item?.needsReview ?? field.group === "common",
    reason: item?.reason ?? (item ? null : "用紙に見つかりませんでした"),
    page: item?.page ?? null,
    bbox: item?.bbox ?? null,
    corrected: item?.corrected ?? false,
  };
}

export function buildRecordView(
  record: RecordUnderReview,
  filePages: readonly Page[],
  definitions: FormDefinitions,
  viewerId: string,
): RecordView {
  return {
    record: {
      id: record.id,
      version: record.version,
      docType: record.docType,
      status: record.status,
      needsReview: record.needsReview,
      batch: { id: record.batch.id, name: record.batch.name },
      fileName: record.fileName,
      caseFile: record.caseFile,
      pages: record.pages.map((number) => {
        const page = filePages.find((each) => each.pageNumber === number);
        return {
          number,
          width: page?.width ?? 0,
          height: page?.height ?? 0,
          imageUrl: `/api/records/${record.id}/pages/${number}/image`,
        };
      }),
      fields: fieldViews(record.docType, record.items, definitions),
      redactions: record.redactions,
      rejectReason: record.rejectReason,
      reviewedBy: record.reviewedBy,
      reviewedAt: record.reviewedAt?.toISOString() ?? null,
    },
    docTypes: docTypeLabels(),
    lease: record.lease
      ? {
          byMe: record.lease.userId === viewerId,
          holder: record.lease.holder,
          expiresAt: record.lease.expiresAt.toISOString(),
        }
      : null,
  };
}
