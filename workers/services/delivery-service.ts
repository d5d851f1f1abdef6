import { SIGNATURE_HEADER, signWebhook } from "../../export/webhook-signature.ts";
import type { AuditRepository } from "../../storage/repositories/audit-repository.ts";
import type { RecordExportRepository } from "../../storage/repositories/record-export-repository.ts";
import type { WebhookDeliveryRepository } from "../../storage/repositories/webhook-delivery-repository.ts";
import type { DeliveryJobData } from "../queues.ts";

export interface WebhookOptions {
  url: string;
  secret: string;
  timeoutMs: number;
}

/** The platform did not take a delivery; BullMQ tries again later. */
export class WebhookDeliveryError extends Error {
  override name = "WebhookDeliveryError";
}

/**
 * Handles `deliver` jobs: posts one frozen record export to the platform's webhook, signed, with
 * the delivery's idempotency key on every attempt (delivery is at least once; the key lets the
 * platform drop a repeat). After the last attempt the delivery is left failed for a person.
 */
export class DeliveryService {
  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly exports: RecordExportRepository,
    private readonly audit: AuditRepository,
    private readonly options: WebhookOptions,
  ) {}

  async handleDelivery(data: DeliveryJobData, attempt: number, lastAttempt: number): Promise<void> {
    const delivery = await this.deliveries.get(data.deliveryId);
    if (delivery?.status !== "pending") return;
    const frozen = await this.exports.get(delivery.exportSeq);
    if (!frozen)
      throw new Error(`export ${delivery.exportSeq} of delivery ${delivery.id} is missing`);
    const body = JSON.stringify(frozen.document);
    const problem = await this.post(body, delivery.idempotencyKey, delivery.id);
    await this.deliveries.recordAttempt(delivery.id, problem);
    if (problem === null) {
      await this.audit.append({
        action: "record_export",
        userId: null,
        login: "webhook",
        agencyId: null,
        recordId: frozen.recordId,
        detail: { via: "webhook", version: frozen.version, deliveryId: delivery.id },
      });
      return;
    }
    if (attempt >= lastAttempt) await this.deliveries.markFailed(delivery.id);
    throw new WebhookDeliveryError(problem);
  }

  /** Null when the platform took it (2xx), else why not, for the people retrying by hand. */
  private async post(
    body: string,
    idempotencyKey: string,
    deliveryId: string,
  ): Promise<string | null> {
    try {
      const response = await fetch(this.options.url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "Idempotency-Key": idempotencyKey,
          "X-Kamiroku-Delivery": deliveryId,
          [SIGNATURE_HEADER]: signWebhook(this.options.secret, Math.floor(Date.now() / 1000), body),
        },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      await response.body?.cancel();
      return response.ok ? null : `HTTP ${response.status}`;
    } catch (error) {
      return (error as Error).name === "TimeoutError"
        ? `no answer within ${this.options.timeoutMs} ms`
        : `connection failed: ${(error as Error).message}`;
    }
  }
}
