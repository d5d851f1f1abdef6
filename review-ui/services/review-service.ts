import type { Readable } from "node:stream";
import { isDeepStrictEqual } from "node:util";
import { type FormDefinitions, fieldsOf } from "../../config/forms/form-definitions.ts";
import type { RecordExporter } from "../../export/record-exporter.ts";
import type { Database } from "../../storage/db/database.ts";
import type { ObjectStore } from "../../storage/objects/object-store.ts";
import { AuditRepository } from "../../storage/repositories/audit-repository.ts";
import { FieldReviewRepository } from "../../storage/repositories/field-review-repository.ts";
import type { PageRepository } from "../../storage/repositories/page-repository.ts";
import {
  type QueueFilter,
  RecordReviewRepository,
  type RecordUnderReview,
  type WriteRefusal,
} from "../../storage/repositories/record-review-repository.ts";
import { type DocType, docTypes, type RecordItems } from "../../workers/extract/extracted-form.ts";
import { type Actor, auditIdentity, scopeOf } from "../auth/actor.ts";
import { badRequest, HttpError, notFound } from "../http-error.ts";
import { buildRecordView, type RecordView } from "./record-view.ts";
import { editedField, type ReviewedFieldItem, wasAutoAccepted } from "./reviewed-field.ts";
import { parseTypedValue } from "./typed-value.ts";

/** Queues a webhook delivery once the verification that wrote it has committed. */
export type DeliveryQueue = (deliveryId: string) => Promise<void>;

export interface ReviewServiceOptions {
  /** How long opening or saving a record keeps others from saving it. */
  leaseMs: number;
  /** Today in Japan as `YYYY-MM-DD`, for the plausibility of typed dates. */
  today: () => string;
}

export interface FieldInput {
  group: "common" | "optional" | "custom";
  key: string;
  value: unknown;
}

export interface RecordEdit {
  version: number;
  docType?: DocType;
  fields?: FieldInput[];
}

type UserActor = Extract<Actor, { kind: "user" }>;

const RECORD = "記録";

/**
 * The review of one record: opening it under a lease, saving corrections that carry the version
 * they were made on, approving or rejecting it; each step in one transaction with its audit entries.
 */
export class ReviewService {
  constructor(
    private readonly db: Database,
    private readonly objects: ObjectStore,
    private readonly pages: PageRepository,
    private readonly definitions: FormDefinitions,
    private readonly exporter: RecordExporter,
    private readonly queueDelivery: DeliveryQueue,
    private readonly options: ReviewServiceOptions,
  ) {}

  async open(actor: UserActor, id: string, takeOver: boolean): Promise<RecordView> {
    await this.db.transaction(async (tx) => {
      const records = new RecordReviewRepository(tx);
      const record = await records.get(id, scopeOf(actor));
      if (!record) throw notFound(RECORD);
      await records.takeLease(id, actor.user.id, this.options.leaseMs, takeOver);
      await new AuditRepository(tx).append({
        action: "record_view",
        ...auditIdentity(actor),
        recordId: id,
        batchId: record.batch.id,
        detail:
          takeOver && record.lease && record.lease.userId !== actor.user.id
            ? { tookOverFrom: record.lease.userId }
            : {},
      });
    });
    return this.view(actor, id);
  }

  async save(actor: UserActor, id: string, edit: RecordEdit): Promise<RecordView> {
    await this.db.transaction((tx) => this.applyEdit(tx, actor, id, edit));
    return this.view(actor, id);
  }

