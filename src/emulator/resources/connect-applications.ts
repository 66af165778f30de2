import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import {
  CONNECT_APPLICATION_ID_PREFIX,
  CONNECT_CLIENT_ID_PREFIX,
  type ConnectApplication,
  connectApplication,
} from "../../workos/connect-application.js";
import {
  CONNECT_APPLICATION_SECRET_ID_PREFIX,
  type ConnectApplicationSecret,
  connectApplicationSecret,
  type NewConnectApplicationSecret,
} from "../../workos/connect-application-secret.js";
import { CONNECT_APPLICATION_TYPES, CONNECT_REGISTRATION_TYPES } from "../../workos-vocabulary.js";
import { notFound, unprocessable } from "../errors.js";
import { isoTime, newId } from "../ids.js";
import { paginate, parseListParams } from "../pagination.js";
import type { Resource, SeedLoader } from "../resource.js";
import { oneOf, requiredString, seedId, seedTimestamps } from "../resource.js";
import { deleteRoute, findOr404 } from "../resource-routes.js";
import type { EmulatorContext } from "../router.js";
import { commaList, FieldErrors, isRecord, requireObjectBody } from "../validate.js";
import { organizations } from "./organizations.js";

type RedirectUri = { uri: string; default: boolean };

const seedRedirectUri = z.object({
  uri: z.url({ error: "must be a URL" }),
  default: z.boolean({ error: "must be a boolean" }).optional(),
});

const seedEntry = z.object({
  id: seedId,
  client_id: z.string({ error: "must be a string" }).optional(),
  name: requiredString(),
  application_type: oneOf(CONNECT_APPLICATION_TYPES),
  description: z.string({ error: "must be a string" }).nullable().optional(),
  scopes: z.array(z.string(), { error: "must be an array of strings" }).optional(),
  redirect_uris: z.array(seedRedirectUri, { error: "must be an array" }).optional(),
  uses_pkce: z.boolean({ error: "must be a boolean" }).optional(),
  is_first_party: z.boolean({ error: "must be a boolean" }).optional(),
  was_dynamically_registered: z.boolean({ error: "must be a boolean" }).optional(),
  organization_id: z.string({ error: "must be a string" }).optional(),
  ...seedTimestamps,
});

export type SeedConnectApplication = z.input<typeof seedEntry>;

/** Which applications must name an organization: M2M ones, and third-party OAuth ones not registered dynamically. */
function needsOrganization(
  a: Pick<ConnectApplication, "application_type" | "is_first_party" | "was_dynamically_registered">,
): boolean {
  return (
    a.application_type === "m2m" || (a.is_first_party === false && a.was_dynamically_registered !== true)
  );
}

/** Redirect URIs with exactly one default when there are any (the first, unless one is marked). */
function withDefault(uris: readonly { uri: string; default?: boolean | null | undefined }[]): RedirectUri[] {
  const marked = uris.findIndex((u) => u.default === true);
  const chosen = marked === -1 ? 0 : marked;
  return uris.map((u, i) => ({ uri: u.uri, default: i === chosen }));
}

function loadSeed(entries: readonly SeedConnectApplication[], loader: SeedLoader): void {
  for (const s of entries) {
    const at = s.created_at ?? loader.stamp();
    const type = s.application_type ?? "oauth";
    const app: ConnectApplication = {
      object: "connect_application",
      id: s.id ?? loader.fixedId(CONNECT_APPLICATION_ID_PREFIX, at),
      client_id: s.client_id ?? loader.fixedId(CONNECT_CLIENT_ID_PREFIX, at),
      description: s.description ?? null,
      name: s.name,
      scopes: [...(s.scopes ?? [])],
      created_at: at,
      updated_at: s.updated_at ?? at,
      application_type: type,
    };
    if (type === "oauth") {
      app.redirect_uris = withDefault(s.redirect_uris ?? []);
      app.uses_pkce = s.uses_pkce ?? false;
      app.is_first_party = s.is_first_party ?? true;
      if (!app.is_first_party) app.was_dynamically_registered = s.was_dynamically_registered ?? false;
    }
    if (s.organization_id !== undefined) app.organization_id = s.organization_id;
    loader.store.of(connectApplications).insert(app);
  }
}

