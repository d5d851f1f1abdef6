import { WELFARE_TERMS } from "./welfare-terms.ts";

/** One word put back: what OCR read and the word it was read for. */
export interface TermCorrection {
  read: string;
  term: string;
}

/**
 * The scripts a character may be put back within: OCR misreads a kanji as another kanji (員 as
 * 具), but a kanji against a katakana is a window cut across two words (相談支援セ|ンター is no
 * misread 相談支援員). Digits and punctuation are never replaced.
 */
const SCRIPTS = [/\p{Script=Han}/u, /\p{Script=Hiragana}/u, /[\p{Script=Katakana}ー]/u];

function sameScript(read: string, meant: string): boolean {
  return SCRIPTS.some((script) => script.test(read) && script.test(meant));
}
const WILDCARD = "\u0000";

/**
 * The words misreadings are put back to, indexed by their spelling with one character left out:
 * a text window that matches a key is at one wrong character from the terms under it. The
 * welfare terms, with a municipality's own words (its agencies, its places) where its form
 * definitions list them.
 */
export class TermList {
  readonly terms: ReadonlySet<string>;
  readonly lengths: readonly number[];
  private readonly byKey = new Map<string, Set<string>>();

  constructor(terms: readonly string[]) {
    this.terms = new Set(terms);
    this.lengths = [...new Set(terms.map((term) => Array.from(term).length))].sort((a, b) => b - a);
    for (const term of terms) {
      const chars = Array.from(term);
      chars.forEach((_, index) => {
        const key = withWildcard(chars, index);
        const near = this.byKey.get(key) ?? new Set<string>();
        near.add(term);
        this.byKey.set(key, near);
      });
    }
  }

  /**
   * The one term at one wrong character from `window`, and where that character is, if exactly
   * one term is.
   */
  nearest(window: readonly string[]): { term: string; at: number } | null {
    const near = new Map<string, number>();
    window.forEach((char, index) => {
      for (const term of this.byKey.get(withWildcard(window, index)) ?? []) {
        if (sameScript(char, Array.from(term)[index] ?? "")) near.set(term, index);
      }
    });
    const [only, another] = near;
    return only && !another ? { term: only[0], at: only[1] } : null;
  }
}

function withWildcard(chars: readonly string[], index: number): string {
  return chars.map((char, at) => (at === index ? WILDCARD : char)).join("");
}

export const WELFARE_TERM_LIST = new TermList(WELFARE_TERMS);

/**
 * A word of the consultation records read with one wrong character (世帯 as 世淀, 支援員 as
 * 支援具, 督促状 as 骨促状) put back, longest words first. A window that is itself a word is left
 * alone, and so is one at one character from two words; the character put back may not belong
 * to a word read right or to one already put back. The caller sends every correction to
 * review: the reviewer sees what was read.
 */
export function correctMisreadTerms(
  text: string,
  terms: TermList = WELFARE_TERM_LIST,
): {
  text: string;
  corrections: TermCorrection[];
} {
  const chars = Array.from(text);
  const settled = wordsReadRight(chars, terms);
  const corrections: TermCorrection[] = [];
  for (const length of terms.lengths) {
    for (let start = 0; start + length <= chars.length; start++) {
      const window = chars.slice(start, start + length);
      const near = terms.nearest(window);
      if (near === null || settled[start + near.at]) continue;
      chars.splice(start, length, ...Array.from(near.term));
      settled.fill(true, start, start + length);
      corrections.push({ read: window.join(""), term: near.term });
    }
  }
  return { text: chars.join(""), corrections };
}

/** Characters inside a word read right: none of them is changed for a longer word. */
function wordsReadRight(chars: readonly string[], terms: TermList): boolean[] {
  const settled = new Array<boolean>(chars.length).fill(false);
  for (const length of terms.lengths) {
    for (let start = 0; start + length <= chars.length; start++) {
      if (terms.terms.has(chars.slice(start, start + length).join("")))
        settled.fill(true, start, start + length);
    }
  }
  return settled;
}
