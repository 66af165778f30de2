import { z } from "zod";
import { timestamps } from "./id.js";

/** A browser origin allowed to call AuthKit's client-side endpoints (the spec's CorsOriginResponse). */
export const CORS_ORIGIN_ID_PREFIX = "cors_origin";
export const corsOrigin = z.looseObject({
  object: z.literal("cors_origin"),
  id: z.string(),
  origin: z.string(),
  ...timestamps,
});
export type CorsOrigin = z.infer<typeof corsOrigin>;
