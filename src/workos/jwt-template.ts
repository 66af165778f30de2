import { z } from "zod";
import { timestamps } from "./id.js";

/** The environment's template of custom access-token claims, a Liquid template of JSON (the spec's JwtTemplate). */
export const jwtTemplate = z.looseObject({
  object: z.literal("jwt_template"),
  content: z.string(),
  ...timestamps,
});
export type JwtTemplate = z.infer<typeof jwtTemplate>;
