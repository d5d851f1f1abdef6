import { Command } from "commander";
import { type Config, ConfigError, loadConfig } from "../config/config.ts";
import { FormDefinitionsError } from "../config/forms/municipality-forms.ts";
import { logger } from "../config/logger.ts";
import { EmbeddedDatabaseInUseError } from "../storage/db/embedded-database-lock.ts";
import { RedisUnavailableError } from "../storage/redis/private-redis-server.ts";
import { configCommand } from "./commands/config-command.ts";
import { demoCommand } from "./commands/demo-command.ts";
import { extractCommand } from "./commands/extract-command.ts";
import { ingestCommand } from "./commands/ingest-command.ts";
import { serveCommand } from "./commands/serve-command.ts";
import { sheetsCommand } from "./commands/sheets-command.ts";
import { statusCommand } from "./commands/status-command.ts";
import { userAddCommand } from "./commands/user-command.ts";
import { watchCommand } from "./commands/watch-command.ts";
import { workerCommand } from "./commands/worker-command.ts";

/** Loads the configuration once, runs a command, and turns known failures into clear messages. */
function run(command: (config: Config) => Promise<number> | number, defaultLogLevel = "warn") {
  return async () => {
    try {
      const config = loadConfig();
      logger.level = config.logLevel ?? defaultLogLevel;
      process.exitCode = await command(config);
    } catch (error) {
      if (
        error instanceof ConfigError ||
        error instanceof FormDefinitionsError ||
        error instanceof RedisUnavailableError ||
        error instanceof EmbeddedDatabaseInUseError
      ) {
        console.error(error.message);
        process.exitCode = 2;
        return;
      }
      throw error;
    }
  };
}

// `kamiroku extract … --json | head`: a reader that stops early is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const program = new Command()
  .name("kamiroku")
  .description("紙録: scanned welfare-consultation case files → verified digital records");

program
  .command("config")
  .description("print the effective configuration (secrets masked)")
  .action(run(configCommand));

program
  .command("ingest")
  .description("store and queue scanned files (PDF, TIFF, JPEG, PNG) or folders of them")
  .argument("<paths...>", "files or folders")
  .option("-b, --batch <name>", "batch name (default: batch-<date-time>)")
  .option("-w, --wait", "wait until the batch is processed, showing progress")
  .action((paths: string[], options) => run((config) => ingestCommand(config, paths, options))());

program
  .command("status")
  .description("batches and their progress, or one batch file by file")
  .argument("[batch]", "batch name")
  .action((batch: string | undefined) => run((config) => statusCommand(config, batch))());

program
  .command("serve")
  .description("API, upload, UI and workers in one process")
  .action(run(serveCommand, "info"));
program
  .command("worker")
  .description("pipeline workers only (scale-out)")
  .action(run(workerCommand, "info"));

program
  .command("extract")
  .description("split, OCR and extract one file in this process (no Redis, no database)")
  .argument("<file>", "scanned file")
  .option("--json", "print kamiroku.record/v1 records as a JSON array")
  .option("--pdf <out.pdf>", "also write the file's searchable PDF (page images + OCR text layer)")
  .action((file: string, options) => run((config) => extractCommand(config, file, options))());

program
  .command("sheets")
  .description("print separator sheets (区切り紙) as an A4 PDF: QR code and metadata as text")
  .requiredOption("--batch <name>", "batch name printed on the sheets")
  .requiredOption("--agency <name>", "相談支援機関 the case files belong to")
  .option("--box <number>", "箱番号 of the archive box")
  .option("--case <number>", "ケース番号 (leave out to fill in one sheet per case file)")
  .option("--count <n>", "how many sheets, serials 1..n", "1")
  .requiredOption("--out <file.pdf>", "where to write the PDF")
  .action((options) => run(() => sheetsCommand(options))());

program
  .command("watch")
  .description(
    "hot folder: ingest what scanners write into <dir>, then move it to done/ or failed/",
  )
  .argument("<dir>", "the folder scanners write into")
  .option("-b, --batch <name>", "batch name (default: hot-folder-<date>)")
  .option("--agency <name>", "相談支援機関 the batch belongs to (default: the default agency)")
  .option("--settle <seconds>", "take a file once it has not changed for this long", "5")
  .action((dir: string, options) =>
    run(
      (config) => watchCommand(config, dir, { ...options, settleSeconds: options.settle }),
      "info",
    )(),
  );

program
  .command("user")
  .description("manage accounts of the review UI")
  .command("add")
  .description("create an account (the first admin, before `kamiroku serve`)")
  .argument("<login>", "login name")
  .requiredOption("--name <display name>", "name shown in the UI and the audit trail")
  .requiredOption("--role <role>", "clerk | reviewer | admin")
  .requiredOption("--agency <name>", "相談支援機関 the person works for (created if new)")
  .option("--contracted", "a new agency is a contracted one (委託先)")
  .option("--password-stdin", "read the password from stdin instead of a prompt")
  .action((login: string, options) => run((config) => userAddCommand(config, login, options))());

program
  .command("demo")
  .description("process the bundled sample scans end to end")
  .action(run(demoCommand));

await program.parseAsync();
