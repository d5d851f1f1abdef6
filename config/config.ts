import os from "node:os";
import path from "node:path";
import { z } from "zod";

/**
 * Every setting Kamiroku reads from the environment, with its default and meaning.
 * This module is the only reader of process.env (see README "Configuration").
 */
const settings = {
  dataDir: {
    env: "KAMIROKU_DATA_DIR",
    doc: "Folder for the embedded stores (database, objects, private Redis) and upload spooling.",
    schema: z.string().min(1).default("data"),
  },
  databaseUrl: {
    env: "DATABASE_URL",
    doc: "PostgreSQL connection URL. Unset: embedded PGlite database in <data>/db.",
    schema: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    secret: "url-password",
  },
  redisUrl: {
    env: "REDIS_URL",
    doc: "Redis for the BullMQ queues. Unset: a private redis-server is started from PATH.",
    schema: z.url({ protocol: /^rediss?$/ }).optional(),
    secret: "url-password",
  },
  minioEndpoint: {
    env: "MINIO_ENDPOINT",
    doc: "MinIO/S3 host name. Unset: embedded file store in <data>/objects.",
    schema: z.string().min(1).optional(),
  },
  minioPort: {
    env: "MINIO_PORT",
    doc: "MinIO/S3 port.",
    schema: z.coerce.number().int().min(1).max(65535).default(9000),
  },
  minioUseSsl: {
    env: "MINIO_USE_SSL",
    doc: "Use HTTPS to reach MinIO/S3 (true/false).",
    schema: z.stringbool().default(false),
  },
  minioAccessKey: {
    env: "MINIO_ACCESS_KEY",
    doc: "MinIO/S3 access key.",
    schema: z.string().default("minioadmin"),
  },
  minioSecretKey: {
    env: "MINIO_SECRET_KEY",
    doc: "MinIO/S3 secret key.",
    schema: z.string().default("minioadmin"),
    secret: "whole",
  },
  minioBucket: {
    env: "MINIO_BUCKET",
    doc: "Bucket for originals, page images and OCR output (created if missing).",
    schema: z.string().min(3).default("kamiroku"),
  },
  minioRegion: {
    env: "MINIO_REGION",
    doc: "MinIO/S3 region.",
    schema: z.string().default("us-east-1"),
  },
  host: {
    env: "KAMIROKU_HOST",
    doc: "Address the HTTP server listens on.",
    schema: z.string().default("127.0.0.1"),
  },
  port: {
    env: "KAMIROKU_PORT",
    doc: "Port of the HTTP server (API, upload, UI).",
    schema: z.coerce.number().int().min(0).max(65535).default(8080),
  },
  sessionIdleMinutes: {
    env: "KAMIROKU_SESSION_IDLE_MINUTES",
    doc: "A login session unused for this many minutes closes.",
    schema: z.coerce.number().int().positive().default(120),
  },
  leaseMinutes: {
    env: "KAMIROKU_LEASE_MINUTES",
    doc: "How long opening or saving a record keeps other reviewers from saving it.",
    schema: z.coerce.number().positive().default(10),
  },
  cookieSecure: {
    env: "KAMIROKU_COOKIE_SECURE",
    doc: "Secure flag of the session cookie: 'auto' (when the request came over HTTPS) or 'always' (behind an HTTPS proxy).",
    schema: z.enum(["auto", "always"]).default("auto"),
  },
  trustProxy: {
    env: "KAMIROKU_TRUST_PROXY",
    doc: "Trust X-Forwarded-* from a reverse proxy in front (true/false): client addresses for login rate limiting, HTTPS detection.",
    schema: z.stringbool().default(false),
  },
  loginFailures: {
    env: "KAMIROKU_LOGIN_FAILURES",
    doc: "Failed logins allowed per address and login in 15 minutes before logins are refused.",
    schema: z.coerce.number().int().positive().default(5),
  },
  webhookUrl: {
    env: "KAMIROKU_WEBHOOK_URL",
    doc: "The platform's webhook: each verified record is POSTed there, signed. Unset: the platform pulls only.",
    schema: z.url({ protocol: /^https?$/ }).optional(),
  },
  webhookSecret: {
    env: "KAMIROKU_WEBHOOK_SECRET",
    doc: "Shared secret of the webhook's HMAC-SHA256 signature (at least 32 characters).",
    schema: z.string().min(32).optional(),
    secret: "whole",
  },
  webhookAttempts: {
    env: "KAMIROKU_WEBHOOK_ATTEMPTS",
    doc: "Attempts per webhook delivery before it is left failed for a person to retry.",
    schema: z.coerce.number().int().min(1).default(12),
  },
  webhookBackoffMs: {
    env: "KAMIROKU_WEBHOOK_BACKOFF_MS",
    doc: "First wait before a webhook delivery is tried again; it doubles each attempt.",
    schema: z.coerce.number().int().min(0).default(30_000),
  },
  webhookTimeoutMs: {
    env: "KAMIROKU_WEBHOOK_TIMEOUT_MS",
    doc: "How long one webhook attempt waits for the platform's answer.",
    schema: z.coerce.number().int().positive().default(10_000),
  },
  maxUploadMb: {
    env: "KAMIROKU_MAX_UPLOAD_MB",
    doc: "Largest file accepted, in MiB (CLI and HTTP upload).",
    schema: z.coerce.number().int().positive().default(1024),
  },
  maxImageMegapixels: {
    env: "KAMIROKU_MAX_IMAGE_MEGAPIXELS",
    doc: "Largest page image accepted, in megapixels (A4 at 600 dpi is about 35).",
    schema: z.coerce.number().positive().default(100),
  },
  renderDpi: {
    env: "KAMIROKU_RENDER_DPI",
    doc: "Resolution for PDF pages that must be rendered (no single embedded scan image).",
    schema: z.coerce.number().int().min(72).max(600).default(300),
  },
  formsFile: {
    env: "KAMIROKU_FORMS_FILE",
    doc: "JSON file of the municipality's additions to the built-in forms (titles, labels, 独自項目); see config/forms/municipalities/example.json. Unset: built-in forms only.",
    schema: z.string().min(1).optional(),
  },
  reviewThreshold: {
    env: "KAMIROKU_REVIEW_THRESHOLD",
    doc: "A field read with less confidence than this (0..1) goes to review.",
    schema: z.coerce.number().min(0).max(1).default(0.85),
  },
  typedReviewThreshold: {
    env: "KAMIROKU_TYPED_REVIEW_THRESHOLD",
    doc: "The same for a value whose characters stand on straight lines as type does (handwriting is read with surer confidence than it deserves, type with less), names excepted and paragraphs held to their own (KAMIROKU_TYPED_PARAGRAPH_REVIEW_THRESHOLD); never above KAMIROKU_REVIEW_THRESHOLD.",
    schema: z.coerce.number().min(0).max(1).default(0.8),
  },
  typedParagraphReviewThreshold: {
    env: "KAMIROKU_TYPED_PARAGRAPH_REVIEW_THRESHOLD",
    doc: "The same for a paragraph (long text) in type, whose checks of the text itself catch what OCR misread surely; never above KAMIROKU_TYPED_REVIEW_THRESHOLD.",
    schema: z.coerce.number().min(0).max(1).default(0.6),
  },
  ocrSecondReading: {
    env: "KAMIROKU_OCR_SECOND_READING",
    doc: "Read cells and lines a second time, enlarged (true/false): more values accepted without review and long text corrected, at twice the OCR time per page.",
    schema: z.stringbool().default(true),
  },
  ocrWorkers: {
    env: "KAMIROKU_OCR_WORKERS",
    doc: "tesseract.js workers per process. Default: the number of cores.",
    schema: z.coerce.number().int().positive().default(os.availableParallelism()),
  },
  jobAttempts: {
    env: "KAMIROKU_JOB_ATTEMPTS",
    doc: "Tries per job before it stays failed (exponential backoff between tries).",
    schema: z.coerce.number().int().positive().default(5),
  },
  jobBackoffMs: {
    env: "KAMIROKU_JOB_BACKOFF_MS",
    doc: "First retry delay; doubles on each further try.",
    schema: z.coerce.number().int().nonnegative().default(2000),
  },
  jobLockMs: {
    env: "KAMIROKU_JOB_LOCK_MS",
    doc: "How long a worker's job lock lasts without renewal; a dead worker's job is taken over after it.",
    schema: z.coerce.number().int().min(1000).default(30_000),
  },
  stalledCheckMs: {
    env: "KAMIROKU_STALLED_CHECK_MS",
    doc: "How often workers look for jobs whose worker died (stalled jobs).",
    schema: z.coerce.number().int().min(500).default(30_000),
  },
  queuePrefix: {
    env: "KAMIROKU_QUEUE_PREFIX",
    doc: "Prefix of the BullMQ keys in Redis; separates installations sharing one Redis.",
    schema: z
      .string()
      .regex(/^[a-z0-9_-]+$/)
      .default("kamiroku"),
  },
  logLevel: {
    env: "KAMIROKU_LOG_LEVEL",
    doc: "fatal, error, warn, info, debug, trace or silent. Default: info for serve and worker, warn for the other commands. Logs never carry personal data.",
    schema: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  },
} as const;