  /**
   * Saves the last edits and marks the record verified, freezing it as its next export version;
   * names the next record of the queue.
   */
  async approve(
    actor: UserActor,
    id: string,
    edit: RecordEdit,
    queue: QueueFilter,
  ): Promise<{ record: RecordView["record"]; next: string | null }> {
    const frozen = await this.db.transaction(async (tx) => {
      const record = await this.applyEdit(tx, actor, id, edit);
      refuseUnless(
        await new RecordReviewRepository(tx).finish(id, actor.user.id, record.version, {
          status: "verified",
        }),
      );
      const fields = fieldsOf(this.definitions, record.docType).map((field) => {
        const item = record.items[field.group][field.key] as ReviewedFieldItem | undefined;
        return {
          group: field.group,
          key: field.key,
          corrected: item?.corrected ?? false,
          autoAccepted: item ? wasAutoAccepted(item) : false,
        };
      });
      await new FieldReviewRepository(tx).recordApproval(id, record.docType, actor.user.id, fields);
      const corrections = fields.filter((field) => field.corrected).length;
      await new AuditRepository(tx).append({
        action: "record_approve",
        ...auditIdentity(actor),
        recordId: id,
        batchId: record.batch.id,
        detail: { corrections },
      });
      return this.exporter.freeze(tx, id, {
        reviewedBy: actor.user.id,
        reviewedAt: new Date(),
        corrections,
      });
    });
    if (frozen.deliveryId) await this.queueDelivery(frozen.deliveryId);
    return this.finished(actor, id, queue);
  }

  /**
   * Opens a verified, imported or rejected record again for a correction; approving it again
   * makes a new export version, sent again. Earlier versions stay as they were.
   */
  async reopen(actor: UserActor, id: string): Promise<RecordView> {
    await this.db.transaction(async (tx) => {
      const records = new RecordReviewRepository(tx);
      const record = await records.get(id, scopeOf(actor));
      if (!record) throw notFound(RECORD);
      if (!(await records.reopen(id, actor.user.id, this.options.leaseMs))) {
        throw new HttpError(409, "not_finished", "確認待ちの記録はそのまま修正できます");
      }
      await new AuditRepository(tx).append({
        action: "record_reopen",
        ...auditIdentity(actor),
        recordId: id,
        batchId: record.batch.id,
        detail: { from: record.status },
      });
    });
    return this.view(actor, id);
  }

  async reject(
    actor: UserActor,
    id: string,
    version: number,
    reason: string,
    queue: QueueFilter,
  ): Promise<{ record: RecordView["record"]; next: string | null }> {
    const trimmed = reason.trim();
    if (!trimmed) throw badRequest("差し戻しの理由を入力してください");
    await this.db.transaction(async (tx) => {
      const records = new RecordReviewRepository(tx);
      const record = await records.get(id, scopeOf(actor));
      if (!record) throw notFound(RECORD);
      refuseUnless(
        await records.finish(id, actor.user.id, version, { status: "rejected", reason: trimmed }),
      );
      await new AuditRepository(tx).append({
        action: "record_reject",
        ...auditIdentity(actor),
        recordId: id,
        batchId: record.batch.id,
        detail: { reason: trimmed },
      });
    });
    return this.finished(actor, id, queue);
  }

  async release(actor: UserActor, id: string): Promise<void> {
    await new RecordReviewRepository(this.db).releaseLease(id, actor.user.id);
  }

  /** The stored page image: upright, with every redaction already burned in by the OCR stage. */
  async pageImage(actor: Actor, id: string, pageNumber: number): Promise<Readable> {
    const record = await new RecordReviewRepository(this.db).get(id, scopeOf(actor));
    if (!record?.pages.includes(pageNumber)) throw notFound("ページ");
    const page = await this.pages.get(record.fileId, pageNumber);
    if (!page) throw notFound("ページ");
    return this.objects.get(page.imageKey);
  }

  async view(actor: UserActor, id: string): Promise<RecordView> {
    const record = await new RecordReviewRepository(this.db).get(id, scopeOf(actor));
    if (!record) throw notFound(RECORD);
    const pages = await this.pages.listByFile(record.fileId);
    return buildRecordView(record, pages, this.definitions, actor.user.id);
  }

