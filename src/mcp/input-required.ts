/**
 * MCP 2026-07-28's answer to a call that needs the user first: instead of asking the client mid-call (a
 * server-to-client request, which that revision removed), the server returns what it needs, and the client
 * retries the same call with the answers and the `requestState` it was handed.
 */
export type InputRequiredResult = {
  resultType: "input_required";
  inputRequests: Record<string, { method: "elicitation/create"; params: Record<string, unknown> }>;
  requestState: string;
};

/**
 * Thrown through a call (from a confirmation form, through the deletion gate) to end it with an
 * input_required result: nothing has happened yet, and the retried call starts over with the answer.
 */
export class InputRequired extends Error {
  constructor(readonly result: InputRequiredResult) {
    super("input required");
  }
}

/** What a retried call carries back: the state handed out, and the client's answers by key. */
export interface InputAnswers {
  requestState: string | undefined;
  inputResponses: Record<string, unknown> | undefined;
}
