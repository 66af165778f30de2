import type { WorkOSClient } from "../../client/client.js";
import { path } from "../../client/path.js";
import type { DeletionTarget } from "../../confirm.js";
import {
  type OrganizationMembership,
  organizationMembership as organizationMembershipModel,
} from "../../workos/organization-membership.js";
import { type Role, role as roleModel } from "../../workos/role.js";
import type { RoleAssignment } from "../../workos/role-assignment.js";
import { ToolRefusal } from "../define.js";
import { collect } from "../impact.js";
import { readable } from "../readable.js";
import { expectShape } from "../shape.js";
import { permissionCount } from "./fields.js";

const roleSchema = readable(roleModel);
const membershipSchema = readable(organizationMembershipModel);

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;
const permissionsPhrase = (slugs: readonly string[]) =>
  slugs.length === 0 ? "no permissions" : `${permissionCount(slugs)} (${slugs.join(", ")})`;

/** An organization's custom role, its permissions, and the memberships that hold it as their role. */
export async function roleTarget(
  client: WorkOSClient,
  organizationId: string,
  slug: string,
  signal: AbortSignal,
): Promise<DeletionTarget> {
  const role = expectShape(
    roleSchema,
    await client.get(path`/authorization/organizations/${organizationId}/roles/${slug}`, { signal }),
    "a role",
  );
  if (role.type === "EnvironmentRole") {
    throw new ToolRefusal(
      `${JSON.stringify(slug)} is an environment role, which every organization has; WorkOS deletes only an ` +
        "organization's custom roles (their slugs begin with org-). Nothing was changed.",
    );
  }
  const memberships = await collect(
    client.items<OrganizationMembership>("/user_management/organization_memberships", {
      query: { organization_id: organizationId, statuses: "active,inactive,pending" },
      maxItems: 10_000,
      signal,
    }),
  );
  const holders = memberships.filter(
    (m) => m.role.slug === slug || (m.roles ?? []).some((held) => held.slug === slug),
  );
  return {
    object: "role",
    id: role.slug,
    name: role.name,
    summary:
      `its ${permissionsPhrase(role.permissions)}; ` +
      `${plural(holders.length, "organization membership")} ${holders.length === 1 ? "holds" : "hold"} it as their role`,
    impact: {
      organization_id: organizationId,
      permissions: role.permissions,
      memberships_holding_it: holders.length,
      ...(holders.length > 0 ? { members: holders.slice(0, 20).map((m) => m.user?.email ?? m.user_id) } : {}),
    },
  };
}

/** One role assignment of a member, and the permissions it grants on its resource. */
export async function roleAssignmentTarget(
  client: WorkOSClient,
  organizationMembershipId: string,
  roleAssignmentId: string,
  signal: AbortSignal,
): Promise<DeletionTarget> {
  const membership = expectShape(
    membershipSchema,
    await client.get(path`/user_management/organization_memberships/${organizationMembershipId}`, { signal }),
    "an organization membership",
  );
  // WorkOS reads no single assignment: it is found in its member's list.
  const assignments = client.items<RoleAssignment>(
    path`/authorization/organization_memberships/${organizationMembershipId}/role_assignments`,
    { maxItems: 10_000, signal },
  );
  let assignment: RoleAssignment | undefined;
  for await (const item of assignments) {
    if (item.id === roleAssignmentId) {
      assignment = item;
      break;
    }
  }
  if (assignment === undefined) {
    throw new ToolRefusal(
      `This member has no role assignment ${JSON.stringify(roleAssignmentId)}: list_role_assignments lists theirs. Nothing was changed.`,
    );
  }
  if (assignment.source.type === "group") {
    throw new ToolRefusal(
      "This role assignment comes from a group the member belongs to: it is removed through the group, not " +
        "the member. Nothing was changed.",
    );
  }
  const roles = await client.get<{ data: Role[] }>(
    path`/authorization/organizations/${membership.organization_id}/roles`,
    { signal },
  );
  const permissions = roles.data.find((r) => r.slug === assignment.role.slug)?.permissions ?? [];
  const who = membership.user?.email ?? membership.user_id;
  const { resource_type_slug: type, external_id: external, id } = assignment.resource;
  return {
    object: "role_assignment",
    id: assignment.id,
    name: assignment.role.slug,
    summary: `${who}'s ${permissionsPhrase(permissions)} through it on ${type} ${external || id}`,
    impact: {
      member: who,
      role: assignment.role.slug,
      resource: { id, resource_type_slug: type, external_id: external },
      permissions,
    },
  };
}