const serialize = (a: ConnectApplication): Record<string, unknown> => ({
  ...a,
  scopes: [...a.scopes],
  ...(a.redirect_uris ? { redirect_uris: a.redirect_uris.map((u) => ({ ...u })) } : {}),
});

function isUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** The fields a create or an update may set, checked; each bad one is named in one 422. */
function readCommon(body: Record<string, unknown>, errors: FieldErrors, creating: boolean) {
  const out: {
    name?: string;
    description?: string | null;
    scopes?: string[];
    redirect_uris?: RedirectUri[];
  } = {};
  const { name, description, scopes, redirect_uris: uris } = body;
  if (name === undefined) {
    if (creating) errors.add("name", "name_required", "name is required.");
  } else if (typeof name !== "string" || name.trim() === "")
    errors.add("name", "name_invalid", "name must be a non-empty string.");
  else out.name = name;
  if (description !== undefined) {
    if (description !== null && typeof description !== "string")
      errors.add("description", "description_invalid", "description must be a string or null.");
    else out.description = description;
  }
  if (scopes !== undefined && scopes !== null) {
    if (!Array.isArray(scopes) || scopes.some((s) => typeof s !== "string"))
      errors.add("scopes", "scopes_invalid", "scopes must be an array of strings.");
    else out.scopes = [...(scopes as string[])];
  }
  if (uris !== undefined && uris !== null) {
    const valid =
      Array.isArray(uris) &&
      uris.every(
        (u) =>
          isRecord(u) &&
          typeof u.uri === "string" &&
          isUrl(u.uri) &&
          (u.default === undefined || u.default === null || typeof u.default === "boolean"),
      );
    if (!valid)
      errors.add(
        "redirect_uris",
        "redirect_uris_invalid",
        "redirect_uris must be an array of { uri, default } with URL uris.",
      );
    else out.redirect_uris = withDefault(uris as { uri: string; default?: boolean | null }[]);
  }
  return out;
}

function organizationFor(ctx: EmulatorContext, id: unknown): string {
  return findOr404(ctx, organizations, String(id)).id;
}

function create(body: Record<string, unknown>, ctx: EmulatorContext): ConnectApplication {
  const errors = new FieldErrors();
  const type = body.application_type;
  if (type !== "oauth" && type !== "m2m")
    errors.add(
      "application_type",
      "application_type_invalid",
      `application_type must be one of ${CONNECT_APPLICATION_TYPES.join(", ")}.`,
    );
  const common = readCommon(body, errors, true);
  if (type === "oauth" && typeof body.is_first_party !== "boolean")
    errors.add(
      "is_first_party",
      "is_first_party_required",
      "is_first_party is required for an OAuth application.",
    );
  if (
    type === "oauth" &&
    body.uses_pkce !== undefined &&
    body.uses_pkce !== null &&
    typeof body.uses_pkce !== "boolean"
  )
    errors.add("uses_pkce", "uses_pkce_invalid", "uses_pkce must be a boolean.");
  if (type === "m2m" && body.redirect_uris !== undefined && body.redirect_uris !== null)
    errors.add(
      "redirect_uris",
      "redirect_uris_not_allowed",
      "redirect_uris are for OAuth applications only.",
    );
  const wantsOrg = type === "m2m" || (type === "oauth" && body.is_first_party === false);
  const orgId = body.organization_id;
  if (wantsOrg && (typeof orgId !== "string" || orgId === ""))
    errors.add(
      "organization_id",
      "organization_id_required",
      "organization_id is required for this application.",
    );
  errors.throwIfAny();
  const at = isoTime(ctx.now());
  const app: ConnectApplication = {
    object: "connect_application",
    id: newId(CONNECT_APPLICATION_ID_PREFIX),
    client_id: newId(CONNECT_CLIENT_ID_PREFIX),
    description: common.description ?? null,
    name: common.name ?? "",
    scopes: common.scopes ?? [],
    created_at: at,
    updated_at: at,
    application_type: type as ConnectApplication["application_type"],
  };
  if (type === "oauth") {
    app.redirect_uris = common.redirect_uris ?? [];
    app.uses_pkce = body.uses_pkce === true;
    app.is_first_party = body.is_first_party === true;
    if (!app.is_first_party) app.was_dynamically_registered = false;
  }
  if (wantsOrg) app.organization_id = organizationFor(ctx, orgId);
  return app;
}

