import { z } from "zod";
import { timestamps } from "./id.js";

/** An instance of one of the application's resource types (a workspace, a project) that roles are assigned on. */
export const AUTHORIZATION_RESOURCE_ID_PREFIX = "authz_resource";

export const authorizationResource = z.looseObject({
  object: z.literal("authorization_resource"),
  id: z.string(),
  external_id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  resource_type_slug: z.string(),
  organization_id: z.string(),
  parent_resource_id: z.string().nullable(),
  ...timestamps,
});

export type AuthorizationResource = z.infer<typeof authorizationResource>;
