import type { Queryable } from "../db/database.ts";

export type DeliveryStatus = "pending" | "delivered" | "failed";

/** One record export to post to the platform's webhook, until it is delivered. */
export interface WebhookDelivery {
  id: string;
  exportSeq: number;
  idempotencyKey: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
}

interface DeliveryRow {
  id: string;
  export_seq: number;
  idempotency_key: string;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
}

/** The webhook outbox: rows written with the verification, worked off by the delivery worker. */
export class WebhookDeliveryRepository {
  constructor(private readonly db: Queryable) {}

  async insert(exportSeq: number): Promise<WebhookDelivery> {
    const [row] = await this.db.query<DeliveryRow>(
      "INSERT INTO webhook_deliveries (export_seq) VALUES ($1) RETURNING *",
      [exportSeq],
    );
    return toDelivery(row as DeliveryRow);
  }

  async get(id: string): Promise<WebhookDelivery | null> {
    const [row] = await this.db.query<DeliveryRow>(
      "SELECT * FROM webhook_deliveries WHERE id = $1",
      [id],
    );
    return row ? toDelivery(row) : null;
  }

  async recordAttempt(id: string, error: string | null): Promise<void> {
    await this.db.query(
      `UPDATE webhook_deliveries SET attempts = attempts + 1, last_error = $2, updated_at = now(),
         status = CASE WHEN $2::text IS NULL THEN 'delivered' ELSE status END
       WHERE id = $1`,
      [id, error],
    );
  }

  /** After the last attempt: left for a person to see and retry. */
  async markFailed(id: string): Promise<void> {
    await this.db.query(
      "UPDATE webhook_deliveries SET status = 'failed', updated_at = now() WHERE id = $1 AND status = 'pending'",
      [id],
    );
  }

  /** False when the delivery is not failed. */
  async reopen(id: string): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE webhook_deliveries SET status = 'pending', updated_at = now()
       WHERE id = $1 AND status = 'failed' RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  /** Pending ones (to queue again after a crash) and failed ones (for the UI), oldest first. */
  async listOpen(status: "pending" | "failed", limit = 500): Promise<WebhookDelivery[]> {
    const rows = await this.db.query<DeliveryRow>(
      "SELECT * FROM webhook_deliveries WHERE status = $1 ORDER BY created_at LIMIT $2",
      [status, limit],
    );
    return rows.map(toDelivery);
  }
}

function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    exportSeq: Number(row.export_seq),
    idempotencyKey: row.idempotency_key,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
