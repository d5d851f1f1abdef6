import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

/** SHA-256 (lowercase hex) of a file, read as a stream. */
export async function sha256OfFile(filePath: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
