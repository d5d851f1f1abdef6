import path from "node:path";
import { createInterface } from "node:readline";
import type { Config } from "../../config/config.ts";
import { HttpError } from "../../review-ui/http-error.ts";
import { AdminService } from "../../review-ui/services/admin-service.ts";
import { openDatabase } from "../../storage/db/open-database.ts";
import { AgencyRepository } from "../../storage/repositories/agency-repository.ts";
import { ApiTokenRepository } from "../../storage/repositories/api-token-repository.ts";
import { AuditRepository } from "../../storage/repositories/audit-repository.ts";
import { SessionRepository } from "../../storage/repositories/session-repository.ts";
import { ROLES, type Role, UserRepository } from "../../storage/repositories/user-repository.ts";

export interface UserAddOptions {
  name: string;
  role: string;
  agency: string;
  contracted?: boolean;
  passwordStdin?: boolean;
}

/**
 * `kamiroku user add <login> --name … --role … --agency …`: how the first admin comes to be
 * (later accounts are made in the admin screen). The agency is created when it does not exist.
 * The password is read from stdin, never from the command line where `ps` and shell history see it.
 */
export async function userAddCommand(
  config: Config,
  login: string,
  options: UserAddOptions,
): Promise<number> {
  if (!ROLES.includes(options.role as Role)) {
    console.error(`--role は ${ROLES.join(" / ")} のどれかです`);
    return 2;
  }
  const password = await readPassword(Boolean(options.passwordStdin));
  const db = await openDatabase({
    url: config.databaseUrl,
    embeddedDir: path.join(config.dataDir, "db"),
  });
  try {
    const agencies = new AgencyRepository(db);
    let agency = await agencies.findByName(options.agency);
    if (!agency) {
      agency = await agencies.create(options.agency, options.contracted ? "contracted" : "direct");
      console.error(`相談支援機関「${options.agency}」を作成しました`);
    }
    const admin = new AdminService(
      new UserRepository(db),
      agencies,
      new SessionRepository(db),
      new ApiTokenRepository(db),
      new AuditRepository(db),
    );
    const user = await admin.createUser(
      { kind: "local" },
      {
        login,
        displayName: options.name,
        password,
        role: options.role as Role,
        agencyId: agency?.id ?? "",
      },
    );
    console.log(`利用者 ${user.login}（${user.role}, ${user.agency.name}）を作成しました`);
    return 0;
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    console.error(error.message);
    return 1;
  } finally {
    await db.close();
  }
}

/** One line from stdin: piped (--password-stdin) or typed at a prompt that does not echo it. */
async function readPassword(fromStdin: boolean): Promise<string> {
  if (!fromStdin && !process.stdin.isTTY) {
    throw new Error("パスワードは端末で入力するか、--password-stdin で標準入力から渡してください");
  }
  const prompt = !fromStdin;
  const lines = createInterface({ input: process.stdin, terminal: prompt });
  if (prompt) {
    process.stderr.write("パスワード: ");
    // Echo nothing while the password is typed.
    (lines as unknown as { _writeToOutput: () => void })._writeToOutput = () => {};
  }
  try {
    for await (const line of lines) return line;
    return "";
  } finally {
    lines.close();
    if (prompt) process.stderr.write("\n");
  }
}
