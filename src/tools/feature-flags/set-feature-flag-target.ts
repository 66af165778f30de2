import { z } from "zod";
import { path } from "../../client/path.js";
import { quote } from "../../mcp/quote.js";
import { type FeatureFlag, featureFlag } from "../../workos/feature-flag.js";
import { ORGANIZATION_ID_PREFIX } from "../../workos/organization.js";
import { USER_ID_PREFIX } from "../../workos/user.js";
import { DESTRUCTIVE, defineTool } from "../define.js";
import { SOLE_USER_HINT, soleOwnerOfUser } from "../owners.js";
import { organizationId, userId } from "../params.js";
import { readable } from "../readable.js";
import { flagNotFound, flagSlug } from "./flag-slug.js";

// The flag as the result shows it: what decides whether the target takes effect, not its whole record.
const readFlag = readable(featureFlag).pick({ slug: true, name: true, enabled: true, default_value: true });

export default defineTool({
  name: "set_feature_flag_target",
  title: "Turn A Feature Flag On Or Off For An Organization Or User",
  description:
    "Turn a feature flag on or off for one organization or one user, by adding or removing them as its target.",
  toolset: "feature_flags",
  // An organization target is that organization's; a user target follows the user into every organization
  // they belong to, so a pinned server may set it only for a user who belongs to the pinned organization alone.
  organization: {
    owner: (input, context) =>
      typeof input.organization_id === "string"
        ? Promise.resolve(input.organization_id)
        : soleOwnerOfUser(input.user_id as string, context),
    hint: `Only the pinned organization, or a user of it alone, can be a target. ${SOLE_USER_HINT}`,
  },
  input: z
    .strictObject({
      slug: flagSlug.describe("The flag's slug."),
      organization_id: organizationId.optional().describe("The organization (org_…)."),
      user_id: userId.optional().describe("Or the user (user_…)."),
      enabled: z.boolean().describe("true: on for them; false: remove them as a target."),
    })
    .refine((input) => (input.organization_id === undefined) !== (input.user_id === undefined), {
      path: ["organization_id"],
      message: "give organization_id or user_id, one of them",
    }),
  output: z.object({
    targeted: z.boolean().describe("Whether the organization or user is now one of the flag's targets."),
    organization_id: z.string().optional(),
    user_id: z.string().optional(),
    flag: readFlag,
  }),
  annotations: DESTRUCTIVE,
  notFound: flagNotFound,
  summary: ({ targeted, organization_id, user_id, flag }) => {
    const who =
      organization_id === undefined
        ? `user ${quote.id(user_id, USER_ID_PREFIX)}`
        : `organization ${quote.id(organization_id, ORGANIZATION_ID_PREFIX)}`;
    const slug = quote.word(flag.slug, "the flag in data");
    return targeted
      ? `Feature flag ${slug} now targets ${who}.`
      : `Feature flag ${slug} no longer targets ${who}.`;
  },
  // A target is one input of the flag's value: the environment switch and the default decide too.
  notes: ({ targeted, flag }) => {
    if (!flag.enabled) {
      return [
        "The flag is disabled in the environment, so it is on for no one, targets or not, until it is enabled " +
          "in the WorkOS dashboard.",
      ];
    }
    if (flag.default_value && !targeted) {
      return [
        "The flag's default is on, so it stays on for them: only its default or the environment switch turns it off.",
      ];
    }
    return [];
  },
  handler: async ({ slug, organization_id, user_id, enabled }, { client, signal }) => {
    // Read first: an unknown slug is a 404 before anything changes, and the notes need the flag's state.
    const flag = await client.get<FeatureFlag>(path`/feature-flags/${slug}`, { signal });
    const route = path`/feature-flags/${slug}/targets/${(organization_id ?? user_id) as string}`;
    if (enabled) await client.post(route, { signal });
    else await client.delete(route, { signal });
    const { name, enabled: on, default_value } = flag;
    return {
      targeted: enabled,
      ...(organization_id === undefined ? { user_id } : { organization_id }),
      flag: { slug: flag.slug, name, enabled: on, default_value },
    };
  },
});
