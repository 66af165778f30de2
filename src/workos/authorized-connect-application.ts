import { z } from "zod";
import { connectApplication } from "./connect-application.js";

/** A user's grant of scopes to a Connect application (spec: the items of AuthorizedConnectApplicationList). */
export const AUTHORIZED_CONNECT_APPLICATION_ID_PREFIX = "authorized_connect_app";

export const authorizedConnectApplication = z.looseObject({
  object: z.literal("authorized_connect_application"),
  id: z.string(),
  granted_scopes: z.array(z.string()),
  oauth_resource: z.string().optional(),
  application: connectApplication,
});
export type AuthorizedConnectApplication = z.infer<typeof authorizedConnectApplication>;

/** The same, listed for an organization: it names the user who authorized it. */
export const organizationAuthorizedConnectApplication = authorizedConnectApplication.extend({
  user_id: z.string(),
});
