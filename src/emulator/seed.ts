import { readFile } from "node:fs/promises";
import { fixedId, newId, randomToken } from "./ids.js";
import {
  CONNECTION_STATES,
  CONNECTION_TYPES,
  type Connection,
  DIRECTORY_STATES,
  DIRECTORY_TYPES,
  type Directory,
  type DirectoryGroup,
  type DirectoryUser,
  DOMAIN_STATES,
  type Organization,
  type OrganizationDomain,
  USER_STATES,
  type WebhookEndpoint,
} from "./models.js";
import type { EmulatorStore } from "./state.js";

export { demoSeed } from "./demo-seed.js";

type SeedDomain = string | { id?: string; domain: string; state?: string; verification_strategy?: string };

export interface SeedOrganization {
  id?: string;
  name: string;
  domains?: SeedDomain[];
  domain_data?: { domain: string; state: string }[];
  metadata?: Record<string, string> | null;
  external_id?: string | null;
  stripe_customer_id?: string;
  allow_profiles_outside_organization?: boolean;
  created_at?: string;
  updated_at?: string;
}

export interface SeedConnection {
  id?: string;
  organization_id: string;
  connection_type?: string;
  name?: string;
  state?: string;
  domains?: (string | { id?: string; domain: string })[];
  created_at?: string;
  updated_at?: string;
}

export interface SeedDirectory {
  id?: string;
  organization_id: string;
  external_key?: string;
  type?: string;
  state?: string;
  name?: string;
  domain?: string;
  created_at?: string;
  updated_at?: string;
}

export interface SeedDirectoryGroup {
  id?: string;
  directory_id: string;
  idp_id?: string;
  name: string;
  raw_attributes?: Record<string, unknown>;
  created_at?: string;
  updated_at?: string;
}

export interface SeedDirectoryUser {
  id?: string;
  directory_id: string;
  idp_id?: string;
  email?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  name?: string | null;
  job_title?: string | null;
  username?: string | null;
  state?: string;
  emails?: { primary: boolean; type: string; value: string | null }[];
  raw_attributes?: Record<string, unknown>;
  custom_attributes?: Record<string, unknown>;
  role?: { slug: string };
  roles?: { slug: string }[];
  /** Ids of directory groups in the same directory. */
  groups?: string[];
  created_at?: string;
  updated_at?: string;
}

/** Seed data: WorkOS field names; only identifying fields are required. */
export interface Seed {
  organizations?: SeedOrganization[];
  connections?: SeedConnection[];
  directories?: SeedDirectory[];
  directory_users?: SeedDirectoryUser[];
  directory_groups?: SeedDirectoryGroup[];
  webhook_endpoints?: WebhookEndpoint[];
}

export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SeedError";
  }
}

/** Seeded objects are spaced one minute apart from this instant so created_at is distinct and increasing. */
export const SEED_EPOCH_MS = Date.UTC(2024, 0, 15, 9, 0, 0);

const COLLECTIONS = [
  "organizations",
  "connections",
  "directories",
  "directory_users",
  "directory_groups",
  "webhook_endpoints",
] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(collection: string, index: number, obj: Record<string, unknown>): string {
  const label =
    typeof obj.id === "string" ? ` (id "${obj.id}")` : typeof obj.name === "string" ? ` ("${obj.name}")` : "";
  return `${collection}[${index}]${label}`;
}

