import { z } from "zod";
import { AGENT_REGISTRATION_KINDS, AGENT_REGISTRATION_STATUSES } from "../workos-vocabulary.js";
import { timestamps } from "./id.js";

/** An AI agent's registration in an organization, and the claim that ties it to a user (spec: AgentRegistration). */
export const AGENT_REGISTRATION_ID_PREFIX = "agent_registration";

const claimCompletion = z.looseObject({
  id: z.string(),
  ...timestamps,
  expires_at: z.string(),
  claimed_at: z.string(),
});

export const agentRegistration = z.looseObject({
  id: z.string(),
  agent_identity: z.looseObject({
    id: z.string(),
    userland_user_id: z.string().nullable(),
    ...timestamps,
  }),
  organization_id: z.string(),
  status: z.enum(AGENT_REGISTRATION_STATUSES),
  kind: z.enum(AGENT_REGISTRATION_KINDS),
  claim: z
    .looseObject({
      id: z.string(),
      claim_completion: claimCompletion.nullable(),
      ...timestamps,
      expires_at: z.string(),
    })
    .nullable(),
  ...timestamps,
});
export type AgentRegistration = z.infer<typeof agentRegistration>;
