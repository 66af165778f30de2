import { newId } from "../ids.js";
import type { Resource } from "../resource.js";
import type { ApiRequest, EmulatorContext, Handler, Reply, Route } from "../router.js";
import { isRecord } from "../validate.js";

/**
 * The clients of the emulator's OAuth authorization server (oauth-server.ts): registered by RFC 7591 dynamic
 * client registration, or named by the URL of their Client ID Metadata Document; all public (no secret). Also
 * what both modules share: RFC 6749's error answer and the URI checks.
 */

/** A client metadata document is small; a slow or large one is refused. */
const CLIENT_METADATA_TIMEOUT_MS = 5_000;
const CLIENT_METADATA_MAX_BYTES = 64 * 1024;

export const GRANT_TYPES = ["authorization_code", "refresh_token"] as const;
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** RFC 6749's error answer: thrown inside the OAuth endpoints and turned into `{ error, error_description }`. */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    description: string,
    readonly status = 400,
  ) {
    super(description);
    this.name = "OAuthError";
  }
}

export const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };

/** Runs an OAuth endpoint, answering its OAuthErrors as RFC 6749 does (never cached). */
export function oauthEndpoint(handler: Handler): Handler {
  return async (req, ctx) => {
    try {
      return await handler(req, ctx);
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      return {
        status: error.status,
        body: { error: error.error, error_description: error.message },
        headers: error.status === 401 ? { ...NO_STORE, "WWW-Authenticate": "Basic" } : NO_STORE,
      };
    }
  };
}

/** An absolute URI without a fragment (as redirect URIs and resource indicators must be), else undefined. */
export function absoluteUri(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return value.includes("#") ? undefined : url;
  } catch {
    return undefined;
  }
}

/** A client registered by POST /oauth2/register: public, so it has no secret. */
export interface RegisteredClient {
  id: string;
  metadata: Record<string, unknown>;
  redirect_uris: string[];
}

export const oauthClients: Resource<RegisteredClient, never, "oauth_clients"> = {
  name: "oauth_clients",
  label: "OAuth client",
  routes: (): Route[] => [
    { method: "POST", pattern: "/oauth2/register", public: true, handler: oauthEndpoint(register) },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// Clients: registered (RFC 7591) or named by the URL of their metadata document (CIMD).

/** What the endpoints need of a client, wherever it was found. */
export interface Client {
  id: string;
  name: string | undefined;
  redirect_uris: readonly string[];
}

function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname);
}

/**
 * A redirect URI a public client may register: an absolute URI without a fragment, over https, over http only to
 * a loopback address (RFC 8252), or a native app's own scheme; never a scheme that runs or reads something.
 */
function redirectUriProblem(value: unknown): string | undefined {
  if (typeof value !== "string" || value === "") return "must be a non-empty string";
  const url = absoluteUri(value);
  if (!url) return "must be an absolute URI without a fragment";
  if (["javascript:", "data:", "file:", "vbscript:", "blob:"].includes(url.protocol)) {
    return `may not use the ${url.protocol} scheme`;
  }
  if (url.protocol === "http:" && !isLoopback(url)) return "may use http only for a loopback address";
  return undefined;
}

/** A client_id that is a metadata document's URL: https, or http to a loopback address in the emulator. */
function metadataDocumentUrl(clientId: string): URL | undefined {
  if (!clientId.startsWith("https://") && !clientId.startsWith("http://")) return undefined;
  const url = absoluteUri(clientId);
  if (!url || (url.protocol === "http:" && !isLoopback(url))) {
    throw new OAuthError(
      "invalid_client",
      "A client_id URL must use https (or http to a loopback address) and have no fragment.",
    );
  }
  if (url.pathname === "/" || url.username !== "" || url.password !== "") {
    throw new OAuthError("invalid_client", "A client_id URL must have a path and no credentials.");
  }
  return url;
}

