import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, describeConfig, loadConfig } from "../../config/config.ts";

describe("configuration", () => {
  it("runs on documented defaults with an empty environment", () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.minioEndpoint).toBeUndefined();
    expect(config.port).toBe(8080);
    expect(config.dataDir).toBe(path.resolve("data"));
    expect(config.ocrWorkers).toBeGreaterThanOrEqual(1);
  });

  it("reads and coerces values", () => {
    const config = loadConfig({
      KAMIROKU_PORT: "9100",
      MINIO_USE_SSL: "true",
      KAMIROKU_OCR_WORKERS: "3",
    });
    expect(config.port).toBe(9100);
    expect(config.minioUseSsl).toBe(true);
    expect(config.ocrWorkers).toBe(3);
  });

  it("fails at start-up naming every bad variable", () => {
    const load = () =>
      loadConfig({
        KAMIROKU_PORT: "eighty",
        REDIS_URL: "http://not-redis",
        MINIO_USE_SSL: "perhaps",
      });
    expect(load).toThrow(ConfigError);
    try {
      load();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("KAMIROKU_PORT");
      expect(message).toContain("REDIS_URL");
      expect(message).toContain("MINIO_USE_SSL");
      expect(message).not.toContain("DATABASE_URL");
    }
  });

  it("masks secrets when printing the configuration", () => {
    const config = loadConfig({
      DATABASE_URL: "postgresql://kamiroku:hunter2@db.example:5432/records",
      REDIS_URL: "redis://:s3cret@queue:6379",
      MINIO_SECRET_KEY: "minio-secret-value",
    });
    const printed = describeConfig(config)
      .map((entry) => `${entry.env}=${entry.value}`)
      .join("\n");
    expect(printed).not.toContain("hunter2");
    expect(printed).not.toContain("s3cret");
    expect(printed).not.toContain("minio-secret-value");
    expect(printed).toContain("DATABASE_URL=postgresql://kamiroku:****@db.example:5432/records");
  });
});
