import type { z } from "zod";
import { WorkOSError } from "../client/errors.js";

/**
 * The value as WorkOS sent it, once it is known to have the shape the code after it relies on. An answer
 * missing a field is WorkOS's (or a proxy's) failure to report as such, not a crash in our code.
 */
export function expectShape<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  what: string,
): z.input<Schema> {
  const checked = schema.safeParse(value);
  if (checked.success) return value as z.input<Schema>;
  const issue = checked.error.issues[0];
  const where =
    issue === undefined || issue.path.length === 0 ? "" : ` at ${issue.path.join(".").slice(0, 200)}`;
  throw new WorkOSError(
    `WorkOS answered with ${what} of an unexpected shape${where}: ${issue?.message ?? "invalid"}.`,
    {
      category: "invalid_response",
      retryable: false,
    },
  );
}
