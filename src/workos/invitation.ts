import { z } from "zod";
import { INVITATION_STATES } from "../workos-vocabulary.js";
import { idField, timestamps } from "./id.js";
import { defineSummary, optional } from "./summary.js";

export const INVITATION_ID_PREFIX = "invitation";

/** An invitation to sign up, to an organization or to the application (the spec's UserlandUserInvite). */
export const invitation = z.looseObject({
  object: z.literal("invitation"),
  id: idField(INVITATION_ID_PREFIX, "invitation"),
  email: z.string(),
  state: z.enum(INVITATION_STATES),
  accepted_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
  expires_at: z.string(),
  organization_id: z.string().nullable(),
  inviter_user_id: z.string().nullable(),
  accepted_user_id: z.string().nullable(),
  role_slug: z.string().nullable(),
  token: z.string(),
  accept_invitation_url: z.string(),
  ...timestamps,
});

export type Invitation = z.infer<typeof invitation>;

export const invitationSummary = defineSummary<Invitation>({
  id: [z.string(), (value) => value.id],
  email: [optional.string(), (value) => value.email],
  state: [optional.string(), (value) => value.state],
  expires_at: [optional.string(), (value) => value.expires_at],
  organization_id: [optional.string(), (value) => value.organization_id],
  role_slug: [optional.string(), (value) => value.role_slug],
});
