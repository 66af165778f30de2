import type { AnyTool } from "../define.js";
import createOrganizationMembership from "../users/create-organization-membership.js";
import createUser from "../users/create-user.js";
import deactivateOrganizationMembership from "../users/deactivate-organization-membership.js";
import deleteOrganizationMembership from "../users/delete-organization-membership.js";
import deleteUser from "../users/delete-user.js";
import deleteUserAuthFactor from "../users/delete-user-auth-factor.js";
import getGroup from "../users/get-group.js";
import getInvitation from "../users/get-invitation.js";
import getUser from "../users/get-user.js";
import listGroups from "../users/list-groups.js";
import listInvitations from "../users/list-invitations.js";
import listOrganizationMemberships from "../users/list-organization-memberships.js";
import listUserAuthFactors from "../users/list-user-auth-factors.js";
import listUserSessions from "../users/list-user-sessions.js";
import listUsers from "../users/list-users.js";
import reactivateOrganizationMembership from "../users/reactivate-organization-membership.js";
import resendInvitation from "../users/resend-invitation.js";
import revokeInvitation from "../users/revoke-invitation.js";
import revokeSession from "../users/revoke-session.js";
import sendInvitation from "../users/send-invitation.js";
import updateOrganizationMembership from "../users/update-organization-membership.js";
import updateUser from "../users/update-user.js";

/** The users toolset's tools, in the order clients list them. */
export default [
  listUsers,
  getUser,
  createUser,
  updateUser,
  deleteUser,
  listOrganizationMemberships,
  createOrganizationMembership,
  updateOrganizationMembership,
  deactivateOrganizationMembership,
  reactivateOrganizationMembership,
  deleteOrganizationMembership,
  listInvitations,
  getInvitation,
  sendInvitation,
  resendInvitation,
  revokeInvitation,
  listUserSessions,
  revokeSession,
  listGroups,
  getGroup,
  listUserAuthFactors,
  deleteUserAuthFactor,
] as AnyTool[];