type Settings = typeof settings;
export type Config = { [K in keyof Settings]: z.output<Settings[K]["schema"]> };

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads and validates the configuration; a bad value fails naming its variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const config: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, setting] of Object.entries(settings)) {
    const raw = env[setting.env];
    const result = setting.schema.safeParse(raw === "" ? undefined : raw);
    if (result.success) {
      config[key] = result.data;
    } else {
      const reason = result.error.issues.map((issue) => issue.message).join("; ");
      problems.push(`${setting.env}: ${reason} (${setting.doc})`);
    }
  }
  if (config.webhookUrl && !config.webhookSecret) {
    problems.push(
      "KAMIROKU_WEBHOOK_SECRET: needed with KAMIROKU_WEBHOOK_URL, the platform checks each delivery's signature with it",
    );
  }
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const valid = config as Config;
  return { ...valid, dataDir: path.resolve(valid.dataDir) };
}

export interface ConfigEntry {
  env: string;
  value: string;
  doc: string;
}

/** The effective configuration for `kamiroku config`, secrets masked. */
export function describeConfig(config: Config): ConfigEntry[] {
  return Object.entries(settings).map(([key, setting]) => {
    const value = config[key as keyof Config];
    const secret = "secret" in setting ? setting.secret : undefined;
    const shown =
      value === undefined
        ? "(unset)"
        : secret === "whole"
          ? "****"
          : secret === "url-password"
            ? maskUrlPassword(String(value))
            : String(value);
    return { env: setting.env, value: shown, doc: setting.doc };
  });
}

/** URLs keep host and database visible (useful to debug) but lose their password. */
function maskUrlPassword(value: string): string {
  const url = new URL(value);
  if (url.password) url.password = "****";
  return url.toString();
}

export function documentedSettings(): { env: string; doc: string; default: string }[] {
  return Object.values(settings).map((setting) => {
    const parsed = setting.schema.safeParse(undefined);
    return {
      env: setting.env,
      doc: setting.doc,
      default: parsed.success && parsed.data !== undefined ? String(parsed.data) : "(unset)",
    };
  });
}

export interface InputLimits {
  /** Largest page image, in pixels. */
  maxPixels: number;
  /** Largest file, in bytes. */
  maxFileBytes: number;
}

/** The input size limits in the units the code checks them in. */
export function inputLimits(config: Config): InputLimits {
  return {
    maxPixels: config.maxImageMegapixels * 1_000_000,
    maxFileBytes: config.maxUploadMb * 1024 * 1024,
  };
}
