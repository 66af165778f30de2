import { z } from "zod";

// Output schemas name the fields a model relies on and stay open (looseObject), so a field WorkOS adds
// tomorrow passes through instead of failing the call.

const timestamps = { created_at: z.string(), updated_at: z.string() };

export const organizationDomain = z.looseObject({
  object: z.literal("organization_domain"),
  id: z.string(),
  domain: z.string(),
  state: z.string().optional().describe("pending, verified, failed, unverified or legacy_verified."),
});

export const organization = z.looseObject({
  object: z.literal("organization"),
  id: z.string().describe("The organization id (org_…)."),
  name: z.string(),
  domains: z.array(organizationDomain),
  metadata: z.record(z.string(), z.string()),
  external_id: z.string().nullable(),
  stripe_customer_id: z.string().optional(),
  ...timestamps,
});

export const connection = z.looseObject({
  object: z.literal("connection"),
  id: z.string().describe("The connection id (conn_…)."),
  organization_id: z.string().optional(),
  connection_type: z.string().describe("The identity provider protocol, e.g. OktaSAML or GoogleOAuth."),
  name: z.string(),
  state: z.string().describe("requires_type, draft, active, validating, inactive or deleting."),
  domains: z.array(z.looseObject({ id: z.string(), domain: z.string() })),
  ...timestamps,
});

export const directory = z.looseObject({
  object: z.literal("directory"),
  id: z.string().describe("The directory id (directory_…)."),
  organization_id: z.string(),
  name: z.string(),
  type: z.string().describe("The directory provider, e.g. okta scim v2.0 or gsuite directory."),
  state: z.string().describe("linked, validating, invalid_credentials, unlinked or deleting."),
  domain: z.string().optional(),
  ...timestamps,
});

export const directoryGroup = z.looseObject({
  object: z.literal("directory_group"),
  id: z.string().describe("The group id (directory_group_…)."),
  idp_id: z.string(),
  directory_id: z.string(),
  organization_id: z.string(),
  name: z.string(),
  ...timestamps,
});

export const directoryUser = z.looseObject({
  object: z.literal("directory_user"),
  id: z.string().describe("The user id (directory_user_…)."),
  directory_id: z.string(),
  organization_id: z.string(),
  idp_id: z.string(),
  email: z.string().nullable(),
  first_name: z.string().nullable().optional(),
  last_name: z.string().nullable().optional(),
  state: z.string().describe("active, suspended or inactive."),
  custom_attributes: z.record(z.string(), z.unknown()),
  ...timestamps,
});

/** The structured result of every list tool: one page and the cursors around it. */
export function listOf<Item extends z.ZodType>(item: Item) {
  return z.object({
    data: z.array(item),
    list_metadata: z.object({
      before: z.string().nullable().describe("Pass as `before` to get the previous page; null at the start."),
      after: z.string().nullable().describe("Pass as `after` to get the next page; null at the end."),
    }),
  });
}

/** What a delete tool returns: the outcome, or why nothing was deleted and how to confirm. */
export const deletion = z.object({
  deleted: z.boolean().describe("Whether the object was deleted by this call."),
  object: z.string(),
  id: z.string(),
  name: z.string().optional(),
  reason: z
    .enum([
      "confirmation_required",
      "declined",
      "cancelled",
      "name_mismatch",
      "token_expired",
      "token_invalid",
    ])
    .optional()
    .describe("Why nothing was deleted."),
  impact: z
    .record(z.string(), z.unknown())
    .optional()
    .describe("What the delete would remove along with it."),
  confirmation_token: z
    .string()
    .optional()
    .describe("Pass back as confirmation_token, after the user agrees, to delete."),
  expires_at: z.string().optional().describe("When confirmation_token stops working."),
});

export type Organization = z.input<typeof organization>;
export type Connection = z.input<typeof connection>;
export type Directory = z.input<typeof directory>;
export type DirectoryUser = z.input<typeof directoryUser>;
export type DirectoryGroup = z.input<typeof directoryGroup>;
export type Deletion = z.input<typeof deletion>;
