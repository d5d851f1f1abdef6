import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import { request as httpRequest } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { originalKey } from "../../storage/objects/object-keys.ts";
import { ApiClient } from "./api-client.ts";
import { type ReviewFixture, startReviewFixture } from "./review-fixture.ts";

const CHUNK = 64 * 1024;

describe("resumable upload", () => {
  let fixture: ReviewFixture;
  let clerk: ApiClient;
  let scan: Buffer;

  beforeAll(async () => {
    fixture = await startReviewFixture({ moreRecords: 0 });
    clerk = await ApiClient.loggedIn(fixture.baseUrl, fixture.users.clerk);
    scan = await fs.readFile(path.resolve("tests/samples/相談記録 2023 箱12.pdf"));
  });

  afterAll(async () => {
    await fixture?.close();
  });

  /** A PUT whose connection drops after `sent` of the chunk's bytes. */
  function droppedPut(id: string, offset: number, chunk: Buffer, sent: number): Promise<void> {
    const url = new URL(`${fixture.baseUrl}/api/uploads/resumable/${id}?offset=${offset}`);
    return new Promise((resolve) => {
      const put = httpRequest(url, {
        method: "PUT",
        headers: {
          "Content-Length": chunk.length,
          "Content-Type": "application/octet-stream",
          "X-CSRF-Token": clerk.csrfToken,
          Cookie: clerk.cookie,
        },
      });
      put.on("error", () => resolve());
      put.write(chunk.subarray(0, sent), () => {
        setTimeout(() => {
          put.destroy();
          resolve();
        }, 100);
      });
    });
  }

  it("goes on after a dropped connection from the offset the server has, and ingests the whole file", async () => {
    const created = await clerk.post<{ id: string; received: number }>("/api/uploads/resumable", {
      batch: "大きなスキャン",
      fileName: "箱12 全部.pdf",
      size: scan.length,
    });
    expect(created.status).toBe(201);
    const { id } = created.body;
    const first = await clerk.request<{ received: number }>(
      "PUT",
      `/api/uploads/resumable/${id}?offset=0`,
      undefined,
      { "Content-Type": "application/octet-stream" },
      scan.subarray(0, CHUNK),
    );
    expect(first.body.received).toBe(CHUNK);

    await droppedPut(id, CHUNK, scan.subarray(CHUNK, 2 * CHUNK), CHUNK / 2);
    const status = await clerk.get<{ received: number }>(`/api/uploads/resumable/${id}`);
    expect(status.body.received).toBe(CHUNK); // half a chunk is never kept

    const behind = await clerk.request(
      "PUT",
      `/api/uploads/resumable/${id}?offset=0`,
      undefined,
      { "Content-Type": "application/octet-stream" },
      scan.subarray(0, CHUNK),
    );
    expect(behind.status).toBe(409);
    expect(behind.body.received).toBe(CHUNK);

    let offset = CHUNK;
    let last: { received: number; result?: { status: string; sha256: string } } = { received: 0 };
    while (offset < scan.length) {
      const reply = await clerk.request<typeof last>(
        "PUT",
        `/api/uploads/resumable/${id}?offset=${offset}`,
        undefined,
        { "Content-Type": "application/octet-stream" },
        scan.subarray(offset, offset + CHUNK),
      );
      expect(reply.status).toBe(200);
      last = reply.body;
      offset = last.received;
    }
    const sha256 = createHash("sha256").update(scan).digest("hex");
    expect(last.result).toMatchObject({ status: "queued", sha256 });
    // The answer to the last chunk may be lost: asking again tells the outcome.
    const after = await clerk.get<{ received: number; result: unknown }>(
      `/api/uploads/resumable/${id}`,
    );
    expect(after.body).toMatchObject({
      received: scan.length,
      result: { status: "queued", sha256 },
    });
    expect(await fixture.runtime.objects.stat(originalKey(sha256))).toMatchObject({
      size: scan.length,
    });
    const batch = await fixture.runtime.batches.findByName("大きなスキャン", fixture.agencies.own);
    const files = await fixture.runtime.files.listByBatch(batch?.id ?? "");
    expect(files.map((file) => file.fileName)).toEqual(["箱12 全部.pdf"]);
  });

  it("keeps an upload to the person who started it", async () => {
    const created = await clerk.post<{ id: string }>("/api/uploads/resumable", {
      batch: "大きなスキャン",
      fileName: "x.pdf",
      size: 10,
    });
    const admin = await ApiClient.loggedIn(fixture.baseUrl, fixture.users.admin);
    expect((await admin.get(`/api/uploads/resumable/${created.body.id}`)).status).toBe(404);
    const reviewer = await ApiClient.loggedIn(fixture.baseUrl, fixture.users.reviewer);
    expect((await reviewer.get(`/api/uploads/resumable/${created.body.id}`)).status).toBe(403);
  });
});
