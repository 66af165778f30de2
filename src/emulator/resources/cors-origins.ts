import { z } from "zod";
import { CORS_ORIGIN_ID_PREFIX, type CorsOrigin, corsOrigin } from "../../workos/cors-origin.js";
import { ApiError } from "../errors.js";
import { isoTime, newId } from "../ids.js";
import type { Resource, SeedLoader } from "../resource.js";
import { byCreation, requiredString, seedId, seedTimestamps } from "../resource.js";
import { listRoute } from "../resource-routes.js";
import { requireObjectBody } from "../validate.js";

const PATH = "/user_management/cors_origins";

const seedEntry = z.object({ id: seedId, origin: requiredString(), ...seedTimestamps });

export type SeedCorsOrigin = z.input<typeof seedEntry>;

/** An origin is a scheme, a host and maybe a port: http(s), without a path, query or fragment. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value.replace(/\/$/, "");
  } catch {
    return false;
  }
}

function loadSeed(entries: readonly SeedCorsOrigin[], loader: SeedLoader): void {
  for (const s of byCreation(entries)) {
    const at = s.created_at ?? loader.stamp();
    loader.store.of(corsOrigins).insert({
      object: "cors_origin",
      id: s.id ?? loader.fixedId(CORS_ORIGIN_ID_PREFIX, at),
      origin: s.origin,
      created_at: at,
      updated_at: s.updated_at ?? at,
    });
  }
}

export const corsOrigins: Resource<CorsOrigin, SeedCorsOrigin, "cors_origins"> = {
  name: "cors_origins",
  label: "CORS origin",
  model: corsOrigin,
  seed: {
    entry: seedEntry,
    check: (entry, seed) => {
      if (!isOrigin(entry.origin)) return `origin "${entry.origin}" is not an http(s) origin`;
      return seed.entries(corsOrigins).filter((o) => o.origin === entry.origin).length > 1
        ? `origin "${entry.origin}" is listed twice`
        : undefined;
    },
    load: loadSeed,
  },
  routes: () => [
    listRoute(corsOrigins, PATH),
    {
      method: "POST",
      pattern: PATH,
      handler: (req, ctx) => {
        const body = requireObjectBody(req.body);
        if (typeof body.origin !== "string" || !isOrigin(body.origin)) {
          throw new ApiError(422, {
            message: "origin must be an http(s) origin such as https://example.com.",
            errors: [{ property: "origin", constraints: { isOrigin: "origin must be an http(s) origin" } }],
          });
        }
        const origin = body.origin.replace(/\/$/, "");
        const all = ctx.store.of(corsOrigins);
        if (all.values().some((o) => o.origin === origin)) {
          throw new ApiError(409, {
            code: "cors_origin_already_exists",
            message: `${origin} is already allowed.`,
          });
        }
        const at = isoTime(ctx.now());
        const created: CorsOrigin = {
          object: "cors_origin",
          id: newId(CORS_ORIGIN_ID_PREFIX),
          origin,
          created_at: at,
          updated_at: at,
        };
        all.insert(created);
        return { status: 201, body: { ...created } };
      },
    },
  ],
};
