export interface OrganizationDomain {
  object: "organization_domain";
  id: string;
  organization_id: string;
  domain: string;
  state: "failed" | "legacy_verified" | "pending" | "unverified" | "verified";
  verification_strategy: "dns" | "manual";
  verification_prefix?: string;
  verification_token?: string;
  created_at: string;
  updated_at: string;
}

export interface Organization {
  object: "organization";
  id: string;
  name: string;
  domains: OrganizationDomain[];
  metadata: Record<string, string>;
  external_id: string | null;
  stripe_customer_id?: string;
  allow_profiles_outside_organization?: boolean;
  created_at: string;
  updated_at: string;
}

export interface ConnectionDomain {
  object: "connection_domain";
  id: string;
  domain: string;
}

export type ConnectionState = "requires_type" | "draft" | "active" | "validating" | "inactive" | "deleting";

export interface Connection {
  object: "connection";
  id: string;
  organization_id?: string;
  connection_type: string;
  name: string;
  state: ConnectionState;
  domains: ConnectionDomain[];
  created_at: string;
  updated_at: string;
}

export type DirectoryState = "linked" | "validating" | "invalid_credentials" | "unlinked" | "deleting";

export interface Directory {
  object: "directory";
  id: string;
  organization_id: string;
  external_key: string;
  type: string;
  state: DirectoryState;
  name: string;
  domain?: string;
  created_at: string;
  updated_at: string;
}

export interface DirectoryGroup {
  object: "directory_group";
  id: string;
  idp_id: string;
  directory_id: string;
  organization_id: string;
  name: string;
  raw_attributes: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

export interface DirectoryUser {
  object: "directory_user";
  id: string;
  directory_id: string;
  organization_id: string;
  idp_id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  name: string | null;
  emails: { primary: boolean; type: string; value: string | null }[];
  job_title: string | null;
  username: string | null;
  state: "active" | "suspended" | "inactive";
  raw_attributes: Record<string, unknown>;
  custom_attributes: Record<string, unknown>;
  role?: { slug: string };
  roles?: { slug: string }[];
  created_at: string;
  updated_at: string;
  /** Internal: membership by group id; serialized as `groups`. */
  group_ids: string[];
}

export interface WorkOSEvent {
  object: "event";
  id: string;
  event: string;
  data: Record<string, unknown>;
  created_at: string;
  /** Internal: used by the organization_id filter; never serialized. */
  organization_id: string | null;
}

export interface WebhookEndpoint {
  url: string;
  secret: string;
  events?: string[];
}

export { CONNECTION_TYPES } from "../workos-vocabulary.js";

export const CONNECTION_STATES = [
  "requires_type",
  "draft",
  "active",
  "validating",
  "inactive",
  "deleting",
] as const;

export const DIRECTORY_TYPES = [
  "azure scim v2.0",
  "bamboohr",
  "breathe hr",
  "cezanne hr",
  "cyberark scim v2.0",
  "fourth hr",
  "generic scim v2.0",
  "gsuite directory",
  "hibob",
  "sailpoint scim v2.0",
  "jump cloud scim v2.0",
  "okta scim v2.0",
  "onelogin scim v2.0",
  "people hr",
  "personio",
  "pingfederate scim v2.0",
  "rippling scim v2.0",
  "s3",
  "sftp",
  "sftp workday",
  "workday",
] as const;

export const DIRECTORY_STATES = [
  "linked",
  "validating",
  "invalid_credentials",
  "unlinked",
  "deleting",
] as const;

export const USER_STATES = ["active", "suspended", "inactive"] as const;

export const DOMAIN_STATES = ["failed", "legacy_verified", "pending", "unverified", "verified"] as const;
