/**
 * Reverses the PNG row filters (PDF FlateDecode /Predictor 10–15, ISO 32000-1 §7.4.4.4): each
 * row starts with a byte naming the filter used for that row, whatever the /Predictor says.
 * Throws on an unknown filter byte, which means the data is damaged.
 */
export function undoPngPredictor(
  filtered: Uint8Array,
  layout: { rowBytes: number; bytesPerPixel: number; rows: number },
): Buffer {
  const { rowBytes, bytesPerPixel: bpp, rows } = layout;
  const out = Buffer.alloc(rowBytes * rows);
  for (let y = 0; y < rows; y++) {
    const source = y * (rowBytes + 1);
    const filter = filtered[source];
    const row = y * rowBytes;
    const above = row - rowBytes;
    for (let x = 0; x < rowBytes; x++) {
      const raw = filtered[source + 1 + x] as number;
      const left = x >= bpp ? (out[row + x - bpp] as number) : 0;
      const up = y > 0 ? (out[above + x] as number) : 0;
      const upLeft = x >= bpp && y > 0 ? (out[above + x - bpp] as number) : 0;
      out[row + x] = raw + predict(filter, left, up, upLeft);
    }
  }
  return out;
}

function predict(filter: number | undefined, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4: {
      const estimate = left + up - upLeft;
      const toLeft = Math.abs(estimate - left);
      const toUp = Math.abs(estimate - up);
      const toUpLeft = Math.abs(estimate - upLeft);
      if (toLeft <= toUp && toLeft <= toUpLeft) return left;
      return toUp <= toUpLeft ? up : upLeft;
    }
    default:
      throw new Error(`unknown PNG row filter ${filter}`);
  }
}
