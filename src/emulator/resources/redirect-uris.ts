import { z } from "zod";
import { REDIRECT_URI_ID_PREFIX, type RedirectUri, redirectUri } from "../../workos/redirect-uri.js";
import { ApiError } from "../errors.js";
import { isoTime, newId } from "../ids.js";
import type { Resource, SeedLoader } from "../resource.js";
import { byCreation, requiredString, seedId, seedTimestamps } from "../resource.js";
import { deleteRoute, listRoute } from "../resource-routes.js";
import { requireObjectBody } from "../validate.js";

const PATH = "/user_management/redirect_uris";

const seedEntry = z.object({
  id: seedId,
  uri: requiredString(),
  default: z.boolean({ error: "must be a boolean" }).optional(),
  ...seedTimestamps,
});

export type SeedRedirectUri = z.input<typeof seedEntry>;

/** http(s) URLs, http only for localhost as WorkOS allows; one * may stand for a subdomain. */
function validUri(uri: string): boolean {
  let url: URL;
  try {
    url = new URL(uri.replace("*", "wildcard"));
  } catch {
    return false;
  }
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && ["localhost", "127.0.0.1"].includes(url.hostname);
}

function loadSeed(entries: readonly SeedRedirectUri[], loader: SeedLoader): void {
  const sorted = byCreation(entries);
  const hasDefault = sorted.some((s) => s.default === true);
  sorted.forEach((s, index) => {
    const at = s.created_at ?? loader.stamp();
    loader.store.of(redirectUris).insert({
      object: "redirect_uri",
      id: s.id ?? loader.fixedId(REDIRECT_URI_ID_PREFIX, at),
      uri: s.uri,
      // The first one is the default unless the seed names another.
      default: hasDefault ? s.default === true : index === 0,
      created_at: at,
      updated_at: s.updated_at ?? at,
    });
  });
}

export const redirectUris: Resource<RedirectUri, SeedRedirectUri, "redirect_uris"> = {
  name: "redirect_uris",
  label: "Redirect URI",
  model: redirectUri,
  seed: {
    entry: seedEntry,
    check: (entry, seed) =>
      seed.entries(redirectUris).filter((other) => other.uri === entry.uri).length > 1
        ? `uri "${entry.uri}" is listed twice`
        : undefined,
    load: loadSeed,
  },
  routes: () => [
    listRoute(redirectUris, PATH),
    {
      method: "POST",
      pattern: PATH,
      handler: (req, ctx) => {
        const body = requireObjectBody(req.body);
        if (typeof body.uri !== "string" || body.uri === "") {
          throw new ApiError(422, { message: "uri is required and must be a string." });
        }
        if (!validUri(body.uri)) {
          throw new ApiError(400, {
            message: `'${body.uri}' is not a valid redirect URI: use https, or http for localhost.`,
          });
        }
        const all = ctx.store.of(redirectUris);
        if (all.values().some((r) => r.uri === body.uri)) {
          throw new ApiError(400, { message: `The redirect URI '${body.uri}' already exists.` });
        }
        const at = isoTime(ctx.now());
        const created: RedirectUri = {
          object: "redirect_uri",
          id: newId(REDIRECT_URI_ID_PREFIX),
          uri: body.uri,
          default: all.size === 0,
          created_at: at,
          updated_at: at,
        };
        all.insert(created);
        return { status: 201, body: { ...created } };
      },
    },
    {
      ...deleteRoute(redirectUris, PATH, 204),
      handler: (req, ctx) => {
        const target = ctx.store.of(redirectUris).get(req.params.id ?? "");
        // The default redirect URI stays while others exist: WorkOS needs one to fall back on.
        if (target?.default && ctx.store.of(redirectUris).size > 1) {
          throw new ApiError(409, {
            message: "The default redirect URI cannot be deleted while others exist.",
          });
        }
        return deleteRoute(redirectUris, PATH, 204).handler(req, ctx);
      },
    },
  ],
};