/** Fetches a Client ID Metadata Document; it must name itself by the URL it was fetched from. */
async function fetchClientMetadata(url: URL, clientId: string): Promise<Client> {
  const refuse = (why: string): never => {
    throw new OAuthError("invalid_client", `The client metadata document at ${clientId} ${why}.`);
  };
  let text = "";
  try {
    const res = await fetch(url, {
      redirect: "error",
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(CLIENT_METADATA_TIMEOUT_MS),
    });
    if (!res.ok) return refuse(`answered ${res.status}`);
    text = await res.text();
  } catch (error) {
    return refuse(`could not be fetched (${(error as Error).message})`);
  }
  if (Buffer.byteLength(text) > CLIENT_METADATA_MAX_BYTES) return refuse("is too large");
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return refuse("is not JSON");
  }
  if (!isRecord(document)) return refuse("is not a JSON object");
  if (document.client_id !== clientId)
    return refuse(`names another client_id (${String(document.client_id)})`);
  const method = document.token_endpoint_auth_method;
  if ((method !== undefined && method !== "none") || document.client_secret !== undefined) {
    return refuse('must be a public client (token_endpoint_auth_method "none", no secret)');
  }
  const uris = document.redirect_uris;
  if (!Array.isArray(uris) || uris.length === 0 || uris.some((u) => redirectUriProblem(u) !== undefined)) {
    return refuse("must list its redirect_uris, each an absolute URI");
  }
  const name = typeof document.client_name === "string" ? document.client_name : undefined;
  return { id: clientId, name, redirect_uris: uris as string[] };
}

/** The client a client_id names: registered here, or the URL of its metadata document. */
export async function clientNamed(ctx: EmulatorContext, clientId: unknown): Promise<Client> {
  if (typeof clientId !== "string" || clientId === "") {
    throw new OAuthError("invalid_request", "client_id is required.");
  }
  const url = metadataDocumentUrl(clientId);
  if (url) return fetchClientMetadata(url, clientId);
  const registered = ctx.store.of(oauthClients).get(clientId);
  if (!registered) throw new OAuthError("invalid_client", `Client '${clientId}' is unknown.`);
  const name = registered.metadata.client_name;
  return {
    id: registered.id,
    name: typeof name === "string" ? name : undefined,
    redirect_uris: registered.redirect_uris,
  };
}

/** Metadata a registration may carry and is answered back (RFC 7591 section 2), beyond the checked fields. */
const ECHOED_METADATA = [
  "client_name",
  "client_uri",
  "logo_uri",
  "scope",
  "contacts",
  "tos_uri",
  "policy_uri",
  "software_id",
  "software_version",
] as const;

/** POST /oauth2/register: a public client (token_endpoint_auth_method "none"), 201 with its client_id. */
function register(req: ApiRequest, ctx: EmulatorContext): Reply {
  const body = req.body;
  if (!isRecord(body)) throw new OAuthError("invalid_client_metadata", "The body must be a JSON object.");
  const uris = body.redirect_uris;
  if (!Array.isArray(uris) || uris.length === 0) {
    throw new OAuthError("invalid_redirect_uri", "redirect_uris must be a non-empty array.");
  }
  uris.forEach((uri, i) => {
    const problem = redirectUriProblem(uri);
    if (problem) throw new OAuthError("invalid_redirect_uri", `redirect_uris[${i}] ${problem}.`);
  });
  const listOf = (field: string, allowed: readonly string[], fallback: readonly string[]): string[] => {
    const value = body[field];
    if (value === undefined) return [...fallback];
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string" || !allowed.includes(v))) {
      throw new OAuthError("invalid_client_metadata", `${field} may hold only ${allowed.join(", ")}.`);
    }
    return [...(value as string[])];
  };
  const grantTypes = listOf("grant_types", GRANT_TYPES, GRANT_TYPES);
  const responseTypes = listOf("response_types", ["code"], ["code"]);
  const metadata: Record<string, unknown> = {};
  for (const field of ECHOED_METADATA) if (body[field] !== undefined) metadata[field] = body[field];
  if (metadata.client_name !== undefined && typeof metadata.client_name !== "string") {
    throw new OAuthError("invalid_client_metadata", "client_name must be a string.");
  }
  const client: RegisteredClient = {
    id: newId("client", ctx.now()),
    metadata,
    redirect_uris: [...(uris as string[])],
  };
  ctx.store.of(oauthClients).insert(client);
  return {
    status: 201,
    headers: NO_STORE,
    body: {
      client_id: client.id,
      client_id_issued_at: Math.floor(ctx.now() / 1000),
      ...metadata,
      redirect_uris: client.redirect_uris,
      grant_types: grantTypes,
      response_types: responseTypes,
      // A public client, whatever it asked for: AuthKit registers no secrets (RFC 7591 lets the server choose).
      token_endpoint_auth_method: "none",
    },
  };
}
