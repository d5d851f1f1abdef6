import fs from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestCommand } from "../../cli/commands/ingest-command.ts";
import { createHttpApp } from "../../cli/http-app.ts";
import { announceServer } from "../../cli/running-server.ts";
import { openRuntime, type Runtime } from "../../cli/runtime.ts";
import { originalKey } from "../../storage/objects/object-keys.ts";
import { createTestEnvironment, type TestEnvironment } from "../helpers/test-environment.ts";

const sampleJpeg = path.resolve("tests/samples/評価シート.jpg");

describe("HTTP upload endpoint", () => {
  let environment: TestEnvironment;
  let runtime: Runtime;
  let server: Server;
  let baseUrl: string;
  const maxFileBytes = 2 * 1024 * 1024;
  // The token of server.json: `kamiroku` commands of this machine upload with it.
  const localToken = "local-token-of-this-test";
  const asLocal = { Authorization: `Bearer ${localToken}` };

  beforeAll(async () => {
    environment = await createTestEnvironment({ KAMIROKU_MAX_UPLOAD_MB: "2" });
    runtime = await openRuntime(environment.config);
    const app = await createHttpApp(runtime, localToken);
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await runtime?.close();
    await environment?.dispose();
  });

  it("streams each part to the store, queues good files and refuses bad and oversized ones per file", async () => {
    const jpeg = await fs.readFile(sampleJpeg);
    const form = new FormData();
    form.append("file", new Blob([jpeg]), "評価 シート.jpg");
    form.append("file", new Blob(["ただのメモです"]), "メモ.pdf");
    form.append("file", new Blob([Buffer.alloc(maxFileBytes + 1, 7)]), "大きすぎる.pdf");
    const response = await fetch(
      `${baseUrl}/api/uploads?batch=${encodeURIComponent("窓口 2024")}`,
      { method: "POST", body: form, headers: asLocal },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      files: { fileName: string; status: string; code?: string; sha256?: string }[];
    };
    expect(body.files.map((file) => [file.fileName, file.status, file.code ?? null])).toEqual([
      ["評価 シート.jpg", "queued", null],
      ["メモ.pdf", "failed", "unsupported_type"],
      ["大きすぎる.pdf", "failed", "file_too_large"],
    ]);
    expect(await runtime.objects.stat(originalKey(body.files[0]?.sha256 ?? ""))).toMatchObject({
      size: jpeg.length,
    });
    expect((await runtime.jobs.counts()).split.waiting).toBe(1);
    expect(await fs.readdir(path.join(environment.config.dataDir, "spool"))).toEqual([]);

    const batches = (await (
      await fetch(`${baseUrl}/api/batches`, { headers: asLocal })
    ).json()) as {
      batches: { name: string; files: { total: number } }[];
    };
    expect(batches.batches.find((batch) => batch.name === "窓口 2024")?.files.total).toBe(2);
  });

  it("answers a request without a batch name or without multipart clearly", async () => {
    const noBatch = await fetch(`${baseUrl}/api/uploads`, {
      method: "POST",
      body: new FormData(),
      headers: asLocal,
    });
    expect(noBatch.status).toBe(400);
    const notMultipart = await fetch(`${baseUrl}/api/uploads?batch=x`, {
      method: "POST",
      body: "hello",
      headers: asLocal,
    });
    expect(notMultipart.status).toBe(415);
  });

  it("refuses uploads from nobody and from a wrong token, storing nothing", async () => {
    const form = () => {
      const data = new FormData();
      data.append("file", new Blob(["%PDF-1.4"]), "x.pdf");
      return data;
    };
    const anonymous = await fetch(`${baseUrl}/api/uploads?batch=anon`, {
      method: "POST",
      body: form(),
    });
    expect(anonymous.status).toBe(401);
    const wrongToken = await fetch(`${baseUrl}/api/uploads?batch=anon`, {
      method: "POST",
      body: form(),
      headers: { Authorization: "Bearer not-the-token" },
    });
    expect(wrongToken.status).toBe(401);
    expect(await runtime.batches.findByName("anon")).toBeNull();
  });

  it("serves the UI shell with a Content-Security-Policy that forbids inline scripts", async () => {
    const response = await fetch(`${baseUrl}/`);
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(await response.text()).toContain("紙録");
  });

  it("lets `kamiroku ingest` on the embedded stores go through a running server", async () => {
    // Embedded stores: the server owns the database, so the command must not open it.
    const dataDir = path.join(environment.config.dataDir, "embedded");
    await announceServer(dataDir, { url: baseUrl, token: localToken });
    const config = {
      ...environment.config,
      dataDir,
      databaseUrl: undefined,
      minioEndpoint: undefined,
    };
    const exitCode = await ingestCommand(config, [sampleJpeg], { batch: "CLI経由" });
    expect(exitCode).toBe(0);
    const batch = await runtime.batches.findByName("CLI経由");
    const files = await runtime.files.listByBatch(batch?.id ?? "");
    expect(files.map((file) => [file.fileName, file.status])).toEqual([
      ["評価シート.jpg", "duplicate"],
    ]);
    await expect(fs.stat(path.join(dataDir, "db"))).rejects.toThrow();
  });
});
