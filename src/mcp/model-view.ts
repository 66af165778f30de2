/**
 * What the model reads, whichever channel its client shows: clients that read structuredContent get this
 * object as JSON, clients that read text get `renderText` of it. Both carry the same facts and guidance.
 */
export interface ModelView {
  /** The result in one line of our own words. */
  summary: string;
  /** What the model must know with it: environment, warnings, confirmation, truncation. */
  notes?: string[];
  /** The WorkOS data: one object, or a list's items. */
  data: unknown;
  /** The exact call for the next page, when there is one. */
  next?: { tool: string; arguments: Record<string, unknown> };
}
