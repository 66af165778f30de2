import { z } from "zod";
import { path } from "../../client/path.js";
import { type DeletionTarget, deletion, deletionNotes, deletionSummary } from "../../confirm.js";
import { AUTHENTICATION_FACTOR_ID_PREFIX, authenticationFactor } from "../../workos/authentication-factor.js";
import { user } from "../../workos/user.js";
import { DESTRUCTIVE, defineTool, type ToolContext } from "../define.js";
import { SOLE_USER_HINT, soleOwnerOfUser } from "../owners.js";
import { confirmationToken, workosId } from "../params.js";
import { readable } from "../readable.js";
import { expectShape } from "../shape.js";

const readFactor = readable(authenticationFactor);

async function factorOf(id: string, { client, signal }: ToolContext) {
  return expectShape(readFactor, await client.get(path`/auth/factors/${id}`, { signal }), "an MFA factor");
}

async function factorTarget(id: string, context: ToolContext): Promise<DeletionTarget> {
  const factor = await factorOf(id, context);
  const owner =
    factor.user_id === undefined
      ? undefined
      : expectShape(
          readable(user),
          await context.client.get(path`/user_management/users/${factor.user_id}`, {
            signal: context.signal,
          }),
          "a user",
        );
  const kind =
    factor.type === "totp"
      ? `authenticator app${factor.totp?.issuer ? ` (${factor.totp.issuer})` : ""}`
      : factor.type === "sms"
        ? `phone ${factor.sms?.phone_number ?? ""}`.trim()
        : `${factor.type} factor`;
  const whose = owner?.email ?? "no user";
  return {
    object: "authentication_factor",
    id,
    name: owner?.email ?? id,
    summary: `${whose}'s ${kind} as a second sign-in step; where MFA is required they enroll a new one at their next sign-in`,
    impact: {
      user_id: factor.user_id,
      email: owner?.email,
      type: factor.type,
      ...(factor.totp === undefined ? {} : { issuer: factor.totp.issuer }),
      ...(factor.sms === undefined ? {} : { phone_number: factor.sms.phone_number }),
      enrolled_at: factor.created_at,
    },
  };
}

export default defineTool({
  name: "delete_user_auth_factor",
  title: "Remove A User's MFA Factor",
  description:
    "Remove a user's MFA factor, e.g. a lost phone's authenticator app. Only on the user's explicit request; they confirm first.",
  toolset: "users",
  // The factor is its user's in every organization: only the pinned organization's own users' factors go.
  organization: {
    owner: async (input, context) => {
      const { user_id } = await factorOf(input.authentication_factor_id as string, context);
      return user_id === undefined ? undefined : soleOwnerOfUser(user_id, context);
    },
    hint: SOLE_USER_HINT,
  },
  input: z.strictObject({
    authentication_factor_id: workosId(
      AUTHENTICATION_FACTOR_ID_PREFIX,
      "an MFA factor",
      "list_user_auth_factors",
    ).describe("The factor (auth_factor_…)."),
    confirmation_token: confirmationToken,
  }),
  output: deletion,
  annotations: DESTRUCTIVE,
  target: ({ authentication_factor_id }, context) => factorTarget(authentication_factor_id, context),
  summary: deletionSummary,
  notes: (outcome) => deletionNotes("delete_user_auth_factor", outcome),
  handler: async ({ authentication_factor_id }, { client, signal }) => {
    await client.delete(path`/auth/factors/${authentication_factor_id}`, { signal });
    return { deleted: true as const, object: "authentication_factor", id: authentication_factor_id };
  },
});
