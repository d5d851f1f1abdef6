import express from "express";
import type { FormDefinitions } from "../../config/forms/form-definitions.ts";
import type { AgencyRepository } from "../../storage/repositories/agency-repository.ts";
import type { ApiTokenRepository } from "../../storage/repositories/api-token-repository.ts";
import type { AuditAction, AuditRepository } from "../../storage/repositories/audit-repository.ts";
import type { FieldReviewRepository } from "../../storage/repositories/field-review-repository.ts";
import type { RecordExportRepository } from "../../storage/repositories/record-export-repository.ts";
import {
  ROLES,
  type Role,
  type UserRepository,
} from "../../storage/repositories/user-repository.ts";
import type { WebhookDeliveryRepository } from "../../storage/repositories/webhook-delivery-repository.ts";
import type { JobRepository } from "../../workers/job-repository.ts";
import { auditIdentity } from "../auth/actor.ts";
import { allowed } from "../auth/authenticate.ts";
import { badRequest, HttpError, notFound } from "../http-error.ts";
import { isUuid } from "../is-uuid.ts";
import type { AdminService } from "../services/admin-service.ts";
import { userView } from "./session-routes.ts";

export interface AdminRouteDependencies {
  admin: AdminService;
  users: UserRepository;
  agencies: AgencyRepository;
  tokens: ApiTokenRepository;
  audit: AuditRepository;
  fieldReviews: FieldReviewRepository;
  deliveries: WebhookDeliveryRepository;
  exports: RecordExportRepository;
  jobs: JobRepository;
  definitions: FormDefinitions;
}

/** Users, agencies, API tokens, the audit trail and correction rates (API.md, "Administration"). */
export function adminRoutes(deps: AdminRouteDependencies) {
  const router = express.Router();
  router.use((_request, response, next) => {
    allowed(response, "admin");
    next();
  });

  router.get("/users", async (_request, response) => {
    const users = await deps.users.list();
    response.json({
      users: users.map((user) => ({
        ...userView(user),
        disabled: user.disabled,
        createdAt: user.createdAt.toISOString(),
      })),
    });
  });

  router.post("/users", async (request, response) => {
    const body = request.body ?? {};
    const user = await deps.admin.createUser(response.locals.actor, {
      login: text(body.login),
      displayName: text(body.displayName),
      password: text(body.password),
      role: role(body.role),
      agencyId: uuid(body.agencyId),
    });
    response.status(201).json({ user: userView(user) });
  });

  router.patch("/users/:id", async (request, response) => {
    const body = request.body ?? {};
    const id = request.params.id;
    if (!isUuid(id)) throw notFound("利用者");
    const user = await deps.admin.updateUser(response.locals.actor, id, {
      displayName: body.displayName === undefined ? undefined : text(body.displayName),
      role: body.role === undefined ? undefined : role(body.role),
      agencyId: body.agencyId === undefined ? undefined : uuid(body.agencyId),
      disabled: typeof body.disabled === "boolean" ? body.disabled : undefined,
      password: body.password === undefined ? undefined : text(body.password),
    });
    response.json({ user: { ...userView(user), disabled: user.disabled } });
  });

  router.get("/agencies", async (_request, response) => {
    response.json({ agencies: await deps.agencies.list() });
  });

  router.post("/agencies", async (request, response) => {
    const body = request.body ?? {};
    const kind = body.kind === "contracted" ? "contracted" : "direct";
    const agency = await deps.admin.createAgency(response.locals.actor, text(body.name), kind);
    response.status(201).json({ agency });
  });

  router.get("/tokens", async (_request, response) => {
    response.json({ tokens: await deps.tokens.list() });
  });

  router.post("/tokens", async (request, response) => {
    const body = request.body ?? {};
    const created = await deps.admin.createToken(
      response.locals.actor,
      text(body.name),
      uuid(body.agencyId),
    );
    response.status(201).json(created);
  });

  router.delete("/tokens/:id", async (request, response) => {
    const id = request.params.id;
    if (!isUuid(id)) throw notFound("トークン");
    await deps.admin.revokeToken(response.locals.actor, id);
    response.status(204).end();
  });

  router.get("/audit", async (request, response) => {
    const query = request.query;
    const limit = Math.min(500, Math.max(1, Number(query.limit) || 100));
    const entries = await deps.audit.list({
      action:
        typeof query.action === "string" && query.action
          ? (query.action as AuditAction)
          : undefined,
      userId: isUuid(query.userId) ? query.userId : undefined,
      recordId: isUuid(query.recordId) ? query.recordId : undefined,
      before:
        Number.isInteger(Number(query.before)) && query.before ? Number(query.before) : undefined,
      limit,
    });
    response.json({
      entries: entries.map((entry) => ({ ...entry, at: entry.at.toISOString() })),
      nextBefore: entries.length === limit ? entries[entries.length - 1]?.id : null,
    });
  });

  router.get("/correction-rates", async (_request, response) => {
    const rates = await deps.fieldReviews.correctionRates();
    response.json({
      fields: rates.map((rate) => ({
        ...rate,
        label:
          deps.definitions.fields.find((f) => f.group === rate.group && f.key === rate.key)
            ?.labels[0] ?? rate.key,
        rate: rate.reviewed > 0 ? rate.corrected / rate.reviewed : 0,
      })),
    });
  });

  router.get("/deliveries", async (request, response) => {
    const status = request.query.status === "pending" ? "pending" : "failed";
    const deliveries = await deps.deliveries.listOpen(status, 200);
    response.json({
      deliveries: await Promise.all(
        deliveries.map(async (delivery) => {
          const frozen = await deps.exports.get(delivery.exportSeq);
          return {
            id: delivery.id,
            recordId: frozen?.recordId ?? null,
            version: frozen?.version ?? null,
            status: delivery.status,
            attempts: delivery.attempts,
            lastError: delivery.lastError,
            createdAt: delivery.createdAt.toISOString(),
            updatedAt: delivery.updatedAt.toISOString(),
          };
        }),
      ),
    });
  });

  router.post("/deliveries/:id/retry", async (request, response) => {
    const id = request.params.id;
    if (!isUuid(id)) throw notFound("送信");
    if (!(await deps.deliveries.reopen(id))) {
      throw new HttpError(409, "not_failed", "失敗した送信だけを再送できます");
    }
    await deps.jobs.enqueueDelivery(id);
    await deps.audit.append({
      action: "delivery_retry",
      ...auditIdentity(response.locals.actor),
      detail: { deliveryId: id },
    });
    response.status(202).json({ status: "pending" });
  });

  return router;
}

function text(value: unknown): string {
  if (typeof value !== "string") throw badRequest("入力が足りません");
  return value;
}

function uuid(value: unknown): string {
  if (!isUuid(value)) throw badRequest("相談支援機関を選んでください");
  return value;
}

function role(value: unknown): Role {
  if (!ROLES.includes(value as Role)) throw badRequest("役割を選んでください");
  return value as Role;
}
