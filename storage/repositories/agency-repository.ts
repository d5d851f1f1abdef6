import type { Queryable } from "../db/database.ts";

/** The agency batches belong to when none is named (the CLI, the demo). Seeded by migration 003. */
export const DEFAULT_AGENCY_ID = "00000000-0000-4000-8000-000000000001";

/** 'contracted': an agency the municipality contracts the consultation work out to (委託先). */
export type AgencyKind = "direct" | "contracted";

/** A 相談支援機関: the unit that scopes who sees which batches and records. */
export interface Agency {
  id: string;
  name: string;
  kind: AgencyKind;
}

export class AgencyRepository {
  constructor(private readonly db: Queryable) {}

  async list(): Promise<Agency[]> {
    return this.db.query<Agency>("SELECT id, name, kind FROM agencies ORDER BY name");
  }

  async get(id: string): Promise<Agency | null> {
    const [row] = await this.db.query<Agency>("SELECT id, name, kind FROM agencies WHERE id = $1", [
      id,
    ]);
    return row ?? null;
  }

  async findByName(name: string): Promise<Agency | null> {
    const [row] = await this.db.query<Agency>(
      "SELECT id, name, kind FROM agencies WHERE name = $1",
      [name],
    );
    return row ?? null;
  }

  /** Null when the name is taken. */
  async create(name: string, kind: AgencyKind): Promise<Agency | null> {
    const [row] = await this.db.query<Agency>(
      `INSERT INTO agencies (name, kind) VALUES ($1, $2)
       ON CONFLICT (name) DO NOTHING RETURNING id, name, kind`,
      [name, kind],
    );
    return row ?? null;
  }
}
