import { readFile } from "node:fs/promises";
import type { z } from "zod";
import { fixedId } from "./ids.js";
import type { Resource, SeedLoader, SeedLookup } from "./resource.js";
import { RESOURCES } from "./resources/index.js";
import type { EmulatorStore } from "./store.js";
import { isRecord } from "./validate.js";

export { demoSeed } from "./demo-seed.js";
// The seed types by name, for seeds written in TypeScript; Seed itself is derived from the resource list.
export type { SeedAgentRegistration } from "./resources/agent-registrations.js";
export type { SeedApiKey } from "./resources/api-keys.js";
export type { SeedAuditLogAction } from "./resources/audit-log-actions.js";
export type { SeedAuditLogEvent } from "./resources/audit-log-events.js";
export type { SeedAuditLogExport } from "./resources/audit-log-exports.js";
export type { SeedAuditLogsRetention } from "./resources/audit-logs-retention.js";
export type { SeedAuthenticationFactor } from "./resources/authentication-factors.js";
export type { SeedAuthorizationResource } from "./resources/authorization-resources.js";
export type { SeedAuthorizedApplication } from "./resources/authorized-applications.js";
export type {
  SeedConnectApplication,
  SeedConnectApplicationSecret,
} from "./resources/connect-applications.js";
export type { SeedConnection } from "./resources/connections.js";
export type { SeedDataIntegration } from "./resources/data-integrations.js";
export type { SeedDirectory } from "./resources/directories.js";
export type { SeedDirectoryGroup } from "./resources/directory-groups.js";
export type { SeedDirectoryUser } from "./resources/directory-users.js";
export type { SeedDnsRecord } from "./resources/dns-records.js";
export type { SeedEvent } from "./resources/events.js";
export type { SeedExternalAuthSession } from "./resources/external-auth-sessions.js";
export type { SeedFeatureFlag } from "./resources/feature-flags.js";
export type { SeedGroup } from "./resources/groups.js";
export type { SeedInvitation } from "./resources/invitations.js";
export type { SeedOrganizationMembership } from "./resources/organization-memberships.js";
export type { SeedOrganization } from "./resources/organizations.js";
export type { SeedPermission } from "./resources/permissions.js";
export type { SeedRadarListEntry } from "./resources/radar.js";
export type { SeedRoleAssignment } from "./resources/role-assignments.js";
export type { SeedRole } from "./resources/roles.js";
export type { SeedSession } from "./resources/sessions.js";
export type { SeedUser } from "./resources/users.js";
export type { SeedVaultObject } from "./resources/vault-objects.js";
export type { SeedWebhookEndpoint } from "./resources/webhook-endpoints.js";

type EntryOf<R> = R extends Resource<{ id: string }, infer Entry, string> ? Entry : never;

/** Seed data: WorkOS field names; only identifying fields are required. One key per seeded resource. */
export type Seed = {
  [R in (typeof RESOURCES)[number] as [EntryOf<R>] extends [never] ? never : R["name"]]?: EntryOf<R>[];
};

export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SeedError";
  }
}

/** Seeded objects are spaced one minute apart from this instant so created_at is distinct and increasing. */
export const SEED_EPOCH_MS = Date.UTC(2024, 0, 15, 9, 0, 0);

const SEEDED = RESOURCES.filter((resource) => resource.seed !== undefined) as readonly Resource<
  { id: string },
  unknown
>[];

/** How errors name an entry: `connections[0] (id "conn_1")` or `organizations[2] ("Acme")`. */
function describe(collection: string, index: number, entry: Record<string, unknown>): string {
  const label =
    typeof entry.id === "string"
      ? ` (id "${entry.id}")`
      : typeof entry.name === "string"
        ? ` ("${entry.name}")`
        : "";
  return `${collection}[${index}]${label}`;
}

/** `domains[0].state` from zod's path. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join("");
}

/** The most telling issue: inside a union, the branch that got past the input's type. */
function mostSpecific(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== "invalid_union") return issue;
  const branch = issue.errors.find(
    (issues) => !issues.some((i) => i.code === "invalid_type" && i.path.length === 0),
  );
  const inner = branch?.[0];
  return inner ? { ...mostSpecific(inner), path: [...issue.path, ...inner.path] } : issue;
}

/** Checks shape, enums, ids and references; throws a SeedError naming the offending object. */
export function validateSeed(raw: unknown, source = "seed"): Seed {
  const fail = (message: string): never => {
    throw new SeedError(`Invalid ${source}: ${message}`);
  };
  if (!isRecord(raw)) return fail("the top level must be a JSON object");
  const names = SEEDED.map((resource) => resource.name);
  for (const key of Object.keys(raw)) {
    if (!names.includes(key)) fail(`unknown key "${key}" (expected ${names.join(", ")})`);
  }
  const entries = new Map<string, Record<string, unknown>[]>();
  for (const { name, seed } of SEEDED) {
    const list = raw[name] ?? [];
    if (!Array.isArray(list)) return fail(`"${name}" must be an array`);
    for (const [index, entry] of (list as unknown[]).entries()) {
      if (!isRecord(entry)) return fail(`${name}[${index}] must be an object`);
      const result = seed?.entry.safeParse(entry);
      const issue = result?.error?.issues[0];
      if (issue) {
        const { path, message } = mostSpecific(issue);
        fail(`${describe(name, index, entry)}: "${fieldPath(path)}" ${message}`);
      }
    }
    entries.set(name, list);
  }
  const ids = new Map<string, string>();
  for (const [name, list] of entries) {
    list.forEach((entry, index) => {
      if (typeof entry.id !== "string") return;
      const prior = ids.get(entry.id);
      if (prior) fail(`${describe(name, index, entry)}: duplicate id (also used by ${prior})`);
      ids.set(entry.id, describe(name, index, entry));
    });
  }
  const lookup: SeedLookup = {
    entries: (resource) => (entries.get(resource.name) ?? []) as never[],
    has: (id) => ids.has(id),
  };
  for (const { name, seed, parents } of SEEDED) {
    entries.get(name)?.forEach((entry, index) => {
      for (const [field, parent] of Object.entries(parents ?? {})) {
        const id = entry[field];
        if (typeof id === "string" && !entries.get(parent)?.some((p) => p.id === id)) {
          fail(`${describe(name, index, entry)}: ${field} "${id}" does not match any object in "${parent}"`);
        }
      }
      const problem = seed?.check?.(entry, lookup);
      if (problem !== undefined) fail(`${describe(name, index, entry)}: ${problem}`);
    });
  }
  return raw as Seed;
}

export async function loadSeedFile(path: string): Promise<Seed> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new SeedError(`Cannot read seed file ${path}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new SeedError(`Seed file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  return validateSeed(raw, `seed file ${path}`);
}

/** Fills the store from a validated seed, resource by resource in list order; objects without ids get generated ones. */
export function applySeed(store: EmulatorStore, seed: Seed, now: () => number = Date.now): void {
  let tick = 0;
  let serial = 0;
  const loader: SeedLoader = {
    store,
    stamp: () => new Date(SEED_EPOCH_MS + 60_000 * tick++).toISOString(),
    now,
    fixedId: (prefix, at) => fixedId(prefix, Date.parse(at), ++serial),
  };
  const entries = seed as Record<string, readonly unknown[] | undefined>;
  for (const { name, seed: spec } of SEEDED) spec?.load(entries[name] ?? [], loader);
}
