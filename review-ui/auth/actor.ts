import type { ApiToken } from "../../storage/repositories/api-token-repository.ts";
import type { AgencyScope } from "../../storage/repositories/record-review-repository.ts";
import type { Role, User } from "../../storage/repositories/user-repository.ts";

/**
 * Who is calling: a person with a session, the platform with an API token, or `kamiroku`
 * commands on this machine with the local token of server.json (whoever can read that file can
 * read the data folder anyway).
 */
export type Actor =
  | { kind: "user"; user: User; csrfToken: string; sessionHash: string }
  | { kind: "token"; token: ApiToken }
  | { kind: "local" };

export type Permission = "upload" | "batches" | "review" | "admin" | "platform";

const permissionsOfRole: Record<Role, readonly Permission[]> = {
  clerk: ["upload", "batches"],
  reviewer: ["review", "batches"],
  admin: ["upload", "batches", "review", "admin"],
};

export function may(actor: Actor, permission: Permission): boolean {
  switch (actor.kind) {
    case "user":
      return permissionsOfRole[actor.user.role].includes(permission);
    case "token":
      return permission === "platform";
    case "local":
      return permission === "upload" || permission === "batches";
  }
}

/** Admins and local commands see every agency; everyone else their own. */
export function scopeOf(actor: Actor): AgencyScope {
  switch (actor.kind) {
    case "user":
      return { agencyId: actor.user.role === "admin" ? null : actor.user.agency.id };
    case "token":
      return { agencyId: actor.token.agency.id };
    case "local":
      return { agencyId: null };
  }
}

/** Who the audit trail names for an action. */
export function auditIdentity(actor: Actor): {
  userId: string | null;
  login: string | null;
  agencyId: string | null;
} {
  switch (actor.kind) {
    case "user":
      return { userId: actor.user.id, login: null, agencyId: actor.user.agency.id };
    case "token":
      return { userId: null, login: `token:${actor.token.name}`, agencyId: actor.token.agency.id };
    case "local":
      return { userId: null, login: "kamiroku (local)", agencyId: null };
  }
}
