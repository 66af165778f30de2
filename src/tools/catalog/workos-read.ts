import { z } from "zod";
import { defineTool, READ } from "../define.js";
import {
  answerSummary,
  operationParam,
  ownerOfCall,
  PIN_HINT,
  pathParam,
  queryParam,
  resolveCall,
  send,
} from "./call.js";

export default defineTool({
  name: "workos_read",
  title: "Call A WorkOS Read Operation",
  description:
    "Call any WorkOS GET operation by its operationId (from find_workos_operations). Arguments are checked " +
    "against WorkOS's API spec first.",
  toolset: "catalog",
  organization: { owner: ownerOfCall("read"), hint: PIN_HINT },
  input: z.strictObject({ operation: operationParam, path: pathParam, query: queryParam }),
  output: z.looseObject({}),
  annotations: READ,
  summary: (output, input) => answerSummary(input.operation, output),
  handler: async (input, context) => {
    const { operation, call } = await resolveCall(input, "read");
    return send(operation, call, context);
  },
});
