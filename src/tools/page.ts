import { z } from "zod";
import type { List } from "../client/client.js";
import { type Readable, readable } from "./readable.js";

/** The structured result of a list tool: the page without the envelope's `object`. */
export function page<T>({ data, list_metadata }: List<T>) {
  return { data, list_metadata };
}

const listMetadata = z.object({
  before: z.string().nullable().describe("Pass as `before` to get the previous page; null at the start."),
  after: z.string().nullable().describe("Pass as `after` to get the next page; null at the end."),
});

/** The schema of a list tool's result: one page, its items read as the model says (see readable), and its cursors. */
export function listOf<Item extends z.ZodObject>(
  item: Item,
): z.ZodObject<{ data: z.ZodArray<Readable<Item>>; list_metadata: typeof listMetadata }, z.core.$strip> {
  return z.object({ data: z.array(readable(item)), list_metadata: listMetadata });
}
