import type { Query, WorkOSClient } from "../client/client.js";
import type { ListPage, ToolContext } from "./define.js";

/** How many objects one call examines at most, so a filter on a huge directory still answers in seconds. */
export const SCAN_LIMIT = 10_000;

interface ScanRequest<Item> {
  client: WorkOSClient;
  path: string;
  /** The WorkOS filters and cursor of the call; pages of 100 are asked for. */
  query: Query;
  /** How many matches to return. */
  limit: number;
  matches(item: Item): boolean;
  context: Pick<ToolContext, "signal" | "progress">;
  noun: string;
}

/**
 * Filters WorkOS does not offer, done here: walks pages of 100 until `limit` items match or SCAN_LIMIT were
 * examined. The cursor it returns points just after the last item examined, so the next call goes on
 * scanning where this one stopped and nothing is skipped or seen twice.
 */
export async function scan<Item extends { id: string }>(request: ScanRequest<Item>): Promise<ListPage<Item>> {
  const { client, path, query, limit, matches, context, noun } = request;
  const direction = query.before !== undefined ? "before" : "after";
  const found: Item[] = [];
  let scanned = 0;
  let cursor: string | null = null;
  const pages = client.pages<Item>(path, { query, maxItems: SCAN_LIMIT, direction, signal: context.signal });
  for await (const page of pages) {
    for (const item of page.data) {
      scanned += 1;
      if (matches(item)) found.push(item);
      if (found.length === limit) {
        const last = item === page.data.at(-1);
        cursor = last ? page.list_metadata[direction] : item.id;
        return result(found, scanned, cursor, direction);
      }
    }
    cursor = page.list_metadata[direction];
    context.progress(scanned, `Scanned ${scanned} ${noun}s, ${found.length} matching.`);
  }
  // Stopped at the scan limit with pages left: the cursor goes on from the last page's end.
  return result(found, scanned, scanned >= SCAN_LIMIT ? cursor : null, direction);
}

function result<Item>(
  data: Item[],
  scanned: number,
  cursor: string | null,
  direction: "after" | "before",
): ListPage<Item> {
  const list_metadata =
    direction === "after" ? { before: null, after: cursor } : { before: cursor, after: null };
  return { data, list_metadata, scanned };
}

/** A fragment match over the given texts that ignores case and accents: "muller" finds "Müller". */
export function containsFold(fragment: string | undefined, ...texts: (string | null | undefined)[]): boolean {
  if (fragment === undefined) return true;
  const needle = fold(fragment);
  return texts.some((text) => typeof text === "string" && fold(text).includes(needle));
}

// Letters that carry their stroke within, so decomposing leaves them whole.
const UNDECOMPOSED: Record<string, string> = { ø: "o", ł: "l", đ: "d", ı: "i", ß: "ss", æ: "ae", œ: "oe" };

// Decomposed, a letter's accents are combining marks of their own, which are then dropped.
function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[øłđıßæœ]/g, (letter) => UNDECOMPOSED[letter] ?? letter);
}