/** Checks shape and references; throws a SeedError naming the offending object. */
export function validateSeed(raw: unknown, source = "seed"): Seed {
  const fail = (message: string): never => {
    throw new SeedError(`Invalid ${source}: ${message}`);
  };
  if (!isRecord(raw)) return fail("the top level must be a JSON object");
  for (const key of Object.keys(raw)) {
    if (!(COLLECTIONS as readonly string[]).includes(key)) {
      fail(`unknown key "${key}" (expected ${COLLECTIONS.join(", ")})`);
    }
  }
  const ids = new Map<string, string>();
  const arrays: Record<string, Record<string, unknown>[]> = {};
  for (const key of COLLECTIONS) {
    const value = raw[key] ?? [];
    if (!Array.isArray(value)) return fail(`"${key}" must be an array`);
    value.forEach((obj, index) => {
      if (!isRecord(obj)) fail(`${key}[${index}] must be an object`);
    });
    arrays[key] = value as Record<string, unknown>[];
  }
  const need = (collection: string, index: number, obj: Record<string, unknown>, field: string): void => {
    if (typeof obj[field] !== "string" || obj[field] === "") {
      fail(`${describe(collection, index, obj)}: "${field}" is required and must be a non-empty string`);
    }
  };
  const oneOf = (
    collection: string,
    index: number,
    obj: Record<string, unknown>,
    field: string,
    allowed: readonly string[],
  ): void => {
    const value = obj[field];
    if (value !== undefined && (typeof value !== "string" || !allowed.includes(value))) {
      fail(`${describe(collection, index, obj)}: "${field}" must be one of ${allowed.join(", ")}`);
    }
  };
  for (const key of COLLECTIONS) {
    arrays[key]?.forEach((obj, index) => {
      if (obj.id === undefined) return;
      if (typeof obj.id !== "string" || obj.id === "")
        fail(`${describe(key, index, obj)}: "id" must be a string`);
      const prior = ids.get(obj.id as string);
      if (prior) fail(`${describe(key, index, obj)}: duplicate id (also used by ${prior})`);
      ids.set(obj.id as string, describe(key, index, obj));
    });
  }
  const refersTo = (
    collection: string,
    index: number,
    obj: Record<string, unknown>,
    field: string,
    target: string,
  ): void => {
    const id = obj[field] as string;
    if (!arrays[target]?.some((t) => t.id === id)) {
      fail(`${describe(collection, index, obj)}: ${field} "${id}" does not match any object in "${target}"`);
    }
  };
  arrays.organizations?.forEach((obj, i) => {
    need("organizations", i, obj, "name");
    if (obj.domains !== undefined && !Array.isArray(obj.domains))
      fail(`${describe("organizations", i, obj)}: "domains" must be an array`);
    for (const d of (obj.domains as unknown[] | undefined) ?? []) {
      const domain = isRecord(d) ? d.domain : d;
      if (typeof domain !== "string")
        fail(`${describe("organizations", i, obj)}: every domain needs a "domain" string`);
      if (isRecord(d)) oneOf("organizations", i, d, "state", DOMAIN_STATES);
    }
    if (obj.metadata !== undefined && obj.metadata !== null && !isRecord(obj.metadata)) {
      fail(`${describe("organizations", i, obj)}: "metadata" must be an object`);
    }
  });
  arrays.connections?.forEach((obj, i) => {
    need("connections", i, obj, "organization_id");
    refersTo("connections", i, obj, "organization_id", "organizations");
    oneOf("connections", i, obj, "connection_type", CONNECTION_TYPES);
    oneOf("connections", i, obj, "state", CONNECTION_STATES);
  });
  arrays.directories?.forEach((obj, i) => {
    need("directories", i, obj, "organization_id");
    refersTo("directories", i, obj, "organization_id", "organizations");
    oneOf("directories", i, obj, "type", DIRECTORY_TYPES);
    oneOf("directories", i, obj, "state", DIRECTORY_STATES);
  });
  arrays.directory_groups?.forEach((obj, i) => {
    need("directory_groups", i, obj, "directory_id");
    need("directory_groups", i, obj, "name");
    refersTo("directory_groups", i, obj, "directory_id", "directories");
  });
  arrays.directory_users?.forEach((obj, i) => {
    need("directory_users", i, obj, "directory_id");
    refersTo("directory_users", i, obj, "directory_id", "directories");
    oneOf("directory_users", i, obj, "state", USER_STATES);
    if (obj.groups !== undefined && !Array.isArray(obj.groups))
      fail(`${describe("directory_users", i, obj)}: "groups" must be an array of group ids`);
    for (const groupId of (obj.groups as unknown[] | undefined) ?? []) {
      const group = arrays.directory_groups?.find((g) => g.id === groupId);
      if (!group)
        fail(
          `${describe("directory_users", i, obj)}: group "${String(groupId)}" does not match any directory group`,
        );
      else if (group.directory_id !== obj.directory_id) {
        fail(
          `${describe("directory_users", i, obj)}: group "${String(groupId)}" belongs to another directory`,
        );
      }
    }
  });
  arrays.webhook_endpoints?.forEach((obj, i) => {
    need("webhook_endpoints", i, obj, "url");
    need("webhook_endpoints", i, obj, "secret");
    if (
      obj.events !== undefined &&
      !(Array.isArray(obj.events) && obj.events.every((e) => typeof e === "string"))
    ) {
      fail(`webhook_endpoints[${i}]: "events" must be an array of event type strings`);
    }
  });
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

function verificationFields(state: string): Partial<OrganizationDomain> {
  if (state === "verified" || state === "legacy_verified") return { verification_strategy: "manual" };
  return {
    verification_strategy: "dns",
    verification_prefix: "workos-domain-verification",
    verification_token: randomToken(12),
  };
}

export function makeOrganizationDomain(
  organizationId: string,
  domain: string,
  state: string,
  at: string,
  id?: string,
): OrganizationDomain {
  return {
    object: "organization_domain",
    id: id ?? newId("org_domain"),
    organization_id: organizationId,
    domain: domain.toLowerCase(),
    state: state as OrganizationDomain["state"],
    verification_strategy: "manual",
    ...verificationFields(state),
    created_at: at,
    updated_at: at,
  };
}

/** Fills the store from a validated seed; objects without ids get generated ones. */
export function applySeed(store: EmulatorStore, seed: Seed): void {
  let tick = 0;
  let serial = 0;
  const stamp = (): string => new Date(SEED_EPOCH_MS + 60_000 * tick++).toISOString();
  const byCreation = <T extends { created_at?: string }>(items: readonly T[] | undefined): T[] =>
    [...(items ?? [])].sort((a, b) => (a.created_at ?? "").localeCompare(b.created_at ?? ""));

  const orgs = (seed.organizations ?? []).map((s) => ({ s, at: s.created_at ?? stamp() }));
  for (const { s, at } of orgs.sort((a, b) => a.at.localeCompare(b.at))) {
    const id = s.id ?? fixedId("org", Date.parse(at), ++serial);
    const domains: OrganizationDomain[] = [];
    for (const d of s.domains ?? []) {
      const domainId =
        (typeof d === "string" ? undefined : d.id) ?? fixedId("org_domain", Date.parse(at), ++serial);
      if (typeof d === "string") domains.push(makeOrganizationDomain(id, d, "verified", at, domainId));
      else {
        const domain = makeOrganizationDomain(id, d.domain, d.state ?? "verified", at, domainId);
        if (d.verification_strategy === "dns" || d.verification_strategy === "manual") {
          domain.verification_strategy = d.verification_strategy;
        }
        domains.push(domain);
      }
    }
    for (const d of s.domain_data ?? []) {
      domains.push(
        makeOrganizationDomain(id, d.domain, d.state, at, fixedId("org_domain", Date.parse(at), ++serial)),
      );
    }
    const org: Organization = {
      object: "organization",
      id,
      name: s.name,
      domains,
      metadata: { ...(s.metadata ?? {}) },
      external_id: s.external_id ?? null,
      created_at: at,
      updated_at: s.updated_at ?? at,
    };
    if (s.stripe_customer_id !== undefined) org.stripe_customer_id = s.stripe_customer_id;
    if (s.allow_profiles_outside_organization !== undefined) {
      org.allow_profiles_outside_organization = s.allow_profiles_outside_organization;
    }
    store.organizations.insert(org);
  }

  for (const s of byCreation(seed.connections)) {
    const at = s.created_at ?? stamp();
    const org = store.organizations.get(s.organization_id);
    const domainList =
      s.domains ?? org?.domains.filter((d) => d.state === "verified").map((d) => d.domain) ?? [];
    const conn: Connection = {
      object: "connection",
      id: s.id ?? fixedId("conn", Date.parse(at), ++serial),
      organization_id: s.organization_id,
      connection_type: s.connection_type ?? "GenericSAML",
      name: s.name ?? org?.name ?? "Connection",
      state: (s.state ?? "active") as Connection["state"],
      domains: domainList.map((d) => ({
        object: "connection_domain",
        id: (typeof d === "string" ? undefined : d.id) ?? fixedId("conn_domain", Date.parse(at), ++serial),
        domain: typeof d === "string" ? d : d.domain,
      })),
      created_at: at,
      updated_at: s.updated_at ?? at,
    };
    store.connections.insert(conn);
  }

  for (const s of byCreation(seed.directories)) {
    const at = s.created_at ?? stamp();
    const org = store.organizations.get(s.organization_id);
    const dir: Directory = {
      object: "directory",
      id: s.id ?? fixedId("directory", Date.parse(at), ++serial),
      organization_id: s.organization_id,
      external_key: s.external_key ?? randomToken(12),
      type: s.type ?? "generic scim v2.0",
      state: (s.state ?? "linked") as Directory["state"],
      name: s.name ?? `${org?.name ?? "Directory"} directory`,
      created_at: at,
      updated_at: s.updated_at ?? at,
    };
    const domain = s.domain ?? org?.domains[0]?.domain;
    if (domain !== undefined) dir.domain = domain;
    store.directories.insert(dir);
  }

  for (const s of byCreation(seed.directory_groups)) {
    const at = s.created_at ?? stamp();
    const dir = store.directories.get(s.directory_id);
    const id = s.id ?? fixedId("directory_group", Date.parse(at), ++serial);
    store.directoryGroups.insert({
      object: "directory_group",
      id,
      idp_id: s.idp_id ?? id.slice(-12).toLowerCase(),
      directory_id: s.directory_id,
      organization_id: dir?.organization_id ?? "",
      name: s.name,
      raw_attributes: { ...(s.raw_attributes ?? {}) },
      created_at: at,
      updated_at: s.updated_at ?? at,
    } satisfies DirectoryGroup);
  }

  for (const s of byCreation(seed.directory_users)) {
    const at = s.created_at ?? stamp();
    const dir = store.directories.get(s.directory_id);
    const id = s.id ?? fixedId("directory_user", Date.parse(at), ++serial);
    const email = s.email ?? null;
    const firstName = s.first_name ?? null;
    const lastName = s.last_name ?? null;
    const user: DirectoryUser = {
      object: "directory_user",
      id,
      directory_id: s.directory_id,
      organization_id: dir?.organization_id ?? "",
      idp_id: s.idp_id ?? id.slice(-10).toLowerCase(),
      email,
      first_name: firstName,
      last_name: lastName,
      name: s.name ?? ([firstName, lastName].filter(Boolean).join(" ") || null),
      emails: s.emails ?? (email === null ? [] : [{ primary: true, type: "work", value: email }]),
      job_title: s.job_title ?? null,
      username: s.username ?? email,
      state: (s.state ?? "active") as DirectoryUser["state"],
      raw_attributes: { ...(s.raw_attributes ?? {}) },
      custom_attributes: { ...(s.custom_attributes ?? {}) },
      created_at: at,
      updated_at: s.updated_at ?? at,
      group_ids: [...(s.groups ?? [])],
    };
    if (s.role !== undefined) user.role = s.role;
    if (s.roles !== undefined) user.roles = s.roles;
    store.directoryUsers.insert(user);
  }

  store.webhookEndpoints = (seed.webhook_endpoints ?? []).map((e) => ({ ...e }));
}
