import type { AgencyKind, AgencyRepository } from "../../storage/repositories/agency-repository.ts";
import type { ApiTokenRepository } from "../../storage/repositories/api-token-repository.ts";
import type { AuditRepository } from "../../storage/repositories/audit-repository.ts";
import type { SessionRepository } from "../../storage/repositories/session-repository.ts";
import type { Role, User, UserRepository } from "../../storage/repositories/user-repository.ts";
import { type Actor, auditIdentity } from "../auth/actor.ts";
import { hashPassword, passwordProblem } from "../auth/passwords.ts";
import { hashSecret, newSecret } from "../auth/secrets.ts";
import { badRequest, HttpError, notFound } from "../http-error.ts";

export interface NewUserInput {
  login: string;
  displayName: string;
  password: string;
  role: Role;
  agencyId: string;
}

export interface UserUpdateInput {
  displayName?: string;
  role?: Role;
  agencyId?: string;
  disabled?: boolean;
  password?: string;
}

const LOGIN = /^[A-Za-z0-9._@-]{3,64}$/;

/** Accounts, agencies and API tokens; every change is written to the audit trail. */
export class AdminService {
  constructor(
    private readonly users: UserRepository,
    private readonly agencies: AgencyRepository,
    private readonly sessions: SessionRepository,
    private readonly tokens: ApiTokenRepository,
    private readonly audit: AuditRepository,
  ) {}

  async createUser(actor: Actor, input: NewUserInput): Promise<User> {
    if (!LOGIN.test(input.login)) {
      throw badRequest("ログイン名は半角英数字と . _ @ - で 3〜64 文字にしてください");
    }
    if (!input.displayName.trim()) throw badRequest("表示名を入力してください");
    const weak = passwordProblem(input.password);
    if (weak) throw badRequest(weak);
    if (!(await this.agencies.get(input.agencyId)))
      throw badRequest("相談支援機関が見つかりません");
    const user = await this.users.create({
      login: input.login,
      displayName: input.displayName.trim(),
      passwordHash: await hashPassword(input.password),
      role: input.role,
      agencyId: input.agencyId,
    });
    if (!user) throw new HttpError(409, "login_taken", "そのログイン名は使われています");
    await this.audit.append({
      action: "user_create",
      ...auditIdentity(actor),
      detail: { userId: user.id, login: user.login, role: user.role, agencyId: user.agency.id },
    });
    return user;
  }

  async updateUser(actor: Actor, id: string, input: UserUpdateInput): Promise<User> {
    if (!(await this.users.get(id))) throw notFound("利用者");
    if (input.password !== undefined) {
      const weak = passwordProblem(input.password);
      if (weak) throw badRequest(weak);
    }
    if (input.agencyId && !(await this.agencies.get(input.agencyId))) {
      throw badRequest("相談支援機関が見つかりません");
    }
    const updated = await this.users.update(id, {
      displayName: input.displayName?.trim() || undefined,
      role: input.role,
      agencyId: input.agencyId,
      disabled: input.disabled,
      passwordHash: input.password === undefined ? undefined : await hashPassword(input.password),
    });
    // A disabled account, a new password or a new agency must not keep old sessions open.
    if (input.disabled || input.password !== undefined || input.agencyId || input.role) {
      await this.sessions.deleteForUser(id);
    }
    const { password, ...changed } = input;
    await this.audit.append({
      action: "user_update",
      ...auditIdentity(actor),
      detail: { userId: id, ...changed, passwordChanged: password !== undefined },
    });
    return updated as User;
  }

  async createAgency(actor: Actor, name: string, kind: AgencyKind) {
    const trimmed = name.trim();
    if (!trimmed) throw badRequest("機関名を入力してください");
    const agency = await this.agencies.create(trimmed, kind);
    if (!agency) throw new HttpError(409, "agency_exists", "同じ名前の機関があります");
    await this.audit.append({
      action: "agency_create",
      ...auditIdentity(actor),
      detail: { agencyId: agency.id, name: agency.name, kind },
    });
    return agency;
  }

  /** The secret is returned once and never stored. */
  async createToken(actor: Actor, name: string, agencyId: string) {
    if (!name.trim()) throw badRequest("トークンの名前を入力してください");
    if (!(await this.agencies.get(agencyId))) throw badRequest("相談支援機関が見つかりません");
    const secret = `kmr_${newSecret()}`;
    const identity = auditIdentity(actor);
    const token = await this.tokens.create(
      name.trim(),
      hashSecret(secret),
      agencyId,
      identity.userId,
    );
    await this.audit.append({
      action: "token_create",
      ...identity,
      detail: { tokenId: token.id, name: token.name, agencyId },
    });
    return { token, secret };
  }

  async revokeToken(actor: Actor, id: string): Promise<void> {
    if (!(await this.tokens.revoke(id))) throw notFound("トークン");
    await this.audit.append({
      action: "token_revoke",
      ...auditIdentity(actor),
      detail: { tokenId: id },
    });
  }
}
