import { z } from "zod";
import { quote } from "../../mcp/quote.js";

/** A flag's slug as the dashboard made it, e.g. advanced-analytics: checked for form only. */
export const flagSlug = z
  .string()
  .regex(
    /^[A-Za-z0-9][\w.-]{0,199}$/,
    "must be a flag slug such as advanced-analytics; list_feature_flags lists them",
  );

/** The hint for a WorkOS 404 of a flag: slugs, not ids, and where to find them. */
export const flagNotFound = () =>
  "No feature flag has this slug (flags are made in the WorkOS dashboard). list_feature_flags lists the slugs.";

/** A flag's state in one line of our words: the environment switch and the default for those not targeted. */
export function flagState(flag: { slug: unknown; enabled: boolean; default_value: boolean }): string {
  const slug = quote.word(flag.slug, "in data");
  if (!flag.enabled) return `Feature flag ${slug} is disabled in the environment: on for no one.`;
  return flag.default_value
    ? `Feature flag ${slug} is enabled and on by default, for everyone.`
    : `Feature flag ${slug} is enabled, on for its targets only.`;
}
