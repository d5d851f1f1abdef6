import type { Queryable } from "../db/database.ts";

/** A stored login session, found by the SHA-256 of the token in the cookie. */
export interface StoredSession {
  userId: string;
  csrfToken: string;
  expiresAt: Date;
}

export class SessionRepository {
  constructor(private readonly db: Queryable) {}

  async create(tokenHash: string, userId: string, csrfToken: string, expiresAt: Date) {
    await this.db.query(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)",
      [tokenHash, userId, csrfToken, expiresAt],
    );
  }

  /** The session if it has not expired. */
  async findLive(tokenHash: string): Promise<StoredSession | null> {
    const [row] = await this.db.query<{ user_id: string; csrf_token: string; expires_at: Date }>(
      "SELECT user_id, csrf_token, expires_at FROM sessions WHERE token_hash = $1 AND expires_at > now()",
      [tokenHash],
    );
    return row
      ? { userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at }
      : null;
  }

  /** Sliding expiry: a session in use stays open, an idle one closes. */
  async extend(tokenHash: string, expiresAt: Date): Promise<void> {
    await this.db.query("UPDATE sessions SET expires_at = $2 WHERE token_hash = $1", [
      tokenHash,
      expiresAt,
    ]);
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.query("DELETE FROM sessions WHERE token_hash = $1", [tokenHash]);
  }

  /** A disabled account or a new password ends every session of that person. */
  async deleteForUser(userId: string): Promise<void> {
    await this.db.query("DELETE FROM sessions WHERE user_id = $1", [userId]);
  }

  async deleteExpired(): Promise<void> {
    await this.db.query("DELETE FROM sessions WHERE expires_at <= now()");
  }
}
