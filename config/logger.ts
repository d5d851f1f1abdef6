import { pino } from "pino";

/**
 * Process-wide structured logger, on stderr so that stdout stays for command output
 * (`kamiroku extract --json`). Log lines carry ids, counts, stage names and error codes only:
 * never file names, OCR text or field values, which are personal data. The CLI sets the level
 * from the configuration.
 */
export const logger = pino(
  {
    base: { pid: process.pid },
    redact: { paths: ["fileName", "text", "value"], censor: "[redacted]" },
  },
  pino.destination(2),
);
