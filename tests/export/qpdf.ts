import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * `qpdf --check` on a PDF: its report when qpdf finds the file sound, else throws with it, for a
 * warning too (qpdf warns of what it had to repair, such as a wrong xref offset). qpdf is a
 * Debian package .ci/run installs; without it this throws rather than the test passing unchecked.
 */
export function qpdfCheck(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "kamiroku-qpdf-"));
  try {
    const path = join(dir, "checked.pdf");
    writeFileSync(path, pdf);
    return execFileSync("qpdf", ["--check", path], { encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error("qpdf is not installed: apt-get install qpdf (as .ci/run does)");
    }
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`qpdf --check failed:\n${stdout ?? ""}${stderr ?? ""}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
