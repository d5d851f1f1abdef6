import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "./api-client.ts";
import { type ReviewFixture, startReviewFixture, XSS_VALUE } from "./review-fixture.ts";

interface FieldView {
  group: string;
  key: string;
  value: unknown;
  needsReview: boolean;
  corrected: boolean;
  raw: string | null;
}
interface RecordView {
  record: { id: string; version: number; status: string; docType: string; fields: FieldView[] };
  lease: { byMe: boolean; holder: string } | null;
}

const fieldOf = (view: RecordView, key: string) =>
  view.record.fields.find((field) => field.key === key) as FieldView;

describe.each(["postgresql", "pglite"] as const)(
  "review API on %s: accounts, scoping, leases, versions, audit",
  (database) => {
    let fixture: ReviewFixture;
    let reviewer: ApiClient;
    let reviewer2: ApiClient;
    let admin: ApiClient;

    beforeAll(async () => {
      fixture = await startReviewFixture({ database });
      reviewer = await ApiClient.loggedIn(fixture.baseUrl, fixture.users.reviewer);
      reviewer2 = await ApiClient.loggedIn(fixture.baseUrl, fixture.users.reviewer2);
      admin = await ApiClient.loggedIn(fixture.baseUrl, fixture.users.admin);
    });

    afterAll(async () => {
      await fixture?.close();
    });

    describe("logging in", () => {
      it("sets an http-only, SameSite=Strict session cookie and tells who is logged in", async () => {
        const client = new ApiClient(fixture.baseUrl);
        const reply = await client.login("clerk", fixture.users.clerk.password);
        expect(reply.status).toBe(200);
        const cookie = reply.headers.get("set-cookie") ?? "";
        expect(cookie).toMatch(/^kamiroku_session=/);
        expect(cookie).toMatch(/HttpOnly/i);
        expect(cookie).toMatch(/SameSite=Strict/i);
        const me = await client.get<{
          user: { login: string; role: string; agency: { name: string } };
        }>("/api/session");
        expect(me.body.user).toMatchObject({
          login: "clerk",
          role: "clerk",
          agency: { name: "みなと相談支援センター" },
        });
        expect((await client.delete("/api/session")).status).toBe(204);
        expect((await client.get("/api/session")).status).toBe(401);
      });

      it("answers a wrong password and an unknown login alike, and stops guessing after 5 failures", async () => {
        const client = new ApiClient(fixture.baseUrl);
        const wrong = await client.login("reviewer2", "wrong password!");
        const unknown = await client.login("nobody-here", "wrong password!");
        expect([wrong.status, unknown.status]).toEqual([401, 401]);
        expect(wrong.body.error).toBe(unknown.body.error);
        for (let i = 0; i < 4; i++) await client.login("reviewer2", "wrong password!");
        const limited = await client.login("reviewer2", fixture.users.reviewer2.password);
        expect(limited.status).toBe(429);
        expect(limited.body.code).toBe("too_many_attempts");
        // Another login from the same address is not locked out by someone else's guessing.
        expect(
          (await new ApiClient(fixture.baseUrl).login("admin", fixture.users.admin.password))
            .status,
        ).toBe(200);
      });

      it("refuses a change without the CSRF token or from another origin", async () => {
        const id = fixture.records.more[2] as string;
        const noToken = await reviewer.request(
          "POST",
          `/api/records/${id}/open`,
          {},
          {
            "X-CSRF-Token": "forged",
          },
        );
        expect(noToken.status).toBe(403);
        expect(noToken.body.code).toBe("csrf");
        const crossSite = await reviewer.request(
          "POST",
          `/api/records/${id}/open`,
          {},
          {
            Origin: "https://evil.example",
          },
        );
        expect(crossSite.status).toBe(403);
      });

      it("gives each role its own routes", async () => {
        const clerk = await ApiClient.loggedIn(fixture.baseUrl, fixture.users.clerk);
        expect((await clerk.get("/api/review/queue")).status).toBe(403);
        expect((await clerk.get("/api/batches")).status).toBe(200);
        expect((await reviewer.get("/api/admin/users")).status).toBe(403);
        expect((await new ApiClient(fixture.baseUrl).get("/api/batches")).status).toBe(401);
      });
    });

    describe("agency scoping", () => {
      it("shows a reviewer only the records of their agency, and answers 404 for the others", async () => {
        const queue = await reviewer.get<{ records: { id: string }[]; total: number }>(
          "/api/review/queue",
        );
        const ids = queue.body.records.map((record) => record.id);
        expect(ids).toContain(fixture.records.intake);
        expect(ids).not.toContain(fixture.records.otherAgency);

        const other = await ApiClient.loggedIn(fixture.baseUrl, fixture.users.otherAgencyReviewer);
        const theirs = await other.get<{ records: { id: string }[] }>("/api/review/queue");
        expect(theirs.body.records.map((record) => record.id)).toEqual([
          fixture.records.otherAgency,
        ]);
        const open = await other.post(`/api/records/${fixture.records.intake}/open`, {});
        expect(open.status).toBe(404);
        const image = await other.get(`/api/records/${fixture.records.intake}/pages/1/image`);
        expect(image.status).toBe(404);
        const batch = await other.get(`/api/batches/${fixture.batchId}`);
        expect(batch.status).toBe(404);
        const patch = await other.patch(`/api/records/${fixture.records.intake}`, {
          version: 1,
          fields: [{ group: "common", key: "client_name", value: "乗っ取り" }],
        });
        expect(patch.status).toBe(404);
      });

      it("lets an admin see every agency", async () => {
        const queue = await admin.get<{ records: { id: string }[] }>("/api/review/queue?limit=200");
        expect(queue.body.records.map((record) => record.id)).toContain(
          fixture.records.otherAgency,
        );
      });
    });

    describe("reviewing a record", () => {
      it("normalises what the reviewer types, refuses impossible values, approves and names the next record", async () => {
        const opened = await reviewer.post<RecordView>(
          `/api/records/${fixture.records.intake}/open`,
          {},
        );
        expect(opened.status).toBe(200);
        expect(opened.body.lease?.byMe).toBe(true);
        expect(opened.body.record.status).toBe("in_review");
        // Needing review first: the unreadable date, and the common fields not found on the page.
        const flags = opened.body.record.fields.map((field) => field.needsReview);
        expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
        expect(fieldOf(opened.body, "birth_date").needsReview).toBe(true);
        expect(fieldOf(opened.body, "client_name_kana")).toMatchObject({
          value: null,
          needsReview: true,
        });
        const version = opened.body.record.version;

        const impossible = await reviewer.patch(`/api/records/${fixture.records.intake}`, {
          version,
          fields: [{ group: "common", key: "birth_date", value: "平成32年1月1日" }],
        });
        expect(impossible.status).toBe(422);
        expect(impossible.body).toMatchObject({
          code: "invalid_value",
          field: { key: "birth_date" },
        });

        const saved = await reviewer.patch<RecordView>(`/api/records/${fixture.records.intake}`, {
          version,
          fields: [
            { group: "common", key: "birth_date", value: "平成3年4月1日" },
            { group: "optional", key: "phone", value: "０４３ー２２３ー９９９９" },
          ],
        });
        expect(saved.status).toBe(200);
        expect(saved.body.record.version).toBe(version + 1);
        expect(fieldOf(saved.body, "birth_date")).toMatchObject({
          value: "1991-04-01",
          needsReview: false,
          corrected: true,
          raw: "平成3l年4月",
        });
        expect(fieldOf(saved.body, "phone").value).toBe("043-223-9999");

        const approved = await reviewer.post<{ record: { status: string }; next: string }>(
          `/api/records/${fixture.records.intake}/approve`,
          { version: version + 1 },
        );
        expect(approved.status).toBe(200);
        expect(approved.body.record.status).toBe("verified");
        expect(approved.body.next).toBe(fixture.records.xss);

        const again = await reviewer.patch(`/api/records/${fixture.records.intake}`, {
          version: version + 2,
          fields: [{ group: "common", key: "client_name", value: "後から変更" }],
        });
        expect(again.status).toBe(409);
        expect(again.body.code).toBe("not_waiting");
      });

      it("writes every view, edit (before and after) and approval to the audit trail, readable by admins", async () => {
        const trail = await admin.get<{
          entries: {
            action: string;
            user: { login: string } | null;
            agency: { name: string } | null;
            detail: Record<string, unknown>;
          }[];
        }>(`/api/admin/audit?recordId=${fixture.records.intake}`);
        expect(trail.status).toBe(200);
        const actions = trail.body.entries.map((entry) => entry.action).reverse();
        expect(actions).toEqual(["record_view", "record_edit", "record_edit", "record_approve"]);
        const birth = trail.body.entries.find((entry) => entry.detail.key === "birth_date");
        expect(birth).toMatchObject({
          user: { login: "reviewer" },
          agency: { name: "みなと相談支援センター" },
          detail: { group: "common", key: "birth_date", before: null, after: "1991-04-01" },
        });
        const logins = await admin.get<{ entries: { action: string }[] }>(
          "/api/admin/audit?action=login_failed",
        );
        expect(logins.body.entries.length).toBeGreaterThanOrEqual(5);
      });

      it("keeps the audit trail append-only in the database itself", async () => {
        await expect(fixture.runtime.db.query("DELETE FROM audit_log")).rejects.toThrow(
          /append-only/,
        );
        await expect(fixture.runtime.db.query("UPDATE audit_log SET action = 'x'")).rejects.toThrow(
          /append-only/,
        );
      });

      it("counts corrections per field for admins", async () => {
        const rates = await admin.get<{
          fields: {
            key: string;
            reviewed: number;
            corrected: number;
            autoAccepted: number;
            autoAcceptedCorrected: number;
          }[];
        }>("/api/admin/correction-rates");
        const byKey = Object.fromEntries(rates.body.fields.map((field) => [field.key, field]));
        expect(byKey.birth_date).toMatchObject({ reviewed: 1, corrected: 1, autoAccepted: 0 });
        expect(byKey.client_name).toMatchObject({ reviewed: 1, corrected: 0, autoAccepted: 1 });
        // phone was accepted by extraction and corrected by the reviewer: a real extraction error.
        expect(byKey.phone).toMatchObject({ reviewed: 1, corrected: 1, autoAcceptedCorrected: 1 });
      });

      it("returns OCR text as data, never interpreted", async () => {
        const view = await reviewer.post<RecordView>(
          `/api/records/${fixture.records.xss}/open`,
          {},
        );
        expect(fieldOf(view.body, "client_name").value).toBe(XSS_VALUE);
        await reviewer.post(`/api/records/${fixture.records.xss}/release`);
      });

      it("needs a reason to reject", async () => {
        const id = fixture.records.more[1] as string;
        const view = await reviewer.post<RecordView>(`/api/records/${id}/open`, {});
        const noReason = await reviewer.post(`/api/records/${id}/reject`, {
          version: view.body.record.version,
          reason: " ",
        });
        expect(noReason.status).toBe(400);
        const rejected = await reviewer.post<{ record: { status: string } }>(
          `/api/records/${id}/reject`,
          {
            version: view.body.record.version,
            reason: "別の世帯の書類が混ざっている",
          },
        );
        expect(rejected.body.record.status).toBe("rejected");
      });
    });

    describe("two reviewers on one record", () => {
      it("keeps a record to the lease holder, lets a colleague take over, and refuses the stale save", async () => {
        const id = fixture.records.more[0] as string;
        const first = await reviewer.post<RecordView>(`/api/records/${id}/open`, {});
        const version = first.body.record.version;
        const second = await reviewer2.post<RecordView>(`/api/records/${id}/open`, {});
        expect(second.body.lease).toMatchObject({ byMe: false, holder: "確認 一郎" });
        const blocked = await reviewer2.patch(`/api/records/${id}`, {
          version,
          fields: [{ group: "common", key: "client_name", value: "二郎の修正" }],
        });
        expect(blocked.status).toBe(423);

        const taken = await reviewer2.post<RecordView>(`/api/records/${id}/open`, {
          takeOver: true,
        });
        expect(taken.body.lease?.byMe).toBe(true);
        const saved = await reviewer2.patch(`/api/records/${id}`, {
          version,
          fields: [{ group: "common", key: "client_name", value: "二郎の修正" }],
        });
        expect(saved.status).toBe(200);

        const stale = await reviewer.patch(`/api/records/${id}`, {
          version,
          fields: [{ group: "common", key: "client_name", value: "一郎の修正" }],
        });
        expect(stale.status).toBe(409);
        expect(stale.body.code).toBe("stale_version");
        const now = await reviewer2.post<RecordView>(`/api/records/${id}/open`, {});
        expect(fieldOf(now.body, "client_name").value).toBe("二郎の修正");
      });

      it("lets exactly one of two simultaneous saves of the same version through", async () => {
        const id = fixture.records.xss;
        const view = await reviewer.post<RecordView>(`/api/records/${id}/open`, {});
        const save = (client: ApiClient, value: string) =>
          client.patch(`/api/records/${id}`, {
            version: view.body.record.version,
            fields: [{ group: "common", key: "case_number", value }],
          });
        const replies = await Promise.all([save(reviewer, "R5-1"), save(reviewer, "R5-2")]);
        expect(replies.map((reply) => reply.status).sort()).toEqual([200, 409]);
      });
    });

    describe("administration", () => {
      it("creates accounts with strong passwords only, and a disabled account loses its session", async () => {
        const agencies = await admin.get<{ agencies: { id: string; name: string }[] }>(
          "/api/admin/agencies",
        );
        const agencyId = agencies.body.agencies.find(
          (a) => a.name === "みなと相談支援センター",
        )?.id;
        const weak = await admin.post("/api/admin/users", {
          login: "newbie",
          displayName: "新人",
          password: "short",
          role: "reviewer",
          agencyId,
        });
        expect(weak.status).toBe(400);
        const created = await admin.post<{ user: { id: string } }>("/api/admin/users", {
          login: "newbie",
          displayName: "新人",
          password: "a long enough password",
          role: "reviewer",
          agencyId,
        });
        expect(created.status).toBe(201);
        const newbie = new ApiClient(fixture.baseUrl);
        expect((await newbie.login("newbie", "a long enough password")).status).toBe(200);
        await admin.patch(`/api/admin/users/${created.body.user.id}`, { disabled: true });
        expect((await newbie.get("/api/review/queue")).status).toBe(401);
        expect((await newbie.login("newbie", "a long enough password")).status).toBe(401);
      });

      it("issues API tokens shown once and revokes them", async () => {
        const created = await admin.post<{ token: { id: string }; secret: string }>(
          "/api/admin/tokens",
          {
            name: "platform",
            agencyId: fixture.agencies.own,
          },
        );
        expect(created.status).toBe(201);
        const asPlatform = { Authorization: `Bearer ${created.body.secret}` };
        const listed = await admin.get<{ tokens: Record<string, unknown>[] }>("/api/admin/tokens");
        expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
        // A platform token is not a person: it cannot review.
        const queue = await fetch(`${fixture.baseUrl}/api/review/queue`, { headers: asPlatform });
        expect(queue.status).toBe(403);
        await admin.delete(`/api/admin/tokens/${created.body.token.id}`);
        const revoked = await fetch(`${fixture.baseUrl}/api/review/queue`, { headers: asPlatform });
        expect(revoked.status).toBe(401);
      });
    });

    describe("clerks' batch view", () => {
      it("lists failed files with their reason and queues them again on retry", async () => {
        const files = await fixture.runtime.files.listByBatch(fixture.batchId);
        const failed = files[0]?.id as string;
        await fixture.runtime.files.markFailed(failed, {
          code: "ocr_failed",
          message: "文字認識（OCR）に失敗しました",
        });
        const clerk = await ApiClient.loggedIn(fixture.baseUrl, fixture.users.clerk);
        const batch = await clerk.get<{
          files: { id: string; status: string; errorMessage: string | null }[];
          records: { byDocType: Record<string, number> };
        }>(`/api/batches/${fixture.batchId}`);
        expect(batch.body.files.find((file) => file.id === failed)).toMatchObject({
          status: "failed",
          errorMessage: "文字認識（OCR）に失敗しました",
        });
        expect(batch.body.records.byDocType.intake).toBe(5);
        const retry = await clerk.post(`/api/files/${failed}/retry`);
        expect(retry.status).toBe(202);
        expect((await fixture.runtime.files.get(failed))?.status).toBe("queued");
        expect((await fixture.runtime.jobs.counts()).split.waiting).toBe(1);
        expect((await clerk.post(`/api/files/${failed}/retry`)).status).toBe(409);
      });
    });
  },
);
