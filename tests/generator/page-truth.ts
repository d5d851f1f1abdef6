/**
 * Reads the ground truth off a laid-out page: each field's ink box, the progress rows, and the
 * page's text lines in reading order.
 */
import type { SKRSContext2D } from "@napi-rs/canvas";
import type { Op } from "./draw-ops.ts";
import type { FieldKey } from "./field-vocabulary.ts";
import type { ChoiceContent, FormField, FormSpec, ProgressEntry } from "./form-spec.ts";
import type {
  BBox,
  EntryTruth,
  FieldTruth,
  FormTruth,
  IndividualNumberTruth,
} from "./form-truth.ts";

type Extent = { x0: number; y0: number; x1: number; y1: number };

function inkExtent(ctx: SKRSContext2D, op: Extract<Op, { kind: "text" | "box" }>): Extent {
  if (op.kind === "box") return { x0: op.x, y0: op.y, x1: op.x + op.size, y1: op.y + op.size };
  ctx.font = op.font;
  if (op.hand) return handInkExtent(ctx, op);
  const pieces = op.charX
    ? [...op.text].map((char, index) => ({ text: char, x: op.charX?.[index] ?? op.x }))
    : [{ text: op.text, x: op.x }];
  return pieces.reduce<Extent>(
    (extent, piece) => {
      const metrics = ctx.measureText(piece.text);
      return union(extent, {
        x0: piece.x - metrics.actualBoundingBoxLeft,
        y0: op.baseline - metrics.actualBoundingBoxAscent,
        x1: piece.x + metrics.actualBoundingBoxRight,
        y1: op.baseline + metrics.actualBoundingBoxDescent,
      });
    },
    { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity },
  );
}

/** Each letter's box turned and scaled as it was drawn. */
function handInkExtent(ctx: SKRSContext2D, op: Extract<Op, { kind: "text" }>): Extent {
  let extent: Extent = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  [...op.text].forEach((char, index) => {
    const metrics = ctx.measureText(char);
    const scale = op.hand?.scale[index] ?? 1;
    const angle = op.hand?.angle[index] ?? 0;
    const originX = op.charX?.[index] ?? op.x;
    const originY = op.baseline + (op.hand?.dy[index] ?? 0);
    const left = -metrics.actualBoundingBoxLeft * scale;
    const right = metrics.actualBoundingBoxRight * scale;
    const top = -metrics.actualBoundingBoxAscent * scale;
    const bottom = metrics.actualBoundingBoxDescent * scale;
    for (const [cx, cy] of [
      [left, top],
      [right, top],
      [left, bottom],
      [right, bottom],
    ] as const) {
      const x = originX + cx * Math.cos(angle) - cy * Math.sin(angle);
      const y = originY + cx * Math.sin(angle) + cy * Math.cos(angle);
      extent = union(extent, { x0: x, y0: y, x1: x, y1: y });
    }
  });
  return extent;
}

function union(a: Extent, b: Extent): Extent {
  return {
    x0: Math.min(a.x0, b.x0),
    y0: Math.min(a.y0, b.y0),
    x1: Math.max(a.x1, b.x1),
    y1: Math.max(a.y1, b.y1),
  };
}

function toBBox(extent: Extent): BBox {
  const x = Math.floor(extent.x0);
  const y = Math.floor(extent.y0);
  return [x, y, Math.ceil(extent.x1) - x, Math.ceil(extent.y1) - y];
}

/** Text pieces of one band that share a baseline form one line, read left to right. */
function readingLines(ops: readonly Op[]): string[] {
  const texts = ops.filter((op): op is Extract<Op, { kind: "text" }> => op.kind === "text");
  const bands = new Map<number, Extract<Op, { kind: "text" }>[]>();
  for (const op of texts) bands.set(op.band, [...(bands.get(op.band) ?? []), op]);
  const lines: string[] = [];
  for (const band of [...bands.keys()].sort((a, b) => a - b)) {
    const pieces = [...(bands.get(band) ?? [])].sort((a, b) => a.baseline - b.baseline);
    const groups: (typeof pieces)[] = [];
    for (const piece of pieces) {
      const group = groups.at(-1);
      const tolerance = Number.parseFloat(piece.font) * 0.4;
      if (
        group &&
        Math.abs((group[0] as (typeof pieces)[number]).baseline - piece.baseline) < tolerance
      ) {
        group.push(piece);
      } else {
        groups.push([piece]);
      }
    }
    for (const group of groups) {
      lines.push(
        group
          .sort((a, b) => a.x - b.x)
          .map((piece) => piece.text)
          .join(" "),
      );
    }
  }
  return lines;
}

