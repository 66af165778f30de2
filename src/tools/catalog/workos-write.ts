import { z } from "zod";
import { type Deletion, deletionNotes, deletionSummary } from "../../confirm.js";
import { defineTool } from "../define.js";
import { confirmationToken } from "../params.js";
import {
  answerSummary,
  catalogTarget,
  operationParam,
  ownerOfCall,
  PIN_HINT,
  pathParam,
  queryParam,
  resolveCall,
  send,
} from "./call.js";

/** A result of the confirmation gate (nothing done yet), not an answer of WorkOS. */
function unconfirmed(output: Record<string, unknown>): Deletion | undefined {
  return output.object === "workos_object" && output.deleted === false ? (output as Deletion) : undefined;
}

export default defineTool({
  name: "workos_write",
  title: "Call A WorkOS Write Operation",
  description:
    "Call any WorkOS operation that changes something (POST, PUT, PATCH, DELETE) by its operationId (from " +
    "find_workos_operations). Arguments are checked against WorkOS's API spec first; deletes and revokes need " +
    "the user's confirmation.",
  toolset: "catalog",
  organization: { owner: ownerOfCall("write"), hint: PIN_HINT },
  input: z.strictObject({
    operation: operationParam,
    path: pathParam,
    query: queryParam,
    body: z.record(z.string(), z.unknown()).optional().describe("The JSON body's fields."),
    confirmation_token: confirmationToken,
  }),
  output: z.looseObject({}),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  target: catalogTarget,
  summary: (output, input) => {
    const stopped = unconfirmed(output);
    return stopped === undefined ? answerSummary(input.operation, output) : deletionSummary(stopped);
  },
  notes: (output) => {
    const stopped = unconfirmed(output);
    return stopped === undefined ? [] : deletionNotes("workos_write", stopped);
  },
  handler: async (input, context) => {
    const { operation, call } = await resolveCall(input, "write");
    return send(operation, call, context);
  },
});
