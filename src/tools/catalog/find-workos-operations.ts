import { z } from "zod";
import { defineTool } from "../define.js";
import { catalog, parametersLine } from "./catalog.js";

/** Matches a search returns: the best ten, and a few more, since a word rarely singles out one operation. */
const MATCHES = 12;

export default defineTool({
  name: "find_workos_operations",
  title: "Find WorkOS API Operations",
  description:
    "Search all of WorkOS's API operations by words, for what no other tool covers. Gives each match's " +
    "operationId, method, path, summary and parameters (* required), to call with workos_read (GET) or workos_write.",
  toolset: "catalog",
  organization: "none",
  input: z.strictObject({
    query: z.string().min(1).max(500).describe('Words, e.g. "audit log export".'),
  }),
  output: z.object({
    operations: z.array(
      z.object({
        operation: z.string().describe("The operationId."),
        call: z.string().describe("Method and path."),
        summary: z.string(),
        params: z.string().describe("path, query and body parameters; * marks a required one."),
      }),
    ),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  instruction:
    "Only when no other tool covers a request, find its WorkOS operation with find_workos_operations and call it with workos_read or workos_write.",
  summary: (output, { query }) =>
    output.operations.length === 0
      ? `No WorkOS operation matches "${query.slice(0, 100)}"; try other words.`
      : `The ${output.operations.length} WorkOS operations that best match, best first.`,
  handler: async ({ query }) => {
    const found = (await catalog()).find(query, MATCHES);
    return {
      operations: found.map((operation) => ({
        operation: operation.id,
        call: `${operation.method} ${operation.path}`,
        summary: operation.summary,
        params: parametersLine(operation),
      })),
    };
  },
});
