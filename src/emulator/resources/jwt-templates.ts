import { z } from "zod";
import type { JwtTemplate } from "../../workos/jwt-template.js";
import { jwtTemplate } from "../../workos/jwt-template.js";
import { ApiError, notFound } from "../errors.js";
import { isoTime } from "../ids.js";
import { type Resource, requiredString, type SeedLoader, seedTimestamps } from "../resource.js";
import { isRecord, requireObjectBody } from "../validate.js";

/**
 * The environment's JWT template: custom claims every access token carries, written as JSON with Liquid
 * placeholders (`{{user.email}}`, `{{organization.name}}`, `{{user.metadata.team}}`…). A placeholder that is a
 * whole JSON value becomes that value (a string, boolean, null…); one inside a string is written into it.
 * Claims WorkOS sets itself (sub, sid, org_id, role, …) cannot be replaced.
 */
export interface StoredJwtTemplate extends JwtTemplate {
  id: string;
}

const ID = "jwt_template";
const PATH = "/user_management/jwt_template";
const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g;
const WHOLE_VALUE = /(^|[:[,]\s*)\{\{\s*([A-Za-z_][\w.]*)\s*\}\}(?=\s*[,}\]])/g;

/** Claims the template cannot set. */
export const RESERVED_CLAIMS: ReadonlySet<string> = new Set([
  "iss",
  "sub",
  "sid",
  "jti",
  "org_id",
  "role",
  "roles",
  "permissions",
  "entitlements",
  "feature_flags",
  "exp",
  "iat",
  "nbf",
  "aud",
]);

function lookup(context: Record<string, unknown>, path: string): unknown {
  let value: unknown = context;
  for (const key of path.split(".")) value = isRecord(value) ? value[key] : undefined;
  return value ?? null;
}

/** The template's claims for one sign-in, or an error message when the content is not a JSON object template. */
export function renderTemplate(
  content: string,
  context: Record<string, unknown>,
): Record<string, unknown> | string {
  const json = content
    .replace(
      WHOLE_VALUE,
      (_all, before: string, path: string) => `${before}${JSON.stringify(lookup(context, path))}`,
    )
    .replace(PLACEHOLDER, (_all, path: string) => {
      const value = lookup(context, path);
      return JSON.stringify(value === null ? "" : String(value)).slice(1, -1);
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return "content must be a JSON object, with {{...}} placeholders as values or inside strings.";
  }
  if (!isRecord(parsed)) return "content must be a JSON object.";
  return Object.fromEntries(Object.entries(parsed).filter(([claim]) => !RESERVED_CLAIMS.has(claim)));
}

const seedEntry = z.object({ content: requiredString(), ...seedTimestamps });

export type SeedJwtTemplate = z.input<typeof seedEntry>;

function loadSeed(entries: readonly SeedJwtTemplate[], loader: SeedLoader): void {
  const [s] = entries;
  if (!s) return;
  const at = s.created_at ?? loader.stamp();
  loader.store.of(jwtTemplates).insert({
    id: ID,
    object: "jwt_template",
    content: s.content,
    created_at: at,
    updated_at: s.updated_at ?? at,
  });
}

function serialize({ id: _id, ...wire }: StoredJwtTemplate): Record<string, unknown> {
  return { ...wire };
}

export const jwtTemplates: Resource<StoredJwtTemplate, SeedJwtTemplate, "jwt_template"> = {
  name: "jwt_template",
  label: "JWT template",
  model: jwtTemplate,
  seed: {
    entry: seedEntry,
    check: (entry, seed) => {
      if (seed.entries(jwtTemplates).indexOf(entry) > 0) return "there is one JWT template per environment";
      const rendered = renderTemplate(entry.content, {});
      return typeof rendered === "string" ? rendered : undefined;
    },
    load: loadSeed,
  },
  serialize,
  routes: () => [
    {
      method: "GET",
      pattern: PATH,
      handler: (_req, ctx) => {
        const template = ctx.store.of(jwtTemplates).get(ID);
        if (!template) throw notFound("The environment has no JWT template.");
        return { status: 200, body: serialize(template) };
      },
    },
    {
      method: "PUT",
      pattern: PATH,
      handler: (req, ctx) => {
        const body = requireObjectBody(req.body);
        const invalid = (message: string) =>
          new ApiError(422, { code: "invalid_request_parameters", message });
        if (typeof body.content !== "string") throw invalid("content is required and must be a string.");
        const rendered = renderTemplate(body.content, {});
        if (typeof rendered === "string") throw invalid(rendered);
        const all = ctx.store.of(jwtTemplates);
        const at = isoTime(ctx.now());
        const current = all.get(ID);
        const next: StoredJwtTemplate = {
          id: ID,
          object: "jwt_template",
          content: body.content,
          created_at: current?.created_at ?? at,
          updated_at: at,
        };
        if (current) all.replace(next);
        else all.insert(next);
        return { status: 200, body: serialize(next) };
      },
    },
  ],
};
