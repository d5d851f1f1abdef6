import fs from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeSearchablePdf } from "../../export/store-searchable-pdf.ts";
import type { SourceFile } from "../../storage/repositories/source-file-repository.ts";
import { ApiClient } from "../review-ui/api-client.ts";
import { type ReviewFixture, startReviewFixture } from "../review-ui/review-fixture.ts";

interface Exported {
  recordId: string;
  version: number;
  status: string;
  schema: string;
  items: { common: Record<string, { value: unknown }> };
  review: { reviewedBy: string; corrections: number } | null;
}

/** The platform's side: a bearer token, cursor paging, acknowledgements. */
class Platform {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async call<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.baseUrl}/api/platform/v1${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  raw(path: string): Promise<Response> {
    return fetch(`${this.baseUrl}/api/platform/v1${path}`, {
      headers: { Authorization: `Bearer ${this.token}` },
    });
  }

  page(cursor: string, limit: number) {
    return this.call<{ records: Exported[]; nextCursor: string }>(
      "GET",
      `/records?status=all&cursor=${cursor}&limit=${limit}`,
    );
  }
}

describe("platform pull API", () => {
  let fixture: ReviewFixture;
  let admin: ApiClient;
  let platform: Platform;
  let otherPlatform: Platform;

  const approve = async (client: ApiClient, id: string, value?: string) => {
    const view = await client.post<{ record: { version: number } }>(`/api/records/${id}/open`, {});
    const reply = await client.post(`/api/records/${id}/approve`, {
      version: view.body.record.version,
      fields: value ? [{ group: "common", key: "case_number", value }] : [],
    });
    if (reply.status !== 200)
      throw new Error(`approve ${reply.status} ${JSON.stringify(reply.body)}`);
  };

  const tokenFor = async (agencyId: string) => {
    const reply = await admin.post<{ secret: string }>("/api/admin/tokens", {
      name: "platform",
      agencyId,
    });
    return new Platform(fixture.baseUrl, reply.body.secret);
  };

  beforeAll(async () => {
    fixture = await startReviewFixture({ moreRecords: 24 });
    admin = await ApiClient.loggedIn(fixture.baseUrl, fixture.users.admin);
    platform = await tokenFor(fixture.agencies.own);
    otherPlatform = await tokenFor(fixture.agencies.other);
  });

  afterAll(async () => {
    await fixture?.close();
  });

  it("pages through records verified meanwhile: each exactly once, none of another agency", async () => {
    const ids = [fixture.records.intake, fixture.records.xss, ...fixture.records.more];
    const reviewers = [
      await ApiClient.loggedIn(fixture.baseUrl, fixture.users.reviewer),
      await ApiClient.loggedIn(fixture.baseUrl, fixture.users.reviewer2),
    ];
    // Two reviewers verify concurrently while the platform pages with a small limit.
    let verifying = true;
    const verification = Promise.all(
      reviewers.map(async (client, half) => {
        for (const id of ids.filter((_, index) => index % 2 === half)) await approve(client, id);
      }),
    ).finally(() => {
      verifying = false;
    });
    const seen: string[] = [];
    let cursor = "0";
    for (;;) {
      const stillVerifying = verifying;
      const reply = await platform.page(cursor, 3);
      expect(reply.status).toBe(200);
      seen.push(...reply.body.records.map((record) => record.recordId));
      cursor = reply.body.nextCursor;
      if (reply.body.records.length === 0 && !stillVerifying) break;
    }
    await verification;
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...ids].sort());

    const theirs = await otherPlatform.page("0", 100);
    expect(theirs.body.records).toEqual([]);
    const notTheirs = await otherPlatform.call("GET", `/records/${fixture.records.intake}`);
    expect(notTheirs.status).toBe(404);
  });

  it("serves a record as valid kamiroku.record/v1 with its review, and its page image", async () => {
    const one = await platform.call<Exported>("GET", `/records/${fixture.records.intake}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      schema: "kamiroku.record/v1",
      recordId: fixture.records.intake,
      version: 1,
      status: "verified",
      review: { reviewedBy: expect.any(String), corrections: 0 },
    });
    expect(JSON.stringify(one.body)).not.toContain('"extracted"');
    const image = await platform.raw(`/records/${fixture.records.intake}/pages/1/image`);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(
      Buffer.from(await image.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");
  });

  it("serves the searchable PDF of the record's case file once the pipeline stored it", async () => {
    const id = fixture.records.intake;
    expect((await platform.raw(`/records/${id}/pdf`)).status).toBe(404);
    const record = await fixture.runtime.records.get(id);
    const file = await fixture.runtime.files.get(record?.fileId ?? "");
    await storeSearchablePdf(fixture.runtime.objects, fixture.runtime.pages, file as SourceFile);
    const pdf = await platform.raw(`/records/${id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });

  it("answers every operation of the OpenAPI description, and nothing undocumented", async () => {
    const description = JSON.parse(
      await fs.readFile("export/openapi/platform-v1.openapi.json", "utf8"),
    ) as { paths: Record<string, Record<string, unknown>> };
    const id = fixture.records.xss;
    for (const [template, operations] of Object.entries(description.paths)) {
      const path = template.replace("{id}", id).replace("{page}", "1");
      for (const method of Object.keys(operations).filter((key) => key !== "parameters")) {
        const reply = await platform
          .call<{ error?: string }>(
            method.toUpperCase(),
            path,
            method === "post" ? { platformId: "P-contract" } : undefined,
          )
          .catch(() => ({ status: 200, body: {} as { error?: string } }));
        // A route that does not exist answers the API's generic 404.
        expect(`${method} ${template}: ${reply.body.error ?? ""}`).not.toBe(
          `${method} ${template}: 見つかりません`,
        );
      }
    }
    const undocumented = await platform.call<{ error: string }>("GET", "/batches");
    expect(undocumented.body.error).toBe("見つかりません");
  });

  it("acknowledges once, harmlessly twice, and leaves the verified list", async () => {
    const id = fixture.records.intake;
    const first = await platform.call<{ platformId: string; importedAt: string }>(
      "POST",
      `/records/${id}/ack`,
      {
        platformId: "P-0001",
      },
    );
    const second = await platform.call<{ platformId: string; importedAt: string }>(
      "POST",
      `/records/${id}/ack`,
      {
        platformId: "P-0001",
      },
    );
    expect(first.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect((await fixture.runtime.records.get(id))?.status).toBe("imported");
    const waiting = await platform.call<{ records: Exported[] }>(
      "GET",
      "/records?status=verified&limit=500",
    );
    expect(waiting.body.records.map((record) => record.recordId)).not.toContain(id);
    const trail = await admin.get<{ entries: { action: string }[] }>(
      `/api/admin/audit?recordId=${id}&action=record_export`,
    );
    expect(trail.body.entries.length).toBeGreaterThanOrEqual(2);
  });

  it("sends a correction after import as a new version, keeping the first", async () => {
    const id = fixture.records.intake;
    const reviewer = await ApiClient.loggedIn(fixture.baseUrl, fixture.users.reviewer);
    const { nextCursor } = (await platform.page("0", 500)).body;
    const reopened = await reviewer.post(`/api/records/${id}/reopen`);
    expect(reopened.status).toBe(200);
    await approve(reviewer, id, "R5-9999");
    const after = await platform.page(nextCursor, 100);
    expect(after.body.records).toHaveLength(1);
    expect(after.body.records[0]).toMatchObject({
      recordId: id,
      version: 2,
      status: "verified",
      items: { common: { case_number: { value: "R5-9999" } } },
      review: { corrections: 1 },
    });
    const versions = await fixture.runtime.db.query<{
      version: number;
      platform_id: string | null;
    }>("SELECT version, platform_id FROM record_exports WHERE record_id = $1 ORDER BY version", [
      id,
    ]);
    expect(versions).toEqual([
      { version: 1, platform_id: "P-0001" },
      { version: 2, platform_id: null },
    ]);
  });

  it("enforces the record lifecycle in the database", async () => {
    const [record] = await fixture.runtime.db.query<{ id: string }>(
      "SELECT id FROM records WHERE status = 'extracted' LIMIT 1",
    );
    await expect(
      fixture.runtime.db.query("UPDATE records SET status = 'imported' WHERE id = $1", [
        record?.id,
      ]),
    ).rejects.toThrow(/cannot change from extracted to imported/);
  });

  it("refuses requests without a valid token", async () => {
    const anonymous = await fetch(`${fixture.baseUrl}/api/platform/v1/records`);
    expect(anonymous.status).toBe(401);
    const reviewer = await ApiClient.loggedIn(fixture.baseUrl, fixture.users.reviewer);
    expect((await reviewer.get("/api/platform/v1/records")).status).toBe(403);
  });
});
