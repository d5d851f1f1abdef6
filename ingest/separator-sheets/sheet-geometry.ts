/**
 * Where things are on a printed separator sheet, in millimetres on A4 portrait. The split stage
 * reads the same numbers to know what a sheet looks like in a scan, so print and detection
 * cannot drift apart.
 */
export const SHEET_PAGE_MM = { width: 210, height: 297 } as const;

/**
 * The thick black frame people recognise the sheet by, and the split stage too when the QR
 * code is damaged. Inset far enough from the edge that every office printer prints it whole
 * and a scanner's dark lid or bed border never touches it.
 */
export const SHEET_FRAME = { insetMm: 10, thicknessMm: 6 } as const;

/**
 * The QR code's printed size (the symbol, without its quiet zone). At the longest payload
 * (every field at its limit in kanji: version 13 at level M, 69 modules) a module is 1.45 mm:
 * 8.5 pixels at 150 dpi, and 4 or more once the split stage has shrunk the page to look at it.
 */
export const SHEET_QR = { sizeMm: 100, topMm: 62, errorCorrection: "M" } as const;

/** The largest QR version a valid sheet needs (checked by the payload tests). */
export const SHEET_QR_MAX_VERSION = 13;
