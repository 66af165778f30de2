import type { IncomingMessage } from "node:http";
import {
  type AuthInfo,
  bearerAuthChallengeResponse,
  getOAuthProtectedResourceMetadataUrl,
  type OAuthTokenVerifier,
  verifyBearerToken,
} from "@modelcontextprotocol/server";
import type { WorkOSClient } from "../client/client.js";
import type { SignInConfig } from "../config.js";
import { log } from "../log.js";
import { People } from "./people.js";
import type { Person } from "./person.js";
import { type AccessClaims, authkitVerifier } from "./tokens.js";

/** What a client asks AuthKit for to sign a person in: who they are, and a refresh token to stay signed in. */
export const SIGN_IN_SCOPES = ["openid", "profile", "email", "offline_access"] as const;

const METADATA_ROOT = "/.well-known/oauth-protected-resource";

/**
 * The HTTP mode as an OAuth 2.1 protected resource (the MCP authorization spec): it publishes its metadata
 * (RFC 9728) naming AuthKit as its authorization server, and lets a request through only with an AuthKit
 * access token for this server, answering anything else with the 401 that tells a client how to sign in.
 */
export class ResourceServer {
  readonly #signIn: SignInConfig;
  readonly #verifier: OAuthTokenVerifier;
  readonly #people: People;
  readonly #metadataUrl: string;
  readonly #metadataPaths: ReadonlySet<string>;
  readonly #metadata: string;

  constructor(signIn: SignInConfig, client: WorkOSClient, now?: () => number) {
    this.#signIn = signIn;
    this.#verifier = authkitVerifier(signIn);
    this.#people = new People(client, now);
    const publicUrl = new URL(signIn.publicUrl);
    this.#metadataUrl = getOAuthProtectedResourceMetadataUrl(publicUrl);
    // The path-aware form (RFC 9728 section 3.1) and the root form: clients look in either.
    this.#metadataPaths = new Set([METADATA_ROOT, new URL(this.#metadataUrl).pathname]);
    this.#metadata = JSON.stringify({
      resource: signIn.publicUrl,
      authorization_servers: [signIn.authkitDomain],
      scopes_supported: SIGN_IN_SCOPES,
      bearer_methods_supported: ["header"],
      resource_name: "WorkOS MCP server",
    });
  }

  /** The protected-resource metadata document, when the request asks for it; undefined for any other path. */
  metadataResponse(method: string, path: string): Response | undefined {
    if (!this.#metadataPaths.has(path)) return undefined;
    // Public, and read by browser-based clients from other origins.
    const cors = { "access-control-allow-origin": "*", "access-control-allow-methods": "GET, HEAD, OPTIONS" };
    if (method === "OPTIONS") return new Response(null, { status: 204, headers: cors });
    if (method !== "GET" && method !== "HEAD") {
      return new Response(null, { status: 405, headers: { ...cors, allow: "GET, HEAD, OPTIONS" } });
    }
    return new Response(method === "HEAD" ? null : this.#metadata, {
      headers: { ...cors, "content-type": "application/json", "cache-control": "max-age=3600" },
    });
  }

  /**
   * The person the request's token names, with their permissions and names, as the SDK's AuthInfo
   * (`extra.person`); or the 401 to answer. The SDK's verifyBearerToken parses the header and checks the
   * audience and expiry again; its challenge response words the refusal.
   */
  async authenticate(req: IncomingMessage): Promise<AuthInfo | Response> {
    const header = req.headers.authorization;
    const scope = `scope="${SIGN_IN_SCOPES.join(" ")}"`;
    if (header === undefined || header.trim() === "") {
      // No token yet: the challenge only says where to sign in (RFC 6750 3.1: no error code).
      log.info(`refused ${req.method} /mcp: no access token (sign-in needed)`);
      return Response.json(
        { error: "invalid_token", error_description: "Sign in: this server needs an AuthKit access token" },
        {
          status: 401,
          headers: { "www-authenticate": `Bearer resource_metadata="${this.#metadataUrl}", ${scope}` },
        },
      );
    }
    let authInfo: AuthInfo;
    try {
      authInfo = await verifyBearerToken(header, {
        verifier: this.#verifier,
        expectedResource: new URL(this.#signIn.publicUrl),
        resourceMetadataUrl: this.#metadataUrl,
      });
    } catch (error) {
      const response = bearerAuthChallengeResponse(error, {
        requiredScopes: [...SIGN_IN_SCOPES],
        resourceMetadataUrl: this.#metadataUrl,
      });
      if (response.status >= 500) log.error("could not verify an access token:", error);
      else log.info(`refused ${req.method} /mcp: ${(error as Error).message}`);
      return response;
    }
    const claims = authInfo.extra?.claims as AccessClaims;
    const names = await this.#people.names(claims.sub, claims.org_id);
    const person: Person = {
      userId: claims.sub,
      organizationId: claims.org_id,
      permissions: new Set(claims.permissions ?? []),
      email: names.email,
      organizationName: names.organizationName,
      ip: req.socket.remoteAddress ?? "unknown",
      userAgent: req.headers["user-agent"],
    };
    return { ...authInfo, extra: { ...authInfo.extra, person } };
  }
}
