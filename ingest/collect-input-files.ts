import fs from "node:fs/promises";
import path from "node:path";

export interface InputFiles {
  files: string[];
  /** Paths that were named but do not exist. */
  missing: string[];
}

/**
 * Expands the paths a clerk named into files, folders recursively and in name order, so that a
 * scanner's numbered output is ingested in sequence. Hidden files (.DS_Store, ._x) are skipped.
 */
export async function collectInputFiles(paths: string[]): Promise<InputFiles> {
  const result: InputFiles = { files: [], missing: [] };
  for (const given of paths) {
    const stat = await fs.stat(given).catch(() => null);
    if (!stat) {
      result.missing.push(given);
    } else if (stat.isDirectory()) {
      const entries = await fs.readdir(given, { withFileTypes: true });
      const children = entries
        .filter((entry) => !entry.name.startsWith("."))
        .map((entry) => path.join(given, entry.name))
        .sort((a, b) => a.localeCompare(b, "ja", { numeric: true }));
      const nested = await collectInputFiles(children);
      result.files.push(...nested.files);
    } else if (stat.isFile()) {
      result.files.push(given);
    }
  }
  return result;
}
