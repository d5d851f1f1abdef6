/**
 * A minimal reader for PDF content streams (ISO 32000-1 §7.8.2): yields each operator with
 * its operands. Only numbers and names are kept as values, since deciding whether a page is
 * a lone scan needs nothing else; strings, arrays and dictionaries are skipped whole.
 */

export type Operand =
  | { kind: "number"; value: number }
  | { kind: "name"; value: string }
  | { kind: "other" };

export interface ContentOperation {
  operator: string;
  operands: Operand[];
}

const OTHER: Operand = { kind: "other" };

/**
 * Stops after an inline image's `BI`: its binary data cannot be skipped without parsing its
 * dictionary, and a page with an inline image is rendered anyway.
 */
export function* contentOperations(bytes: Uint8Array): Generator<ContentOperation> {
  const reader = new TokenReader(bytes);
  let operands: Operand[] = [];
  for (let token = reader.next(); token !== undefined; token = reader.next()) {
    if (token.kind !== "operator") {
      operands.push(token.operand);
      continue;
    }
    yield { operator: token.operator, operands };
    if (token.operator === "BI") return;
    operands = [];
  }
}

type Token = { kind: "operand"; operand: Operand } | { kind: "operator"; operator: string };

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

class TokenReader {
  private position = 0;

  constructor(private readonly bytes: Uint8Array) {}

  next(): Token | undefined {
    this.skipWhitespaceAndComments();
    const byte = this.bytes[this.position];
    if (byte === undefined) return undefined;
    switch (byte) {
      case 0x2f: // "/"
        this.position++;
        return { kind: "operand", operand: { kind: "name", value: this.readName() } };
      case 0x28: // "("
        this.skipLiteralString();
        return { kind: "operand", operand: OTHER };
      case 0x3c: // "<": hex string or "<<" dictionary
        if (this.bytes[this.position + 1] === 0x3c) this.skipNested(">>");
        else this.skipPast(0x3e);
        return { kind: "operand", operand: OTHER };
      case 0x5b: // "["
        this.skipNested("]");
        return { kind: "operand", operand: OTHER };
      case 0x5d:
      case 0x3e:
      case 0x29:
      case 0x7b:
      case 0x7d:
        // A stray delimiter is malformed content; viewers skip it, and so do we.
        this.position++;
        return { kind: "operand", operand: OTHER };
    }
    const word = this.readRegular();
    if (NUMBER.test(word)) return { kind: "operand", operand: { kind: "number", value: +word } };
    if (word === "true" || word === "false" || word === "null") {
      return { kind: "operand", operand: OTHER };
    }
    return { kind: "operator", operator: word };
  }

  private skipWhitespaceAndComments(): void {
    for (;;) {
      const byte = this.bytes[this.position];
      if (byte === undefined) return;
      if (WHITESPACE.has(byte)) this.position++;
      else if (byte === 0x25) {
        while (this.position < this.bytes.length && !isEndOfLine(this.bytes[this.position])) {
          this.position++;
        }
      } else return;
    }
  }

  private readRegular(): string {
    const start = this.position;
    while (this.position < this.bytes.length) {
      const byte = this.bytes[this.position] as number;
      if (WHITESPACE.has(byte) || DELIMITERS.has(byte)) break;
      this.position++;
    }
    return Buffer.from(this.bytes.subarray(start, this.position)).toString("latin1");
  }

  private readName(): string {
    return this.readRegular().replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
  }

  /** Literal strings nest balanced parentheses and escape others with a backslash. */
  private skipLiteralString(): void {
    let depth = 0;
    while (this.position < this.bytes.length) {
      const byte = this.bytes[this.position++];
      if (byte === 0x5c) this.position++;
      else if (byte === 0x28) depth++;
      else if (byte === 0x29 && --depth === 0) return;
    }
  }

  private skipPast(terminator: number): void {
    const end = this.bytes.indexOf(terminator, this.position);
    this.position = end === -1 ? this.bytes.length : end + 1;
  }

  /** Skips an array or dictionary, reading its members as tokens so strings inside are honoured. */
  private skipNested(closing: "]" | ">>"): void {
    this.position += closing.length;
    for (;;) {
      this.skipWhitespaceAndComments();
      if (this.position >= this.bytes.length) return;
      if (this.startsWith(closing)) {
        this.position += closing.length;
        return;
      }
      this.next();
    }
  }

  private startsWith(text: string): boolean {
    for (let i = 0; i < text.length; i++) {
      if (this.bytes[this.position + i] !== text.charCodeAt(i)) return false;
    }
    return true;
  }
}

function isEndOfLine(byte: number | undefined): boolean {
  return byte === 0x0a || byte === 0x0d;
}
