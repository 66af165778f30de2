import { z } from "zod";

/** The environment's template of custom access-token claims, a Liquid template of JSON (the spec's JwtTemplate). */
export const jwtTemplate = z.looseObject({
  object: z.literal("jwt_template"),
  content: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type JwtTemplate = z.infer<typeof jwtTemplate>;