  private async finished(actor: UserActor, id: string, queue: QueueFilter) {
    const { record } = await this.view(actor, id);
    const next = await new RecordReviewRepository(this.db).next(
      queue,
      scopeOf(actor),
      actor.user.id,
      id,
    );
    return { record, next };
  }

  /**
   * Writes the reviewer's changes (if any) under the version they were made on, with one audit
   * entry per changed field; returns the record as it now stands in the transaction.
   */
  private async applyEdit(
    tx: Parameters<Parameters<Database["transaction"]>[0]>[0],
    actor: UserActor,
    id: string,
    edit: RecordEdit,
  ): Promise<RecordUnderReview> {
    const records = new RecordReviewRepository(tx);
    const record = await records.get(id, scopeOf(actor));
    if (!record) throw notFound(RECORD);
    if (!Number.isInteger(edit.version)) throw badRequest("version を指定してください");
    if (edit.version !== record.version) {
      throw staleVersion(record.version);
    }
    const docType = edit.docType ?? record.docType;
    if (!docTypes.includes(docType)) throw badRequest("文書の種類が正しくありません");
    const items = structuredClone(record.items) as RecordItems;
    const changes: { group: string; key: string; before: unknown; after: unknown }[] = [];
    for (const input of edit.fields ?? []) {
      const definition =
        this.definitions.fields.find((f) => f.group === input.group && f.key === input.key) ??
        (items[input.group]?.[input.key] ? { type: "text" as const, labels: [input.key] } : null);
      if (!definition || !items[input.group]) {
        throw badRequest("この記録にない項目です", {
          field: { group: input.group, key: input.key },
        });
      }
      const parsed = parseTypedValue(definition, input.value, this.options.today());
      if (!parsed.ok) {
        throw new HttpError(422, "invalid_value", parsed.reason, {
          field: { group: input.group, key: input.key },
        });
      }
      const before = items[input.group][input.key] as ReviewedFieldItem | undefined;
      if (before && !before.needsReview && isDeepStrictEqual(before.value, parsed.value)) continue;
      items[input.group][input.key] = editedField(before, parsed.value);
      if (!isDeepStrictEqual(before?.value ?? null, parsed.value)) {
        changes.push({
          group: input.group,
          key: input.key,
          before: before?.value ?? null,
          after: parsed.value,
        });
      }
    }
    if (docType === record.docType && isDeepStrictEqual(items, record.items)) return record;

    const needsReview = Object.values(items).some((group) =>
      Object.values(group).some((item) => (item as ReviewedFieldItem).needsReview),
    );
    refuseUnless(
      await records.saveFields(
        id,
        actor.user.id,
        record.version,
        { items, docType, needsReview },
        this.options.leaseMs,
      ),
    );
    const audit = new AuditRepository(tx);
    const identity = { ...auditIdentity(actor), recordId: id, batchId: record.batch.id };
    if (docType !== record.docType) {
      await audit.append({
        action: "record_edit",
        ...identity,
        detail: { docType: { before: record.docType, after: docType } },
      });
    }
    for (const change of changes) {
      await audit.append({ action: "record_edit", ...identity, detail: change });
    }
    return { ...record, docType, items, needsReview, version: record.version + 1 };
  }
}

function staleVersion(version: number): HttpError {
  return new HttpError(
    409,
    "stale_version",
    "他の担当者が先にこの記録を保存しました。最新の内容を読み込み直してから修正してください。",
    { version },
  );
}

function refuseUnless(refusal: WriteRefusal | null): void {
  if (!refusal) return;
  switch (refusal.refused) {
    case "not_found":
      throw notFound(RECORD);
    case "stale_version":
      throw staleVersion(refusal.version);
    case "leased":
      throw new HttpError(423, "leased", `${refusal.holder} さんが編集中です`, {
        holder: refusal.holder,
      });
    case "not_waiting":
      throw new HttpError(409, "not_waiting", "この記録は確認済みまたは差し戻し済みです", {
        status: refusal.status,
      });
  }
}
