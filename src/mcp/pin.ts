import type { AnyTool, ToolContext } from "../tools/define.js";

// A server pinned to one organization (--organization): every call stays inside it.

/** The parameter the pin fills in for this tool, which its listed schema leaves out. */
export function pinnedParam(tool: AnyTool): string | undefined {
  return typeof tool.organization === "object" && "param" in tool.organization
    ? tool.organization.param
    : undefined;
}

/**
 * The arguments with the pinned organization filled in, or why the call is refused: a model may still name
 * the organization, but only the pinned one.
 */
export function withPin(
  tool: AnyTool,
  args: Record<string, unknown>,
  pin: string,
): { args: Record<string, unknown> } | { refused: string } {
  const param = pinnedParam(tool);
  if (param === undefined) return { args };
  const given = args[param];
  if (given !== undefined && given !== pin) return { refused: outside(tool, pin) };
  return { args: { ...args, [param]: pin } };
}

/** Why the call is refused, when what it addresses belongs to another organization; undefined when it may go on. */
export async function outsidePin(
  tool: AnyTool,
  input: Record<string, unknown>,
  context: ToolContext,
  pin: string,
): Promise<string | undefined> {
  const scope = tool.organization;
  if (typeof scope !== "object" || !("owner" in scope)) return undefined;
  const owner = await scope.owner(input, context);
  return owner === pin ? undefined : outside(tool, pin);
}

function outside(tool: AnyTool, pin: string): string {
  return (
    `${tool.name} refused: this server is pinned to organization ${pin} (--organization), and the call names ` +
    "something of another organization. Nothing was read or changed. Use ids of the pinned organization."
  );
}
