import { createHmac } from "node:crypto";
import { WIDGET_SCOPES } from "../../workos-vocabulary.js";
import { ApiError, badRequest } from "../errors.js";
import type { Resource } from "../resource.js";
import { findOr404 } from "../resource-routes.js";
import type { EmulatorContext } from "../router.js";
import { requireObjectBody } from "../validate.js";
import { organizationMemberships } from "./organization-memberships.js";
import { organizations } from "./organizations.js";
import { users } from "./users.js";

// Short-lived tokens for the browser: widget sessions (POST /widgets/token) and the Client API
// (POST /client/token). Both are JWTs naming the user and organization; the emulator signs them with HS256
// under its API key (WorkOS uses its own keys), so a test can check what a token grants.

const WIDGET_TOKEN_TTL_S = 3600;
const CLIENT_TOKEN_TTL_S = 600;

function jwt(claims: Record<string, unknown>, key: string): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${part({ alg: "HS256", typ: "JWT" })}.${part(claims)}`;
  return `${unsigned}.${createHmac("sha256", key).update(unsigned).digest("base64url")}`;
}

function isActiveMember(ctx: EmulatorContext, userId: string, organizationId: string): boolean {
  return ctx.store
    .of(organizationMemberships)
    .values()
    .some((m) => m.user_id === userId && m.organization_id === organizationId && m.status === "active");
}

function claims(ctx: EmulatorContext, userId: string, organizationId: string | undefined, ttl: number) {
  const iat = Math.floor(ctx.now() / 1000);
  return {
    iss: ctx.baseUrl(),
    sub: userId,
    ...(organizationId ? { org_id: organizationId } : {}),
    iat,
    exp: iat + ttl,
  };
}

const optionalString = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

export const sessionTokens: Resource<{ id: string }, never, "session_tokens"> = {
  name: "session_tokens",
  label: "Session token",
  routes: () => [
    {
      method: "POST",
      pattern: "/widgets/token",
      handler: (req, ctx) => {
        const body = requireObjectBody(req.body);
        const problems: string[] = [];
        const userId = optionalString(body.user_id);
        const organizationId = optionalString(body.organization_id);
        const scopes = body.scopes ?? [];
        if (!userId) problems.push("user_id must be a string");
        if (body.organization_id !== undefined && !organizationId)
          problems.push("organization_id must be a string");
        if (!Array.isArray(scopes) || !scopes.every((s) => WIDGET_SCOPES.some((w) => w === s))) {
          problems.push(`each value in scopes must be one of ${WIDGET_SCOPES.join(", ")}`);
        }
        if (problems.length > 0)
          throw new ApiError(400, { message: problems, error: "Bad Request" } as never);
        if ((scopes as string[]).length > 0 && !organizationId) {
          throw badRequest("organization_id is required when scopes are given.");
        }
        const user = findOr404(ctx, users, userId as string);
        if (organizationId) {
          findOr404(ctx, organizations, organizationId);
          if (!isActiveMember(ctx, user.id, organizationId)) {
            throw badRequest(
              `User '${user.id}' is not an active member of organization '${organizationId}'.`,
            );
          }
        }
        const token = jwt(
          { ...claims(ctx, user.id, organizationId, WIDGET_TOKEN_TTL_S), scopes },
          ctx.apiKey,
        );
        return { status: 201, body: { token } };
      },
    },
    {
      method: "POST",
      pattern: "/client/token",
      handler: (req, ctx) => {
        const body = requireObjectBody(req.body);
        const userId = optionalString(body.user_id);
        const organizationId = optionalString(body.organization_id);
        if (!userId || !organizationId) {
          throw new ApiError(422, {
            code: "invalid_request_parameters",
            message: "organization_id and user_id are required.",
            errors: [
              ...(organizationId ? [] : [{ field: "organization_id", code: "required" }]),
              ...(userId ? [] : [{ field: "user_id", code: "required" }]),
            ],
          });
        }
        const user = findOr404(ctx, users, userId);
        const org = findOr404(ctx, organizations, organizationId);
        if (!isActiveMember(ctx, user.id, org.id)) {
          throw badRequest(`User '${user.id}' is not an active member of organization '${org.id}'.`);
        }
        return {
          status: 201,
          body: { token: jwt(claims(ctx, user.id, org.id, CLIENT_TOKEN_TTL_S), ctx.apiKey) },
        };
      },
    },
  ],
};
