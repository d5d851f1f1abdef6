import type { Queryable } from "../db/database.ts";
import type { Agency } from "./agency-repository.ts";

/** clerk: ingests and follows batches; reviewer: reviews records; admin: everything. */
export type Role = "clerk" | "reviewer" | "admin";
export const ROLES: readonly Role[] = ["clerk", "reviewer", "admin"];

export interface User {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  agency: Agency;
  disabled: boolean;
  createdAt: Date;
}

export interface NewUser {
  login: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  agencyId: string;
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  agencyId?: string;
  disabled?: boolean;
  passwordHash?: string;
}

interface UserRow {
  id: string;
  login: string;
  display_name: string;
  role: Role;
  disabled: boolean;
  created_at: Date;
  agency_id: string;
  agency_name: string;
  agency_kind: Agency["kind"];
  password_hash: string;
}

const SELECT_USER = `
  SELECT users.*, agencies.name AS agency_name, agencies.kind AS agency_kind
  FROM users JOIN agencies ON agencies.id = users.agency_id`;

export class UserRepository {
  constructor(private readonly db: Queryable) {}

  /** Null when the login is taken. */
  async create(user: NewUser): Promise<User | null> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO users (login, display_name, password_hash, role, agency_id)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (login) DO NOTHING RETURNING id`,
      [user.login, user.displayName, user.passwordHash, user.role, user.agencyId],
    );
    return row ? this.get(row.id) : null;
  }

  async get(id: string): Promise<User | null> {
    const [row] = await this.db.query<UserRow>(`${SELECT_USER} WHERE users.id = $1`, [id]);
    return row ? toUser(row) : null;
  }

  /** With the password hash, for logging in; null for an unknown login. */
  async findForLogin(login: string): Promise<{ user: User; passwordHash: string } | null> {
    const [row] = await this.db.query<UserRow>(`${SELECT_USER} WHERE users.login = $1`, [login]);
    return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
  }

  async list(): Promise<User[]> {
    const rows = await this.db.query<UserRow>(`${SELECT_USER} ORDER BY agencies.name, users.login`);
    return rows.map(toUser);
  }

  async count(): Promise<number> {
    const [row] = await this.db.query<{ n: number }>("SELECT count(*) AS n FROM users");
    return Number(row?.n ?? 0);
  }

  async update(id: string, changes: UserChanges): Promise<User | null> {
    await this.db.query(
      `UPDATE users SET
         display_name = coalesce($2, display_name),
         role = coalesce($3, role),
         agency_id = coalesce($4::uuid, agency_id),
         disabled = coalesce($5, disabled),
         password_hash = coalesce($6, password_hash),
         updated_at = now()
       WHERE id = $1`,
      [
        id,
        changes.displayName ?? null,
        changes.role ?? null,
        changes.agencyId ?? null,
        changes.disabled ?? null,
        changes.passwordHash ?? null,
      ],
    );
    return this.get(id);
  }
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    role: row.role,
    agency: { id: row.agency_id, name: row.agency_name, kind: row.agency_kind },
    disabled: row.disabled,
    createdAt: row.created_at,
  };
}
