import { z } from "zod";
import { USER_IDENTITY_PROVIDERS } from "../workos-vocabulary.js";

/** One OAuth account linked to an AuthKit user (an item of GET /user_management/users/{id}/identities). */
export const userIdentity = z.looseObject({
  idp_id: z.string(),
  type: z.literal("OAuth"),
  provider: z.enum(USER_IDENTITY_PROVIDERS),
});
export type UserIdentity = z.infer<typeof userIdentity>;
