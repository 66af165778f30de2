import { randomUUID } from "node:crypto";
import type { WorkOSClient } from "../client/client.js";
import { log } from "../log.js";
import type { AnyTool } from "../tools/define.js";
import { describePerson, type Person } from "./person.js";

/** One change a person made (or tried to: WorkOS refused it), as it goes to WorkOS Audit Logs. */
export interface Change {
  tool: AnyTool;
  input: Record<string, unknown>;
  /** What WorkOS answered, when the change was made. */
  output?: unknown;
  outcome: "success" | "failure";
  occurredAt: Date;
}

/**
 * The WorkOS object a change is about: the object WorkOS answered with (it names its kind and id), else the
 * first id the input names (a delete answers with nothing), else the tool itself.
 */
export function targetOf(change: Pick<Change, "tool" | "input" | "output">): { type: string; id: string } {
  const { object, id } = (change.output ?? {}) as { object?: unknown; id?: unknown };
  if (typeof object === "string" && typeof id === "string") return { type: object, id };
  for (const [key, value] of Object.entries(change.input)) {
    if (key.endsWith("_id") && typeof value === "string") return { type: key.slice(0, -3), id: value };
  }
  return { type: "workos_mcp_tool", id: change.tool.name };
}

/**
 * Writes one Audit Logs event for the change to the organization: action `workos_mcp.<tool>`, the person as
 * actor, the object as target, their IP and user agent, the outcome. Answers undefined when it was recorded,
 * else why not (logged here): the change stands either way, and its result says the entry is missing.
 */
export async function recordChange(
  client: WorkOSClient,
  organizationId: string,
  person: Person,
  change: Change,
): Promise<string | undefined> {
  const event = {
    action: `workos_mcp.${change.tool.name}`,
    occurred_at: change.occurredAt.toISOString(),
    actor: { id: person.userId, type: "user", name: person.email },
    targets: [targetOf(change)],
    context: {
      location: person.ip,
      ...(person.userAgent === undefined ? {} : { user_agent: person.userAgent }),
    },
    metadata: { outcome: change.outcome },
  };
  try {
    // One key for the event, whatever retries the client makes: WorkOS records it once. Not the call's signal:
    // a change that was made is recorded even when its client has gone.
    await client.post("/audit_logs/events", {
      body: { organization_id: organizationId, event },
      idempotencyKey: `workos-mcp-audit-${randomUUID()}`,
    });
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log.error(`audit log entry for ${change.tool.name} by ${describePerson(person)} not written: ${reason}`);
    return reason;
  }
}
