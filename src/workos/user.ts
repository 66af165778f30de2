import { z } from "zod";
import { idField, timestamps } from "./id.js";
import { defineSummary, optional } from "./summary.js";

export const USER_ID_PREFIX = "user";

/** An AuthKit user: a person who signs in to the application (the spec's UserlandUser). */
export const user = z.looseObject({
  object: z.literal("user"),
  id: idField(USER_ID_PREFIX, "user"),
  email: z.string(),
  email_verified: z.boolean(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  name: z.string().nullable().optional(),
  profile_picture_url: z.string().nullable(),
  external_id: z.string().nullable(),
  metadata: z.record(z.string(), z.string()).optional(),
  last_sign_in_at: z.string().nullable(),
  locale: z.string().nullable().optional(),
  ...timestamps,
});

export type User = z.infer<typeof user>;

export const userSummary = defineSummary<User>({
  id: [z.string(), (value) => value.id],
  email: [optional.string(), (value) => value.email],
  name: [
    optional.string(),
    (value) => {
      const name = [value.first_name, value.last_name]
        .filter((part) => part !== null && part !== "")
        .join(" ");
      return name === "" ? undefined : name;
    },
  ],
  email_verified: [
    optional.boolean("Shown only when false."),
    (value) => (value.email_verified ? undefined : false),
  ],
  last_sign_in_at: [optional.string(), (value) => value.last_sign_in_at],
});
