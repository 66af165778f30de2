import { z } from "zod";
import { SESSION_AUTH_METHODS, SESSION_STATUSES } from "../workos-vocabulary.js";
import { idField, timestamps } from "./id.js";
import { defineSummary, optional } from "./summary.js";

export const SESSION_ID_PREFIX = "session";

/** An AuthKit session: one sign-in of a user (the items of the spec's user sessions list). */
export const session = z.looseObject({
  object: z.literal("session"),
  id: idField(SESSION_ID_PREFIX, "session"),
  user_id: z.string(),
  organization_id: z.string().optional(),
  impersonator: z.looseObject({ email: z.string(), reason: z.string().nullable() }).optional(),
  status: z.enum(SESSION_STATUSES),
  auth_method: z.enum(SESSION_AUTH_METHODS),
  ip_address: z.string().nullable(),
  user_agent: z.string().nullable(),
  expires_at: z.string(),
  ended_at: z.string().nullable(),
  ...timestamps,
});

export type Session = z.infer<typeof session>;

export const sessionSummary = defineSummary<Session>({
  id: [z.string(), (value) => value.id],
  auth_method: [optional.string(), (value) => value.auth_method],
  organization_id: [optional.string(), (value) => value.organization_id],
  ip_address: [optional.string(), (value) => value.ip_address],
  user_agent: [optional.string(), (value) => value.user_agent],
  created_at: [optional.string(), (value) => value.created_at],
  expires_at: [optional.string(), (value) => value.expires_at],
});
