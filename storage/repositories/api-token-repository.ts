import type { Queryable } from "../db/database.ts";
import type { Agency } from "./agency-repository.ts";

/** A token the platform authenticates with; only its SHA-256 is stored. */
export interface ApiToken {
  id: string;
  name: string;
  agency: Agency;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

interface ApiTokenRow {
  id: string;
  name: string;
  agency_id: string;
  agency_name: string;
  agency_kind: Agency["kind"];
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const SELECT_TOKEN = `
  SELECT api_tokens.*, agencies.name AS agency_name, agencies.kind AS agency_kind
  FROM api_tokens JOIN agencies ON agencies.id = api_tokens.agency_id`;

export class ApiTokenRepository {
  constructor(private readonly db: Queryable) {}

  async create(
    name: string,
    tokenHash: string,
    agencyId: string,
    createdBy: string | null,
  ): Promise<ApiToken> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO api_tokens (name, token_hash, agency_id, created_by)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [name, tokenHash, agencyId, createdBy],
    );
    const [created] = await this.db.query<ApiTokenRow>(`${SELECT_TOKEN} WHERE api_tokens.id = $1`, [
      row?.id,
    ]);
    return toToken(created as ApiTokenRow);
  }

  /** The token if it exists and is not revoked; marks it used. */
  async useLive(tokenHash: string): Promise<ApiToken | null> {
    const [row] = await this.db.query<ApiTokenRow>(
      `${SELECT_TOKEN} WHERE api_tokens.token_hash = $1 AND api_tokens.revoked_at IS NULL`,
      [tokenHash],
    );
    if (!row) return null;
    await this.db.query("UPDATE api_tokens SET last_used_at = now() WHERE id = $1", [row.id]);
    return toToken(row);
  }

  async list(): Promise<ApiToken[]> {
    const rows = await this.db.query<ApiTokenRow>(`${SELECT_TOKEN} ORDER BY api_tokens.created_at`);
    return rows.map(toToken);
  }

  /** The row stays, revoked, so that the audit trail can still name it. False when unknown. */
  async revoke(id: string): Promise<boolean> {
    const rows = await this.db.query(
      "UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING id",
      [id],
    );
    return rows.length > 0;
  }
}

function toToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    agency: { id: row.agency_id, name: row.agency_name, kind: row.agency_kind },
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