const PATH = "/connect/applications";

export const connectApplications: Resource<
  ConnectApplication,
  SeedConnectApplication,
  "connect_applications"
> = {
  name: "connect_applications",
  label: "Connect Application",
  model: connectApplication,
  parents: { organization_id: "organizations" },
  seed: {
    entry: seedEntry,
    check: (entry) =>
      needsOrganization({
        application_type: entry.application_type ?? "oauth",
        is_first_party: entry.is_first_party ?? true,
        was_dynamically_registered: entry.was_dynamically_registered ?? false,
      }) && entry.organization_id === undefined
        ? "an M2M or third-party OAuth application needs an organization_id"
        : undefined,
    load: loadSeed,
  },
  serialize,
  routes: () => [
    {
      method: "GET",
      pattern: PATH,
      handler: (req, ctx) => {
        const params = parseListParams(req.query);
        const types = commaList(req.query, "registration_types") ?? ["authenticated"];
        const unknown = types.find((t) => !(CONNECT_REGISTRATION_TYPES as readonly string[]).includes(t));
        if (unknown !== undefined)
          throw unprocessable(`registration_types must be ${CONNECT_REGISTRATION_TYPES.join(" or ")}.`, [
            { field: "registration_types", code: "invalid_registration_type" },
          ]);
        const orgId = req.query.get("organization_id");
        if (orgId && !ctx.store.of(organizations).has(orgId))
          throw unprocessable(`Organization not found: '${orgId}'.`, [
            { field: "organization_id", code: "organization_not_found" },
          ]);
        const entries = ctx.store
          .of(connectApplications)
          .entries()
          .filter(({ value: a }) => {
            const type = a.was_dynamically_registered === true ? "dynamic" : "authenticated";
            return types.includes(type) && (!orgId || a.organization_id === orgId);
          });
        return { status: 200, body: paginate(entries, params, ctx.store.clock, serialize) };
      },
    },
    {
      method: "POST",
      pattern: PATH,
      handler: (req, ctx) => {
        const app = create(requireObjectBody(req.body), ctx);
        ctx.store.of(connectApplications).insert(app);
        return { status: 201, body: serialize(app) };
      },
    },
    {
      method: "GET",
      pattern: `${PATH}/:id`,
      handler: (req, ctx) => ({ status: 200, body: serialize(applicationOf(ctx, req.params.id)) }),
    },
    {
      method: "PUT",
      pattern: `${PATH}/:id`,
      handler: (req, ctx) => {
        const current = applicationOf(ctx, req.params.id);
        const body = requireObjectBody(req.body);
        const errors = new FieldErrors();
        const input = readCommon(body, errors, false);
        if (current.application_type === "m2m" && input.redirect_uris !== undefined)
          errors.add(
            "redirect_uris",
            "redirect_uris_not_allowed",
            "redirect_uris are for OAuth applications only.",
          );
        errors.throwIfAny();
        const next: ConnectApplication = { ...current, ...input, updated_at: isoTime(ctx.now()) };
        ctx.store.of(connectApplications).replace(next);
        return { status: 200, body: serialize(next) };
      },
    },
    deleteRoute(connectApplications, PATH, 204),
    {
      method: "GET",
      pattern: `${PATH}/:id/client_secrets`,
      handler: (req, ctx) => {
        const app = applicationOf(ctx, req.params.id);
        const secrets = ctx.store
          .of(applicationSecrets)
          .values()
          .filter((s) => s.application_id === app.id);
        return { status: 200, body: secrets.map(serializeSecret) };
      },
    },
    {
      method: "POST",
      pattern: `${PATH}/:id/client_secrets`,
      handler: (req, ctx) => {
        const app = applicationOf(ctx, req.params.id);
        if (req.body !== undefined && !isRecord(req.body))
          throw unprocessable("The request body must be a JSON object.", [
            { field: "body", code: "invalid_body" },
          ]);
        const at = isoTime(ctx.now());
        const secret = randomBytes(32).toString("base64url");
        const stored = storedSecret(newId(CONNECT_APPLICATION_SECRET_ID_PREFIX), app.id, secret, at);
        ctx.store.of(applicationSecrets).insert(stored);
        const created: NewConnectApplicationSecret = { ...serializeSecret(stored), secret };
        return { status: 201, body: created };
      },
    },
  ],
};

