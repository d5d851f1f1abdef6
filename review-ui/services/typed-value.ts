import type {
  ChoiceOptionDefinition,
  FieldDefinition,
  TableColumnDefinition,
} from "../../config/forms/form-definitions.ts";
import { normaliseValue } from "../../workers/extract/normalise-value.ts";

/** A value a reviewer typed, normalised as extraction normalises it, or why it cannot be. */
export type TypedValue = { ok: true; value: unknown } | { ok: false; reason: string };

type Typed = Pick<FieldDefinition, "type" | "options" | "columns" | "plausibility" | "labels">;

/**
 * The reviewer types values the way the paper has them (R5.4.12, 令和5年4月12日, ０４３…) and the
 * same normalisers as extraction turn them into the spec's form. Choices arrive as option codes.
 * An empty string or null clears the field.
 */
export function parseTypedValue(field: Typed, input: unknown, today: string): TypedValue {
  if (input === null || input === "") return { ok: true, value: null };
  switch (field.type) {
    case "choice":
      return parseChoice(field.options ?? [], input);
    case "boolean":
      return typeof input === "boolean"
        ? { ok: true, value: input }
        : { ok: false, reason: "はい・いいえを選んでください" };
    case "multichoice":
      return parseMultichoice(field.options ?? [], input);
    case "table":
      return parseTable(field.columns ?? [], input, today);
    default: {
      if (typeof input !== "string") return { ok: false, reason: "文字で入力してください" };
      const normalised = normaliseValue(field.type, input, {
        plausibility: field.plausibility,
        today,
      });
      return normalised.ok
        ? { ok: true, value: normalised.value }
        : { ok: false, reason: normalised.reason };
    }
  }
}

function parseChoice(options: readonly ChoiceOptionDefinition[], input: unknown): TypedValue {
  const option = options.find((each) => each.code === input);
  return option
    ? { ok: true, value: option.code }
    : { ok: false, reason: "選択肢から選んでください" };
}

function parseMultichoice(options: readonly ChoiceOptionDefinition[], input: unknown): TypedValue {
  if (!Array.isArray(input)) return { ok: false, reason: "選択肢から選んでください" };
  if (input.some((code) => !options.some((option) => option.code === code))) {
    return { ok: false, reason: "選択肢にない値があります" };
  }
  // In the order the form prints them, each once.
  return { ok: true, value: options.filter((o) => input.includes(o.code)).map((o) => o.code) };
}

function parseTable(
  columns: readonly TableColumnDefinition[],
  input: unknown,
  today: string,
): TypedValue {
  if (!Array.isArray(input)) return { ok: false, reason: "表の行を入力してください" };
  const rows: Record<string, unknown>[] = [];
  for (const [index, row] of input.entries()) {
    if (typeof row !== "object" || row === null) {
      return { ok: false, reason: `${index + 1} 行目が読めません` };
    }
    const parsed: Record<string, unknown> = {};
    for (const column of columns) {
      const cell = parseTypedValue(
        column,
        (row as Record<string, unknown>)[column.key] ?? null,
        today,
      );
      if (!cell.ok)
        return { ok: false, reason: `${index + 1} 行目「${column.labels[0]}」: ${cell.reason}` };
      parsed[column.key] = cell.value;
    }
    if (Object.values(parsed).some((value) => value !== null)) rows.push(parsed);
  }
  return { ok: true, value: rows };
}
