import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../review-ui/auth/passwords.ts";
import { openDatabase } from "../../storage/db/open-database.ts";
import { UserRepository } from "../../storage/repositories/user-repository.ts";

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "kamiroku-user-add-"));

function kamiroku(args: string[], stdin: string) {
  return spawnSync("npx", ["tsx", "cli/main.ts", ...args], {
    input: stdin,
    encoding: "utf8",
    env: { ...process.env, KAMIROKU_DATA_DIR: dataDir, DATABASE_URL: "" },
  });
}

describe("kamiroku user add", () => {
  afterAll(async () => {
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it("creates the first admin and their agency on the embedded database, password from stdin", async () => {
    const result = kamiroku(
      [
        "user",
        "add",
        "chief",
        "--name",
        "福祉 課長",
        "--role",
        "admin",
        "--agency",
        "市役所 福祉課",
        "--password-stdin",
      ],
      "a long password 1\n",
    );
    expect(result.stderr).toContain("相談支援機関「市役所 福祉課」を作成しました");
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain("a long password 1");

    const weak = kamiroku(
      [
        "user",
        "add",
        "second",
        "--name",
        "二人目",
        "--role",
        "reviewer",
        "--agency",
        "市役所 福祉課",
        "--password-stdin",
      ],
      "short\n",
    );
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain("10 文字以上");

    const db = await openDatabase({ embeddedDir: path.join(dataDir, "db") });
    try {
      const found = await new UserRepository(db).findForLogin("chief");
      expect(found?.user).toMatchObject({ role: "admin", agency: { name: "市役所 福祉課" } });
      expect(found?.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(found?.passwordHash ?? "", "a long password 1")).toBe(true);
      expect(await new UserRepository(db).findForLogin("second")).toBeNull();
    } finally {
      await db.close();
    }
  });
});
