/** An A4 sheet at a given resolution: its size in pixels and the units a layout measures in. */
const A4_MM = { width: 210, height: 297 };

export interface Geometry {
  dpi: number;
  width: number;
  height: number;
  mm(value: number): number;
  pt(value: number): number;
  thin: number;
  thick: number;
}

export function geometryFor(dpi: number): Geometry {
  const mm = (value: number) => (value * dpi) / 25.4;
  const thin = Math.max(1, Math.round(dpi / 200));
  return {
    dpi,
    width: Math.round(mm(A4_MM.width)),
    height: Math.round(mm(A4_MM.height)),
    mm,
    pt: (value) => (value * dpi) / 72,
    thin,
    thick: thin + 1,
  };
}
