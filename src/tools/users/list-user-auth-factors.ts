import { z } from "zod";
import { path } from "../../client/path.js";
import {
  type AuthenticationFactor,
  authenticationFactor,
  authenticationFactorSummary,
} from "../../workos/authentication-factor.js";
import { defineTool, READ } from "../define.js";
import { collect } from "../impact.js";
import { ownerOf, ownerOfUser, USER_HINT } from "../owners.js";
import { listOf } from "../page.js";
import { listParams, userId } from "../params.js";

export default defineTool({
  name: "list_user_auth_factors",
  title: "List A User's MFA Factors",
  description: "List a user's MFA factors (e.g. authenticator apps) and when each was enrolled.",
  toolset: "users",
  organization: { owner: ownerOf({ user_id: ownerOfUser }), hint: USER_HINT },
  input: z.strictObject({ user_id: userId.describe("The user (user_…)."), detail: listParams.detail }),
  output: listOf(authenticationFactor),
  list: { noun: "MFA factor", ...authenticationFactorSummary },
  finds: "authentication_factor_id",
  annotations: READ,
  handler: async ({ user_id }, { client, signal }) => {
    // A person enrolls a handful at most: every one, in one list.
    const factors = await collect(
      client.items<AuthenticationFactor>(path`/user_management/users/${user_id}/auth_factors`, {
        maxItems: 100,
        signal,
      }),
    );
    return { data: factors, list_metadata: { before: null, after: null } };
  },
});
