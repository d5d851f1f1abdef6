import type { AuditRepository } from "../../storage/repositories/audit-repository.ts";
import type { SessionRepository } from "../../storage/repositories/session-repository.ts";
import type { User, UserRepository } from "../../storage/repositories/user-repository.ts";
import { verifyAgainstDecoy, verifyPassword } from "../auth/passwords.ts";
import { hashSecret, newSecret } from "../auth/secrets.ts";

export interface SessionServiceOptions {
  /** A session unused for this long closes. */
  idleMs: number;
}

export interface OpenedSession {
  user: User;
  /** Goes into the cookie; only its hash is stored. */
  sessionToken: string;
  csrfToken: string;
}

export interface LiveSession {
  user: User;
  csrfToken: string;
  sessionHash: string;
}

/** Logging in and out, and finding the person behind a session cookie. */
export class SessionService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditRepository,
    private readonly options: SessionServiceOptions,
  ) {}

  /** Null for an unknown login, a wrong password or a disabled account (one answer for all). */
  async login(login: string, password: string): Promise<OpenedSession | null> {
    const found = await this.users.findForLogin(login);
    const valid = found
      ? await verifyPassword(found.passwordHash, password)
      : await verifyAgainstDecoy(password);
    if (!found || !valid || found.user.disabled) {
      await this.audit.append({
        action: "login_failed",
        userId: found?.user.id ?? null,
        login: found ? null : login.slice(0, 100),
        agencyId: found?.user.agency.id ?? null,
      });
      return null;
    }
    const sessionToken = newSecret();
    const csrfToken = newSecret();
    await this.sessions.deleteExpired();
    await this.sessions.create(hashSecret(sessionToken), found.user.id, csrfToken, this.expiry());
    await this.audit.append({
      action: "login",
      userId: found.user.id,
      agencyId: found.user.agency.id,
    });
    return { user: found.user, sessionToken, csrfToken };
  }

  async authenticate(sessionToken: string): Promise<LiveSession | null> {
    const sessionHash = hashSecret(sessionToken);
    const session = await this.sessions.findLive(sessionHash);
    if (!session) return null;
    const user = await this.users.get(session.userId);
    if (!user || user.disabled) return null;
    // Extended at most once a minute, not on every request.
    if (session.expiresAt.getTime() - Date.now() < this.options.idleMs - 60_000) {
      await this.sessions.extend(sessionHash, this.expiry());
    }
    return { user, csrfToken: session.csrfToken, sessionHash };
  }

  async logout(session: LiveSession): Promise<void> {
    await this.sessions.delete(session.sessionHash);
    await this.audit.append({
      action: "logout",
      userId: session.user.id,
      agencyId: session.user.agency.id,
    });
  }

  private expiry(): Date {
    return new Date(Date.now() + this.options.idleMs);
  }
}