function choicePrinted(content: ChoiceContent): { printed: string; circled?: string[] } {
  if (content.mark === "circle") {
    return {
      printed: content.options.map((option) => option.label).join("\u3000"),
      circled: content.options.filter((option) => option.selected).map((option) => option.label),
    };
  }
  const ticked = content.mark === "check" ? "☑" : "■";
  return {
    printed: content.options
      .map((option) => `${option.selected ? ticked : "□"} ${option.label}`)
      .join(" "),
  };
}

function fieldTruth(field: FormField, bbox: BBox): FieldTruth {
  const shown =
    field.content.kind === "choice"
      ? choicePrinted(field.content)
      : { printed: field.content.printed, circled: field.content.circled };
  return {
    label: field.label,
    group: field.group,
    printed: shown.printed,
    value: field.value,
    bbox,
    ...(shown.circled?.length ? { circled: shown.circled } : {}),
    ...(field.handwritten ? { handwritten: true as const } : {}),
  };
}

function entryTruth(entry: ProgressEntry, bbox: BBox): EntryTruth {
  return {
    date: entry.date.value,
    method: entry.method.value,
    content: entry.content.normalize("NFKC"),
    staff: entry.staff.value,
    printed: {
      date: entry.date.printed,
      method: entry.method.printed,
      content: entry.content,
      staff: entry.staff.printed,
    },
    bbox,
  };
}

export function collectTruth(
  ctx: SKRSContext2D,
  spec: FormSpec,
  page: FormTruth["page"],
  ops: readonly Op[],
): FormTruth {
  const fieldExtents = new Map<FieldKey, Extent>();
  const entryExtents = new Map<number, Extent>();
  const numberExtents = new Map<number, Extent>();
  for (const op of ops) {
    if ((op.kind !== "text" && op.kind !== "box") || !op.target) continue;
    const extent = inkExtent(ctx, op);
    if ("field" in op.target) {
      const previous = fieldExtents.get(op.target.field);
      fieldExtents.set(op.target.field, previous ? union(previous, extent) : extent);
    } else if ("entry" in op.target) {
      const previous = entryExtents.get(op.target.entry);
      entryExtents.set(op.target.entry, previous ? union(previous, extent) : extent);
    } else {
      const previous = numberExtents.get(op.target.individualNumber);
      numberExtents.set(op.target.individualNumber, previous ? union(previous, extent) : extent);
    }
  }
  const fields: FormTruth["fields"] = {};
  const allFields = [
    ...(spec.dateLine ? [spec.dateLine] : []),
    ...spec.rows.flatMap((row) =>
      row.kind === "cells" ? row.fields : row.kind === "block" ? [row.field] : [],
    ),
  ];
  for (const field of allFields) {
    const extent = fieldExtents.get(field.key);
    if (!extent) throw new Error(`Field ${field.key} was not drawn`);
    fields[field.key] = fieldTruth(field, toBBox(extent));
  }
  const table = spec.rows.find((row) => row.kind === "progress-table");
  const individualNumbers = spec.rows
    .filter((row) => row.kind === "individual-number")
    .map((row, index): IndividualNumberTruth => {
      const extent = numberExtents.get(index);
      if (!extent) throw new Error(`Individual number ${index} was not drawn`);
      return {
        printed: row.printed,
        digits: row.digits,
        bbox: toBBox(extent),
        ...(row.handwritten ? { handwritten: true as const } : {}),
      };
    });
  return {
    docType: spec.docType,
    title: spec.title,
    page,
    fields,
    ...(table
      ? {
          entries: table.entries.map((entry, index) => {
            const extent = entryExtents.get(index);
            if (!extent) throw new Error(`Progress entry ${index} was not drawn`);
            return entryTruth(entry, toBBox(extent));
          }),
        }
      : {}),
    ...(individualNumbers.length > 0 ? { individualNumbers } : {}),
    lines: readingLines(ops),
  };
}
