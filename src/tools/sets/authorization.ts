import assignRole from "../authorization/assign-role.js";
import checkAccess from "../authorization/check-access.js";
import createRole from "../authorization/create-role.js";
import deleteRole from "../authorization/delete-role.js";
import getRole from "../authorization/get-role.js";
import listPermissions from "../authorization/list-permissions.js";
import listRoleAssignments from "../authorization/list-role-assignments.js";
import listRoles from "../authorization/list-roles.js";
import removeRoleAssignment from "../authorization/remove-role-assignment.js";
import updateRole from "../authorization/update-role.js";
import type { AnyTool } from "../define.js";

/** The authorization toolset's tools, in the order clients list them. */
export default [
  listRoles,
  getRole,
  createRole,
  updateRole,
  deleteRole,
  listPermissions,
  listRoleAssignments,
  assignRole,
  removeRoleAssignment,
  checkAccess,
] as AnyTool[];
