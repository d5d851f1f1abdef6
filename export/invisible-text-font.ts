import { type PDFContext, PDFHexString, type PDFRef, PDFString } from "pdf-lib";
import { GLYPHLESS_GLYPH_ID, GLYPHLESS_UNITS_PER_EM, glyphlessTrueType } from "./glyphless-font.ts";

const FONT_NAME = "GlyphLessFont";
/** Two-byte codes (Identity-H); 0 is left unused, as .notdef's. */
const MAX_CODE = 0xffff;
/** A CMap may hold at most 100 mappings per bfchar block. */
const BFCHAR_BLOCK = 100;

/**
 * The font of a searchable PDF's text layer: a Type0 font over the glyphless TrueType font, whose
 * ToUnicode map is what makes the text searchable and copyable. Each distinct character of the
 * document gets the next free two-byte code on first use, so that the map lists only what the
 * document uses and any Unicode character, outside the BMP too, maps back exactly.
 */
export class InvisibleTextFont {
  /** Where the font dictionary will be; usable in page resources before `embed`. */
  readonly ref: PDFRef;
  private readonly codes = new Map<string, number>();

  constructor(private readonly context: PDFContext) {
    this.ref = context.nextRef();
  }

  /** The text as a string of this font's codes, one per character (code point). */
  encode(text: string): PDFHexString {
    let hex = "";
    for (const char of text) {
      let code = this.codes.get(char);
      if (code === undefined) {
        code = this.codes.size + 1;
        if (code > MAX_CODE) throw new Error("more distinct characters than two-byte codes");
        this.codes.set(char, code);
      }
      hex += hex4(code);
    }
    return PDFHexString.of(hex);
  }

  /** Writes the font's objects; once, after the last `encode`, since the maps list every code. */
  embed(): void {
    const { context } = this;
    const fontFile = glyphlessTrueType();
    const descriptor = context.obj({
      Type: "FontDescriptor",
      FontName: FONT_NAME,
      Flags: 5, // fixed pitch, symbolic
      FontBBox: [0, 0, GLYPHLESS_UNITS_PER_EM, GLYPHLESS_UNITS_PER_EM],
      ItalicAngle: 0,
      // The em box stands on the baseline, so a selection covers the word box the text fills.
      // -1, not 0: readers such as poppler take a zero descent for a missing one and assume
      // ~0.35 em below the baseline.
      Ascent: GLYPHLESS_UNITS_PER_EM,
      Descent: -1,
      CapHeight: GLYPHLESS_UNITS_PER_EM,
      StemV: 80,
      FontFile2: context.register(context.flateStream(fontFile, { Length1: fontFile.length })),
    });
    const cidFont = context.obj({
      Type: "Font",
      Subtype: "CIDFontType2",
      BaseFont: FONT_NAME,
      CIDSystemInfo: {
        Registry: PDFString.of("Adobe"),
        Ordering: PDFString.of("Identity"),
        Supplement: 0,
      },
      FontDescriptor: context.register(descriptor),
      DW: GLYPHLESS_UNITS_PER_EM,
      CIDToGIDMap: context.register(context.flateStream(this.glyphMap())),
    });
    context.assign(
      this.ref,
      context.obj({
        Type: "Font",
        Subtype: "Type0",
        BaseFont: FONT_NAME,
        Encoding: "Identity-H",
        DescendantFonts: [context.register(cidFont)],
        ToUnicode: context.register(context.flateStream(this.toUnicode())),
      }),
    );
  }

  /** Every used code to the one empty glyph: two bytes per code, code 0 (unused) to .notdef. */
  private glyphMap(): Uint8Array {
    const map = new Uint8Array(2 * (this.codes.size + 1));
    const view = new DataView(map.buffer);
    for (let code = 1; code <= this.codes.size; code++) {
      view.setUint16(2 * code, GLYPHLESS_GLYPH_ID);
    }
    return map;
  }

  private toUnicode(): string {
    const entries = [...this.codes].map(([char, code]) => `<${hex4(code)}> <${utf16Hex(char)}>`);
    const blocks: string[] = [];
    for (let start = 0; start < entries.length; start += BFCHAR_BLOCK) {
      const block = entries.slice(start, start + BFCHAR_BLOCK);
      blocks.push(`${block.length} beginbfchar\n${block.join("\n")}\nendbfchar`);
    }
    return [
      "/CIDInit /ProcSet findresource begin",
      "12 dict begin",
      "begincmap",
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
      "/CMapName /Adobe-Identity-UCS def",
      "/CMapType 2 def",
      "1 begincodespacerange",
      "<0000> <FFFF>",
      "endcodespacerange",
      ...blocks,
      "endcmap",
      "CMapName currentdict /CMap defineresource pop",
      "end",
      "end",
    ].join("\n");
  }
}

function hex4(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, "0");
}

/** UTF-16BE, a surrogate pair for a character outside the BMP. */
function utf16Hex(char: string): string {
  let hex = "";
  for (let i = 0; i < char.length; i++) hex += hex4(char.charCodeAt(i));
  return hex;
}
