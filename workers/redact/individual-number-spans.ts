import { isValidIndividualNumber } from "./individual-number.ts";

/** One character of OCR text as the search for Individual Numbers sees it. */
export type NumberSymbol =
  | { kind: "digit"; digit: string }
  | { kind: "separator" }
  | { kind: "other" };

const SEPARATOR =
  /[\s\-\u2010-\u2015\u2043\u2212\u30FC\uFF0D\uFF70\uFE63\u4E00|\uFF5C\u2502\u00A6]/u;

/**
 * Digits may be full-width (１２３４). Between groups people write spaces or a dash of any kind
 * (OCR also reads a short dash as 一), and a number written in the 12 boxes of a form comes
 * back with the boxes' rulings (|, │) between the digits.
 */
export function classifyCharacter(char: string): NumberSymbol {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x30 && code <= 0x39) return { kind: "digit", digit: char };
  if (code >= 0xff10 && code <= 0xff19) return { kind: "digit", digit: String(code - 0xff10) };
  return SEPARATOR.test(char) ? { kind: "separator" } : { kind: "other" };
}

interface DigitGroup {
  first: number;
  last: number;
  digits: string;
}

/**
 * The Individual Numbers in a run of symbols, as [first, last] symbol indexes (inclusive) of
 * their first and last digit. A number is one or more consecutive digit groups joined by
 * separators, 12 digits in all, with a valid check digit. A group is never cut, so 12 digits
 * inside a longer run of digits (a 13-digit account number) are not a number.
 *
 * Overlapping candidates are merged rather than the first one kept: in 2023 1234 5678 9018 the
 * first three groups may pass the check digit by chance (1 in 11), and keeping only them would
 * leave 9018 of the real number readable.
 */
export function individualNumberSpans(symbols: readonly NumberSymbol[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const chain of groupChains(symbols)) {
    let merged: { startGroup: number; endGroup: number } | null = null;
    for (let start = 0; start < chain.length; start++) {
      const end = numberEndingAt(chain, start);
      if (end === null) continue;
      if (merged && start <= merged.endGroup) merged.endGroup = end;
      else {
        if (merged) spans.push(symbolSpan(chain, merged.startGroup, merged.endGroup));
        merged = { startGroup: start, endGroup: end };
      }
    }
    if (merged) spans.push(symbolSpan(chain, merged.startGroup, merged.endGroup));
  }
  return spans;
}

function symbolSpan(
  chain: readonly DigitGroup[],
  startGroup: number,
  endGroup: number,
): [number, number] {
  return [chain[startGroup]?.first ?? 0, chain[endGroup]?.last ?? 0];
}

/** Index of the group that completes a valid number begun at `start`, if any. */
function numberEndingAt(chain: readonly DigitGroup[], start: number): number | null {
  let digits = "";
  for (let end = start; end < chain.length; end++) {
    digits += chain[end]?.digits ?? "";
    if (digits.length > 12) return null;
    if (digits.length === 12) return isValidIndividualNumber(digits) ? end : null;
  }
  return null;
}

/** Digit groups, split into chains wherever a character that is neither digit nor separator stands. */
function groupChains(symbols: readonly NumberSymbol[]): DigitGroup[][] {
  const chains: DigitGroup[][] = [];
  let chain: DigitGroup[] = [];
  let group: DigitGroup | null = null;
  for (const [index, symbol] of symbols.entries()) {
    if (symbol.kind === "digit") {
      if (!group) {
        group = { first: index, last: index, digits: "" };
        chain.push(group);
      }
      group.last = index;
      group.digits += symbol.digit;
      continue;
    }
    group = null;
    if (symbol.kind === "other" && chain.length > 0) {
      chains.push(chain);
      chain = [];
    }
  }
  if (chain.length > 0) chains.push(chain);
  return chains;
}
