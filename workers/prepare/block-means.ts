import type { GreyImage } from "./raster.ts";

/** Mean grey level of each block×block square (the last row and column may be partial). */
export interface BlockGrid {
  values: Float32Array;
  columns: number;
  rows: number;
}

export function blockMeans({ pixels, width, height }: GreyImage, block: number): BlockGrid {
  const columns = Math.ceil(width / block);
  const rows = Math.ceil(height / block);
  const values = new Float32Array(columns * rows);
  const rowSums = new Float64Array(columns);
  for (let r = 0; r < rows; r++) {
    rowSums.fill(0);
    const yEnd = Math.min(height, (r + 1) * block);
    for (let y = r * block; y < yEnd; y++) {
      const offset = y * width;
      for (let c = 0; c < columns; c++) {
        let sum = 0;
        const end = offset + Math.min(width, (c + 1) * block);
        for (let i = offset + c * block; i < end; i++) sum += pixels[i] as number;
        rowSums[c] = (rowSums[c] as number) + sum;
      }
    }
    const blockHeight = yEnd - r * block;
    for (let c = 0; c < columns; c++) {
      const count = blockHeight * (Math.min(width, (c + 1) * block) - c * block);
      values[r * columns + c] = (rowSums[c] as number) / count;
    }
  }
  return { values, columns, rows };
}
