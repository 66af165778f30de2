import type { AnyTool } from "../define.js";
import deleteDirectory from "../directory-sync/delete-directory.js";
import getDirectory from "../directory-sync/get-directory.js";
import getDirectoryGroup from "../directory-sync/get-directory-group.js";
import getDirectoryUser from "../directory-sync/get-directory-user.js";
import listDirectories from "../directory-sync/list-directories.js";
import listDirectoryGroups from "../directory-sync/list-directory-groups.js";
import listDirectoryUsers from "../directory-sync/list-directory-users.js";

/** The directory_sync toolset's tools, in the order clients list them. */
export default [
  listDirectories,
  getDirectory,
  deleteDirectory,
  listDirectoryUsers,
  getDirectoryUser,
  listDirectoryGroups,
  getDirectoryGroup,
] as AnyTool[];