/** The application named by id or by client id, or 404. */
function applicationOf(ctx: EmulatorContext, id: string | undefined): ConnectApplication {
  const wanted = id ?? "";
  const apps = ctx.store.of(connectApplications);
  const found = apps.get(wanted) ?? apps.values().find((a) => a.client_id === wanted);
  if (!found) throw notFound(`Connect Application not found: '${wanted}'.`);
  return found;
}

export { applicationOf as connectApplicationOf };

/** A client secret as kept: only its hash and hint; the value itself is gone once it has been shown. */
export interface StoredApplicationSecret {
  id: string;
  application_id: string;
  secret_sha256: string;
  secret_hint: string;
  last_used_at: string | null;
  created_at: string;
  updated_at: string;
}

function storedSecret(
  id: string,
  applicationId: string,
  secret: string,
  at: string,
): StoredApplicationSecret {
  return {
    id,
    application_id: applicationId,
    secret_sha256: createHash("sha256").update(secret).digest("hex"),
    secret_hint: secret.slice(-6),
    last_used_at: null,
    created_at: at,
    updated_at: at,
  };
}

function serializeSecret(s: StoredApplicationSecret): ConnectApplicationSecret {
  return {
    object: "connect_application_secret",
    id: s.id,
    secret_hint: s.secret_hint,
    last_used_at: s.last_used_at,
    created_at: s.created_at,
    updated_at: s.updated_at,
  };
}

const secretSeedEntry = z.object({
  id: seedId,
  application_id: requiredString(),
  /** The secret's value; the emulator keeps only its hash and hint, as WorkOS does. */
  secret: requiredString(),
  ...seedTimestamps,
});

export type SeedConnectApplicationSecret = z.input<typeof secretSeedEntry>;

export const applicationSecrets: Resource<
  StoredApplicationSecret,
  SeedConnectApplicationSecret,
  "connect_application_secrets"
> = {
  name: "connect_application_secrets",
  label: "Client secret",
  model: connectApplicationSecret,
  parents: { application_id: "connect_applications" },
  seed: {
    entry: secretSeedEntry,
    load: (entries, loader) => {
      for (const s of entries) {
        const at = s.created_at ?? loader.stamp();
        const id = s.id ?? loader.fixedId(CONNECT_APPLICATION_SECRET_ID_PREFIX, at);
        loader.store.of(applicationSecrets).insert(storedSecret(id, s.application_id, s.secret, at));
      }
    },
  },
  serialize: serializeSecret,
  routes: () => [deleteRoute(applicationSecrets, "/connect/client_secrets", 204)],
};
