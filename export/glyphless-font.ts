/**
 * A TrueType font with two empty glyphs (.notdef and one that every character maps to), each one
 * em wide: the font of the invisible text layer, as tesseract and OCRmyPDF use. Text drawn
 * invisibly needs no shapes, only advances and a ToUnicode map, so any character — every kanji,
 * including those outside JIS and the BMP — can be written with it, the PDF carries no font file
 * worth mentioning, and no CJK font has to be installed where the PDF is made.
 */

/** Font units per em; also each glyph's advance, so that a character is as wide as it is tall. */
export const GLYPHLESS_UNITS_PER_EM = 1000;

/** The glyph every character code is mapped to (0 is .notdef). */
export const GLYPHLESS_GLYPH_ID = 1;

const GLYPH_COUNT = 2;

/**
 * The font program, in the tables a TrueType font embedded under a CIDFontType2 needs (PDF
 * 32000-1, 9.9): no cmap, since the PDF maps codes to glyphs itself (CIDToGIDMap); no outlines.
 */
export function glyphlessTrueType(): Uint8Array {
  const em = GLYPHLESS_UNITS_PER_EM;
  const tables: [string, Uint8Array][] = [
    // No outlines: every glyph is empty (its loca offsets are equal). One unused word all the
    // same, since readers such as pdf.js take a zero-length table for a missing one.
    ["glyf", new Uint8Array(4)],
    [
      "head",
      words([
        [32, 0x00010000], // version 1.0
        [32, 0x00010000], // fontRevision
        [32, 0], // checkSumAdjustment, set below
        [32, 0x5f0f3cf5], // magicNumber
        [16, 0b11], // flags: baseline at y=0, left side bearing at x=0
        [16, em], // unitsPerEm
        [32, 0], // created (64 bits); zero keeps the bytes, and so the PDF, reproducible
        [32, 0],
        [32, 0], // modified (64 bits)
        [32, 0],
        [16, 0], // xMin
        [16, 0], // yMin
        [16, em], // xMax
        [16, em], // yMax
        [16, 0], // macStyle
        [16, 3], // lowestRecPPEM
        [16, 2], // fontDirectionHint
        [16, 0], // indexToLocFormat: short offsets
        [16, 0], // glyphDataFormat
      ]),
    ],
    [
      "hhea",
      words([
        [32, 0x00010000], // version 1.0
        [16, em], // ascender
        [16, 0], // descender
        [16, 0], // lineGap
        [16, em], // advanceWidthMax
        [16, 0], // minLeftSideBearing
        [16, 0], // minRightSideBearing
        [16, 0], // xMaxExtent
        [16, 1], // caretSlopeRise
        [16, 0], // caretSlopeRun
        [16, 0], // caretOffset
        [16, 0], // reserved ×4
        [16, 0],
        [16, 0],
        [16, 0],
        [16, 0], // metricDataFormat
        [16, GLYPH_COUNT], // numberOfHMetrics
      ]),
    ],
    // advanceWidth and leftSideBearing of each glyph.
    [
      "hmtx",
      words([
        [16, em],
        [16, 0],
        [16, em],
        [16, 0],
      ]),
    ],
    // Short offsets of each glyph and of the end: all equal, all glyphs empty.
    [
      "loca",
      words([
        [16, 0],
        [16, 0],
        [16, 0],
      ]),
    ],
    [
      "maxp",
      words([
        [32, 0x00010000], // version 1.0
        [16, GLYPH_COUNT], // numGlyphs
        ...Array.from({ length: 13 }, (_, i) => [16, i === 4 ? 2 : 0] as const), // maxZones 2, rest 0
      ]),
    ],
  ];
  return assembleSfnt(tables);
}

type Word = readonly [bits: 16 | 32, value: number];

function words(values: readonly Word[]): Uint8Array {
  const bytes = new Uint8Array(values.reduce((sum, [bits]) => sum + bits / 8, 0));
  const view = new DataView(bytes.buffer);
  let offset = 0;
  for (const [bits, value] of values) {
    if (bits === 16) view.setUint16(offset, value);
    else view.setUint32(offset, value);
    offset += bits / 8;
  }
  return bytes;
}

/** The offset table, the table directory (tags in order) and the tables, each 4-byte aligned. */
function assembleSfnt(tables: readonly [string, Uint8Array][]): Uint8Array {
  const sorted = [...tables].sort(([a], [b]) => (a < b ? -1 : 1));
  const headerSize = 12 + 16 * sorted.length;
  const size = sorted.reduce((sum, [, data]) => sum + padded(data.length), headerSize);
  const font = new Uint8Array(size);
  const view = new DataView(font.buffer);
  const power = 2 ** Math.floor(Math.log2(sorted.length));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, sorted.length);
  view.setUint16(6, power * 16); // searchRange
  view.setUint16(8, Math.log2(power)); // entrySelector
  view.setUint16(10, sorted.length * 16 - power * 16); // rangeShift
  let offset = headerSize;
  let headOffset = 0;
  for (const [index, [tag, data]] of sorted.entries()) {
    const record = 12 + 16 * index;
    for (let i = 0; i < 4; i++) view.setUint8(record + i, tag.charCodeAt(i));
    view.setUint32(record + 4, checksum(data));
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, data.length);
    font.set(data, offset);
    if (tag === "head") headOffset = offset;
    offset += padded(data.length);
  }
  view.setUint32(headOffset + 8, (0xb1b0afba - checksum(font)) >>> 0);
  return font;
}

function padded(length: number): number {
  return Math.ceil(length / 4) * 4;
}

/** Sum of the big-endian 32-bit words, the data zero-padded to a whole word. */
function checksum(data: Uint8Array): number {
  const whole = new Uint8Array(padded(data.length));
  whole.set(data);
  const view = new DataView(whole.buffer);
  let sum = 0;
  for (let offset = 0; offset < whole.length; offset += 4) {
    sum = (sum + view.getUint32(offset)) >>> 0;
  }
  return sum;
}
