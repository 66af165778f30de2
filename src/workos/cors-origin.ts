import { z } from "zod";

/** A browser origin allowed to call AuthKit's client-side endpoints (the spec's CorsOriginResponse). */
export const CORS_ORIGIN_ID_PREFIX = "cors_origin";
export const corsOrigin = z.looseObject({
  object: z.literal("cors_origin"),
  id: z.string(),
  origin: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type CorsOrigin = z.infer<typeof corsOrigin>;
