import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDeliveryWorker } from "../../cli/pipeline-workers.ts";
import {
  SIGNATURE_HEADER,
  signWebhook,
  verifyWebhookSignature,
} from "../../export/webhook-signature.ts";
import type { DeliveryWorker } from "../../workers/delivery-worker.ts";
import { ApiClient } from "../review-ui/api-client.ts";
import { type ReviewFixture, startReviewFixture } from "../review-ui/review-fixture.ts";

const SECRET = "a webhook secret of at least thirty-two characters";
const TIMEOUT_MS = 300;

type Behaviour = "fail500" | "hang" | "drop" | "ok";

interface Received {
  recordId: string;
  idempotencyKey: string;
  signatureValid: boolean;
  answered: Behaviour;
}

/** A platform's webhook that misbehaves in every way a network can before it takes a delivery. */
class FlakyReceiver {
  readonly received: Received[] = [];
  /** Per idempotency key, what the first attempts get; then "ok" (unless `down`). */
  schedule: Behaviour[] = ["fail500", "hang", "drop"];
  down = false;
  private readonly server: Server;

  constructor() {
    this.server = createServer((request, response) => void this.answer(request, response));
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let body = "";
    for await (const chunk of request) body += chunk;
    const idempotencyKey = String(request.headers["idempotency-key"]);
    const earlier = this.received.filter((each) => each.idempotencyKey === idempotencyKey).length;
    const behaviour: Behaviour = this.down ? "fail500" : (this.schedule[earlier] ?? "ok");
    this.received.push({
      recordId: JSON.parse(body).recordId,
      idempotencyKey,
      signatureValid: verifyWebhookSignature(
        SECRET,
        String(request.headers[SIGNATURE_HEADER.toLowerCase()]),
        body,
      ),
      answered: behaviour,
    });
    if (behaviour === "fail500") response.writeHead(500).end();
    if (behaviour === "drop") request.socket.destroy();
    if (behaviour === "ok") response.writeHead(204).end();
    // "hang": no answer; the sender gives up after its timeout.
  }
}

async function until(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("webhook delivery", () => {
  const receiver = new FlakyReceiver();
  let fixture: ReviewFixture;
  let worker: DeliveryWorker | null;
  let reviewer: ApiClient;
  let admin: ApiClient;

  const approve = async (id: string) => {
    const view = await reviewer.post<{ record: { version: number } }>(
      `/api/records/${id}/open`,
      {},
    );
    await reviewer.post(`/api/records/${id}/approve`, { version: view.body.record.version });
  };
  const deliveryStatus = async (recordId: string) => {
    const [row] = await fixture.runtime.db.query<{ status: string; attempts: number }>(
      `SELECT d.status, d.attempts FROM webhook_deliveries d
       JOIN record_exports e ON e.seq = d.export_seq WHERE e.record_id = $1`,
      [recordId],
    );
    return row;
  };

  beforeAll(async () => {
    const url = await receiver.start();
    fixture = await startReviewFixture({
      moreRecords: 2,
      env: {
        KAMIROKU_WEBHOOK_URL: url,
        KAMIROKU_WEBHOOK_SECRET: SECRET,
        KAMIROKU_WEBHOOK_ATTEMPTS: "5",
        KAMIROKU_WEBHOOK_BACKOFF_MS: "20",
        KAMIROKU_WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
      },
    });
    worker = await startDeliveryWorker(fixture.runtime);
    reviewer = await ApiClient.loggedIn(fixture.baseUrl, fixture.users.reviewer);
    admin = await ApiClient.loggedIn(fixture.baseUrl, fixture.users.admin);
  });

  afterAll(async () => {
    await worker?.close();
    await fixture?.close();
    await receiver.close();
  });

  it("delivers every verified record through 500s, timeouts and dropped connections, signed, with one idempotency key each", async () => {
    const ids = [fixture.records.intake, ...fixture.records.more];
    for (const id of ids) await approve(id);
    await until(async () => {
      const statuses = await Promise.all(ids.map(deliveryStatus));
      return statuses.every((status) => status?.status === "delivered");
    });
    for (const id of ids) {
      const attempts = receiver.received.filter((each) => each.recordId === id);
      expect(attempts.map((each) => each.answered)).toEqual(["fail500", "hang", "drop", "ok"]);
      expect(new Set(attempts.map((each) => each.idempotencyKey)).size).toBe(1);
      expect(attempts.every((each) => each.signatureValid)).toBe(true);
      expect(await deliveryStatus(id)).toEqual({ status: "delivered", attempts: 4 });
    }
    // Different records, different keys.
    const keys = new Set(receiver.received.map((each) => each.idempotencyKey));
    expect(keys.size).toBe(ids.length);
  });

  it("leaves a delivery failed after the last attempt, for an admin to retry", async () => {
    receiver.down = true;
    await approve(fixture.records.xss);
    await until(async () => (await deliveryStatus(fixture.records.xss))?.status === "failed");
    const failed = await admin.get<{
      deliveries: { id: string; recordId: string; lastError: string }[];
    }>("/api/admin/deliveries?status=failed");
    const delivery = failed.body.deliveries.find((each) => each.recordId === fixture.records.xss);
    expect(delivery?.lastError).toBe("HTTP 500");

    receiver.down = false;
    receiver.schedule = [];
    const retry = await admin.post(`/api/admin/deliveries/${delivery?.id}/retry`);
    expect(retry.status).toBe(202);
    await until(async () => (await deliveryStatus(fixture.records.xss))?.status === "delivered");
    const keys = new Set(
      receiver.received
        .filter((each) => each.recordId === fixture.records.xss)
        .map((each) => each.idempotencyKey),
    );
    expect(keys.size).toBe(1);
  });

  it("refuses a signature made with another secret or replayed late", () => {
    const body = '{"recordId":"x"}';
    const now = Date.now();
    const fresh = Math.floor(now / 1000);
    expect(verifyWebhookSignature(SECRET, signWebhook(SECRET, fresh, body), body, now)).toBe(true);
    expect(
      verifyWebhookSignature(SECRET, signWebhook("another secret", fresh, body), body, now),
    ).toBe(false);
    expect(verifyWebhookSignature(SECRET, signWebhook(SECRET, fresh, body), `${body} `, now)).toBe(
      false,
    );
    const replayed = signWebhook(SECRET, fresh - 3600, body);
    expect(verifyWebhookSignature(SECRET, replayed, body, now)).toBe(false);
  });
});
