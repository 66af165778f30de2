import {
  type AuthInfo,
  OAuthError,
  OAuthErrorCode,
  type OAuthTokenVerifier,
} from "@modelcontextprotocol/server";
import { createRemoteJWKSet, errors, jwtVerify } from "jose";
import { z } from "zod";
import type { SignInConfig } from "../config.js";

/** Clocks differ a little between AuthKit and this server: exp and nbf are allowed this much. */
export const CLOCK_SKEW_SECONDS = 30;
/** An unknown key id fetches the keys again, but not more often than this (a flood of forged kids costs one). */
export const JWKS_REFRESH_COOLDOWN_MS = 30_000;
/** Keys are kept this long without a refresh, then fetched again on the next token. */
const JWKS_CACHE_MS = 10 * 60_000;
const JWKS_TIMEOUT_MS = 5_000;

/** The claims of an AuthKit access token this server reads (jose has checked iss, aud, exp, nbf). */
const accessClaims = z.object({
  sub: z.string().min(1),
  exp: z.number(),
  org_id: z.string().optional(),
  permissions: z.array(z.string()).optional(),
  client_id: z.string().optional(),
  scope: z.string().optional(),
});

export type AccessClaims = z.infer<typeof accessClaims>;

/**
 * Verifies AuthKit access tokens locally: RS256 only, signed by a key from the AuthKit domain's JWKS
 * (`/oauth2/jwks`, cached, fetched again for an unknown key id), issued by that domain, for this server (the
 * audience is the public URL), and within exp/nbf. What it returns is the SDK's AuthInfo with the claims in
 * `extra.claims`; anything wrong is the SDK's invalid_token (a 401 that names the metadata).
 */
export function authkitVerifier(signIn: SignInConfig): OAuthTokenVerifier {
  const keys = createRemoteJWKSet(new URL("/oauth2/jwks", signIn.authkitDomain), {
    cooldownDuration: JWKS_REFRESH_COOLDOWN_MS,
    cacheMaxAge: JWKS_CACHE_MS,
    timeoutDuration: JWKS_TIMEOUT_MS,
  });
  return {
    async verifyAccessToken(token: string): Promise<AuthInfo> {
      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer: signIn.authkitDomain,
          audience: signIn.publicUrl,
          algorithms: ["RS256"],
          clockTolerance: CLOCK_SKEW_SECONDS,
          requiredClaims: ["exp", "sub"],
        }));
      } catch (error) {
        throw refusal(error);
      }
      const claims = accessClaims.safeParse(payload);
      if (!claims.success)
        throw new OAuthError(OAuthErrorCode.InvalidToken, "The token's claims are malformed");
      return {
        token,
        clientId: claims.data.client_id ?? "",
        scopes: claims.data.scope?.split(" ").filter(Boolean) ?? [],
        expiresAt: claims.data.exp,
        resource: new URL(signIn.publicUrl),
        extra: { claims: claims.data },
      };
    },
  };
}

/** What was wrong with the token, in the words the 401 carries; a failure to fetch the keys is ours, not theirs. */
function refusal(error: unknown): OAuthError {
  const invalid = (description: string) => new OAuthError(OAuthErrorCode.InvalidToken, description);
  if (error instanceof errors.JWTExpired) return invalid("The token has expired");
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "aud") return invalid("The token was issued for another resource (audience)");
    if (error.claim === "iss") return invalid("The token was issued by another authorization server");
    if (error.claim === "nbf") return invalid("The token is not valid yet");
    return invalid(`The token's ${error.claim} claim is invalid`);
  }
  if (error instanceof errors.JWKSNoMatchingKey)
    return invalid("The token's key id is not among AuthKit's keys");
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return invalid("The token's signature is invalid");
  if (error instanceof errors.JOSEAlgNotAllowed) return invalid("The token is not signed with RS256");
  if (error instanceof errors.JWTInvalid || error instanceof errors.JWSInvalid)
    return invalid("The token is malformed");
  // The rest of jose's errors are about the token, except those about fetching the keys (generic, timeout).
  const fetching =
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    (error instanceof errors.JOSEError && error.code === "ERR_JOSE_GENERIC");
  if (error instanceof errors.JOSEError && !fetching) return invalid("The token is invalid");
  return new OAuthError(
    OAuthErrorCode.ServerError,
    `AuthKit's keys could not be fetched: ${error instanceof Error ? error.message : String(error)}`,
  );
}
