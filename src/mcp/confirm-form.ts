import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { CONFIRM_FIELD, type ConfirmForm, type DeletionTarget, type ElicitationOutcome } from "../confirm.js";
import { visibleLine, withoutHidden } from "./visible.js";

/** How long the confirmation form waits for the user (the SDK's own request timeout). */
export const ELICITATION_TIMEOUT_MS = 60_000;

/** A name must be typed as it looks: hidden characters do not count. */
function comparable(text: string): string {
  return withoutHidden(text).normalize("NFC").trim();
}

/**
 * What the user must type: the name as it looks, or the id when the name has nothing visible (else typing
 * nothing would match a name made only of zero-width characters).
 */
function confirmationWord(target: DeletionTarget): { word: string; asked: string } {
  const name = comparable(target.name);
  return name === ""
    ? { word: target.id, asked: `its id, ${target.id} (its name shows nothing to type)` }
    : {
        word: name,
        asked: `the ${CONFIRM_FIELD[target.object].noun}'s exact ${CONFIRM_FIELD[target.object].field}`,
      };
}

/** Asks the user, through the client's form, to type the target's exact name. */
export async function confirmByElicitation(
  server: Server,
  target: DeletionTarget,
  environment: string,
  signal: AbortSignal,
  timeoutMs = ELICITATION_TIMEOUT_MS,
): Promise<ElicitationOutcome> {
  const { word, asked } = confirmationWord(target);
  const result = await server.elicitInput(
    {
      message:
        `Permanently delete ${CONFIRM_FIELD[target.object].noun} "${visibleLine(target.name)}" (${target.id}) in ${environment}? ` +
        `This also removes ${visibleLine(target.summary)}, and cannot be undone. Type ${asked} to confirm.`,
      requestedSchema: {
        type: "object",
        properties: {
          confirm_name: {
            type: "string",
            title: CONFIRM_FIELD[target.object].title,
            description: `Type ${visibleLine(word)} to delete it`,
          },
        },
        required: ["confirm_name"],
      },
    },
    { signal, timeout: timeoutMs },
  );
  if (result.action === "decline") return { confirmed: false, reason: "declined" };
  if (result.action !== "accept") return { confirmed: false, reason: "cancelled" };
  const typed = result.content?.confirm_name;
  if (typeof typed !== "string" || comparable(typed) !== word) {
    return { confirmed: false, reason: "name_mismatch" };
  }
  return { confirmed: true };
}

/** The client's confirmation form, or undefined when the client cannot show one (it did not declare forms). */
export function confirmFormOf(server: Server, timeoutMs = ELICITATION_TIMEOUT_MS): ConfirmForm | undefined {
  if (server.getClientCapabilities()?.elicitation?.form === undefined) return undefined;
  return async (target, environment, signal) => {
    try {
      return await confirmByElicitation(server, target, environment, signal, timeoutMs);
    } catch (error) {
      if (signal.aborted) throw error;
      // Silence is not consent, and no token may stand in for it: a model could pass it straight back.
      const timedOut = error instanceof McpError && error.code === ErrorCode.RequestTimeout;
      return { confirmed: false, reason: timedOut ? "not_answered" : "form_failed" };
    }
  };
}
