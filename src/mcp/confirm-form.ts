import { type ClientCapabilities, SdkError, SdkErrorCode, type Server } from "@modelcontextprotocol/server";
import {
  CONFIRM_FIELD,
  ConfirmationTokens,
  type ConfirmForm,
  type DeletionTarget,
  type ElicitationOutcome,
} from "../confirm.js";
import { type InputAnswers, InputRequired } from "./input-required.js";
import { INVALID_PARAMS, protocolError } from "./protocol-error.js";
import { visibleLine, withoutHidden } from "./visible.js";

/** How long the confirmation form waits for the user (the SDK's own request timeout). */
export const ELICITATION_TIMEOUT_MS = 60_000;

/** The key of the one question a delete asks, in input_required's inputRequests and the retry's answers. */
const CONFIRM_KEY = "confirm_delete";

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

/** The form, the same in both eras: the message, and one field for the typed name. */
function formFor(target: DeletionTarget, environment: string) {
  const { word, asked } = confirmationWord(target);
  return {
    message:
      `Permanently delete ${CONFIRM_FIELD[target.object].noun} "${visibleLine(target.name)}" (${target.id}) in ${environment}? ` +
      `This also removes ${visibleLine(target.summary)}, and cannot be undone. Type ${asked} to confirm.`,
    requestedSchema: {
      type: "object" as const,
      properties: {
        confirm_name: {
          type: "string" as const,
          title: CONFIRM_FIELD[target.object].title,
          description: `Type ${visibleLine(word)} to delete it`,
        },
      },
      required: ["confirm_name"],
    },
  };
}

/** The user's answer judged: only an accepted form with the exact name confirms. */
function judge(target: DeletionTarget, action: unknown, content: unknown): ElicitationOutcome {
  if (action === "decline") return { confirmed: false, reason: "declined" };
  if (action !== "accept") return { confirmed: false, reason: "cancelled" };
  const typed = (content as { confirm_name?: unknown } | undefined)?.confirm_name;
  if (typeof typed !== "string" || comparable(typed) !== confirmationWord(target).word) {
    return { confirmed: false, reason: "name_mismatch" };
  }
  return { confirmed: true };
}

/** Whether a client shows forms: an empty elicitation capability means forms (the spec's default), url alone does not. */
export function showsForms(capabilities: ClientCapabilities | undefined): boolean {
  const elicitation = capabilities?.elicitation;
  return elicitation !== undefined && (elicitation.form !== undefined || elicitation.url === undefined);
}

/**
 * MCP 2025-11-25: the server asks the client mid-call (elicitation/create) and waits for the user. Undefined
 * when the client cannot show a form (it did not declare forms, or a stateless HTTP request, where nothing
 * can reach the client mid-call).
 */
export function legacyConfirmForm(
  server: Server,
  timeoutMs = ELICITATION_TIMEOUT_MS,
): ConfirmForm | undefined {
  if (!showsForms(server.getClientCapabilities())) return undefined;
  return async (target, environment, signal) => {
    try {
      const result = await server.elicitInput(formFor(target, environment), { signal, timeout: timeoutMs });
      return judge(target, result.action, result.content);
    } catch (error) {
      if (signal.aborted) throw error;
      // Silence is not consent, and no token may stand in for it: a model could pass it straight back.
      const timedOut = error instanceof SdkError && error.code === SdkErrorCode.RequestTimeout;
      return { confirmed: false, reason: timedOut ? "not_answered" : "form_failed" };
    }
  };
}

/**
 * MCP 2026-07-28: the first call ends in an input_required result carrying the form and a requestState bound
 * by HMAC to this tool, its exact arguments and the target, expiring with confirmation tokens (5 minutes).
 * The retried call is judged on the user's answer only if its state checks; an altered or expired state is
 * refused (-32602) and deletes nothing. A retry without an answer is asked again: silence is not consent.
 */
export function modernConfirmForm(answers: InputAnswers, secret: string, now: () => number): ConfirmForm {
  const states = new ConfirmationTokens(secret, "input_required state", "rs");
  return async (target, environment, _signal, binding) => {
    const bound = `${binding}\n${target.id}`;
    const state = answers.requestState;
    if (state !== undefined) {
      const check = states.check(state, bound, now());
      if (check !== "valid") {
        throw protocolError(
          INVALID_PARAMS,
          `Invalid or expired requestState (${check}): nothing was deleted. Call the tool again to ask the user again.`,
        );
      }
      const answer = answers.inputResponses?.[CONFIRM_KEY] as
        | { action?: unknown; content?: unknown }
        | undefined;
      if (answer !== undefined && typeof answer === "object" && answer !== null && "action" in answer) {
        return judge(target, answer.action, answer.content);
      }
    }
    throw new InputRequired({
      resultType: "input_required",
      inputRequests: {
        [CONFIRM_KEY]: {
          method: "elicitation/create",
          params: { mode: "form", ...formFor(target, environment) },
        },
      },
      requestState: states.mint(bound, now()).token,
    });
  };
}
