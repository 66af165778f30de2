import { z } from "zod";

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
