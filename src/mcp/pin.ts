import type { WorkOSClient } from "../client/client.js";
import { WorkOSError } from "../client/errors.js";
import { path } from "../client/path.js";
import { ConfigError } from "../config.js";
import { log } from "../log.js";
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
  if (typeof scope !== "object" || scope.owner === undefined) return undefined;
  const owner = await scope.owner(input, context);
  return owner === pin ? undefined : outside(tool, pin, scope.hint);
}

function outside(tool: AnyTool, pin: string, hint?: string): string {
  return (
    `${tool.name} refused: this server is pinned to organization ${pin} (--organization), and the call names ` +
    "something of another organization. Nothing was read or changed. " +
    (hint ?? "Use ids of the pinned organization.")
  );
}

/**
 * Whether WorkOS knows the pinned organization: false on its 404, so a typo in the pin does not serve an empty
 * organization. One GET, at start and in doctor; any other failure is thrown for the caller to report.
 */
export async function pinExists(client: WorkOSClient, pin: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await client.get(path`/organizations/${pin}`, signal === undefined ? {} : { signal });
    return true;
  } catch (error) {
    if (error instanceof WorkOSError && error.status === 404) return false;
    throw error;
  }
}

/** Why a server pinned to an organization WorkOS does not know is refused, in one line. */
export function noSuchPin(pin: string): string {
  return (
    `--organization / WORKOS_MCP_ORGANIZATION_ID: WorkOS has no organization ${pin} for this API key ` +
    "(404). Check the id in the WorkOS dashboard, or list them with list_organizations on an unpinned server."
  );
}

/** How long start-up waits for WorkOS to confirm the pin before going on without it. */
const START_CHECK_MS = 10_000;

/**
 * At start: a pin WorkOS does not know stops the server (a ConfigError: one line, exit 2). When WorkOS cannot be
 * asked (offline, a rejected key), the server starts anyway and says so: every call, and doctor, will tell more.
 */
export async function checkPinAtStart(client: WorkOSClient, pin: string): Promise<void> {
  let exists: boolean;
  try {
    exists = await pinExists(client, pin, AbortSignal.timeout(START_CHECK_MS));
  } catch (error) {
    const reason = error instanceof WorkOSError ? error.summary : String(error);
    log.info(`could not check the pinned organization ${pin} at start (${reason}); starting anyway`);
    return;
  }
  if (!exists) throw new ConfigError(noSuchPin(pin));
}
