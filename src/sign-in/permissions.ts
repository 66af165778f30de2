import type { AnyTool } from "../tools/define.js";

/** The permissions a WorkOS role grants to people who sign in; their slugs are what the dashboard shows. */
export const PERMISSIONS = {
  read: "workos-mcp:read",
  write: "workos-mcp:write",
  delete: "workos-mcp:delete",
} as const;

/**
 * What a person needs to call the tool, from its annotations (never from a second list): reading needs read;
 * a change also needs write; a destructive change also needs delete (and still asks for confirmation).
 */
export function permissionsFor(tool: AnyTool): readonly string[] {
  if (tool.annotations.readOnlyHint) return [PERMISSIONS.read];
  if (!tool.annotations.destructiveHint) return [PERMISSIONS.read, PERMISSIONS.write];
  return [PERMISSIONS.read, PERMISSIONS.write, PERMISSIONS.delete];
}

/** The permissions the person lacks for the tool; empty when they may call it. */
export function missingPermissions(tool: AnyTool, granted: ReadonlySet<string>): string[] {
  return permissionsFor(tool).filter((permission) => !granted.has(permission));
}
