import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Config } from "./config.js";
import { DEFAULT_API_KEY } from "./emulator/api-key.js";

export const CONFIRMATION_TTL_MS = 5 * 60_000;

/** What a destructive call would destroy, looked up before anything happens so a person can judge it. */
export interface DeletionTarget {
  object: keyof typeof CONFIRM_FIELD;
  id: string;
  name: string;
  /** What goes with it: dependent connections and directories, user and group counts. */
  impact: Record<string, unknown>;
  /** The impact in one phrase for a person, e.g. "2 SSO connections and 1 directory (30 users, 4 groups)". */
  summary: string;
}

/** What the user types to confirm each kind of delete: its name, or for a person their email. */
export const CONFIRM_FIELD = {
  organization: { noun: "organization", field: "name", title: "Organization name" },
  directory: { noun: "directory", field: "name", title: "Directory name" },
  user: { noun: "user", field: "email", title: "User's email" },
  organization_membership: { noun: "membership", field: "member's email", title: "Member's email" },
  organization_domain: { noun: "organization domain", field: "name", title: "Domain" },
  role: { noun: "role", field: "name", title: "Role name" },
  role_assignment: { noun: "role assignment", field: "role slug", title: "Role slug" },
  api_key: { noun: "API key", field: "name", title: "API key name" },
  webhook_endpoint: { noun: "webhook endpoint", field: "URL", title: "Endpoint URL" },
  authentication_factor: { noun: "MFA factor", field: "owner's email", title: "Owner's email" },
  /** What workos_write deletes or revokes: any WorkOS object, by the name (or email, slug, id) its preview shows. */
  workos_object: { noun: "object", field: "name as shown", title: "Name" },
} as const;

/** What a delete tool returns: the outcome, or why nothing was deleted and how to confirm. */
export const deletion = z.object({
  deleted: z.boolean().describe("Whether the object was deleted by this call."),
  object: z.string(),
  id: z.string(),
  name: z.string().optional(),
  reason: z
    .enum([
      "confirmation_required",
      "declined",
      "cancelled",
      "name_mismatch",
      "not_answered",
      "form_failed",
      "token_expired",
      "token_invalid",
      "person_required",
    ])
    .optional()
    .describe("Why nothing was deleted."),
  impact: z
    .record(z.string(), z.unknown())
    .optional()
    .describe("What the delete would remove along with it."),
  confirmation_token: z
    .string()
    .optional()
    .describe("Pass back as confirmation_token, after the user agrees, to delete."),
  expires_at: z.string().optional().describe("When confirmation_token stops working."),
});

export type Deletion = z.input<typeof deletion>;

export type TokenCheck = "valid" | "expired" | "invalid";

/**
 * Confirmation tokens for the two-call delete: stateless, so any replica holding the same secret accepts
 * them (see confirmationSecret), and bound by HMAC to the tool, its exact arguments and an expiry. A model
 * cannot mint one, and a token for one target never matches another.
 */
export class ConfirmationTokens {
  readonly #key: Buffer;

  readonly #prefix: string;

  /**
   * `purpose` separates keys: a token minted for one purpose never checks for another. `prefix` tells them
   * apart to a reader (ct_ for confirmation tokens, rs_ for input_required states).
   */
  constructor(serverSecret: string, purpose = "deletion confirmation", prefix = "ct") {
    this.#key = createHmac("sha256", serverSecret).update(`workos-mcp ${purpose} v1`).digest();
    this.#prefix = prefix;
  }

  mint(binding: string, now: number): { token: string; expiresAt: number } {
    const expiresAt = now + CONFIRMATION_TTL_MS;
    return { token: `${this.#prefix}_${expiresAt.toString(36)}_${this.#mac(binding, expiresAt)}`, expiresAt };
  }

  check(token: string, binding: string, now: number): TokenCheck {
    const match = /^([a-z]{2})_([0-9a-z]{1,12})_([0-9a-f]{64})$/.exec(token);
    if (match === null || match[1] !== this.#prefix) return "invalid";
    const expiresAt = Number.parseInt(match[2] as string, 36);
    const expected = Buffer.from(this.#mac(binding, expiresAt), "hex");
    if (!timingSafeEqual(expected, Buffer.from(match[3] as string, "hex"))) return "invalid";
    return now > expiresAt ? "expired" : "valid";
  }

  #mac(binding: string, expiresAt: number): string {
    return createHmac("sha256", this.#key).update(`${expiresAt}\n${binding}`).digest("hex");
  }
}

// Drawn once per process, not per server: over HTTP every request builds its own server, and a token one
// request hands out must work in the next.
const PROCESS_SECRET = randomBytes(32).toString("hex");

/**
 * What confirmation tokens are keyed with. A real API key is a secret, so every replica holding it (for the
 * same base URL) accepts the others' tokens, and only they. The emulator's key is public: a key derived from
 * it could be derived by anyone, and a model told how could mint its own tokens. Then the secret is random,
 * drawn at start-up, and tokens work only in this process.
 */
export function confirmationSecret(config: Pick<Config, "apiKey" | "baseUrl" | "emulator">): string {
  const apiKey = config.apiKey ?? "";
  if (config.emulator || apiKey === "" || apiKey === DEFAULT_API_KEY) return PROCESS_SECRET;
  return `${config.baseUrl}\n${apiKey}`;
}

/** The arguments a token is bound to: the tool and every argument but the token, in a stable order. */
export function bindingOf(toolName: string, args: Record<string, unknown>): string {
  const entries = Object.entries(args)
    .filter(([key, value]) => key !== "confirmation_token" && value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `${toolName}\n${JSON.stringify(entries)}`;
}

export type ElicitationOutcome =
  | { confirmed: true }
  | {
      confirmed: false;
      reason: "declined" | "cancelled" | "name_mismatch" | "not_answered" | "form_failed";
    };

/**
 * Asks the user, in the client's own form, to confirm a delete. A form that fails or goes unanswered is an
 * outcome, not an error: only a cancelled call throws.
 */
export type ConfirmForm = (
  target: DeletionTarget,
  environment: string,
  signal: AbortSignal,
  /** The call the answer is for (bindingOf its tool and arguments): a form asked across requests binds to it. */
  binding: string,
) => Promise<ElicitationOutcome>;

interface GateRequest {
  /** The client's form for its user, or undefined when the client cannot show one. */
  form: ConfirmForm | undefined;
  toolName: string;
  input: Record<string, unknown>;
  /** What the call would destroy; undefined when it destroys nothing, and goes ahead unasked. */
  target: () => Promise<DeletionTarget | undefined>;
  environment: string;
  signal: AbortSignal;
  /**
   * Production: only the user, in the client's own form, can confirm. A token proves only that the model
   * saw a preview, and a model (or an injection steering it) can pass it straight back.
   */
  personRequired: boolean;
}

/**
 * Stands between a model and a delete. With a client that can show its user a form (elicitation), the user
 * types the exact name, and only that deletes: no answer, a timeout or a failed form deletes nothing and
 * gives no token. A client without forms gets, on the first call, a preview and a token, and only a second
 * call with that token deletes. Returns undefined when the delete may go ahead, else the outcome with
 * nothing deleted.
 */
export class DeletionGate {
  readonly #tokens: ConfirmationTokens;
  readonly #now: () => number;

  constructor(tokens: ConfirmationTokens, now: () => number) {
    this.#tokens = tokens;
    this.#now = now;
  }

  async check(request: GateRequest): Promise<Deletion | undefined> {
    const target = await request.target();
    if (target === undefined) return undefined;
    const base = { deleted: false, object: target.object, id: target.id, name: target.name };
    if (request.form !== undefined) {
      const binding = bindingOf(request.toolName, request.input);
      const asked = await request.form(target, request.environment, request.signal, binding);
      return asked.confirmed ? undefined : { ...base, reason: asked.reason };
    }
    if (request.personRequired) return { ...base, reason: "person_required", impact: target.impact };
    const binding = bindingOf(request.toolName, request.input);
    const now = this.#now();
    let reason: Deletion["reason"] = "confirmation_required";
    const given = request.input.confirmation_token;
    if (typeof given === "string") {
      const check = this.#tokens.check(given, binding, now);
      if (check === "valid") return undefined;
      reason = check === "expired" ? "token_expired" : "token_invalid";
    }
    const { token, expiresAt } = this.#tokens.mint(binding, now);
    return {
      ...base,
      reason,
      impact: target.impact,
      confirmation_token: token,
      expires_at: new Date(expiresAt).toISOString(),
    };
  }
}

const NOT_DELETED: Record<NonNullable<Deletion["reason"]>, string> = {
  confirmation_required: "Nothing was deleted yet: this delete needs the user's confirmation.",
  declined: "Nothing was deleted: the user declined.",
  cancelled: "Nothing was deleted: the user cancelled the confirmation.",
  name_mismatch: "Nothing was deleted: the name the user typed did not match.",
  not_answered: "Nothing was deleted: the user did not answer the confirmation form in time.",
  form_failed:
    "Nothing was deleted: the confirmation form failed in the client, so the user could not confirm.",
  token_expired: "Nothing was deleted: the confirmation token had expired (they last 5 minutes).",
  token_invalid:
    "Nothing was deleted: that confirmation token was not issued for this call (another target or other arguments).",
  person_required:
    "Nothing was deleted: in production a delete needs the user's own confirmation in the client, which this client cannot ask for.",
};

/** A delete's result in one line: what happened. */
export function deletionSummary(outcome: Deletion): string {
  if (outcome.deleted) return `Deleted ${outcome.object} ${outcome.id}.`;
  return NOT_DELETED[outcome.reason ?? "confirmation_required"];
}

/** Exactly what the model may do next after a delete that did not happen. */
export function deletionNotes(toolName: string, outcome: Deletion): string[] {
  if (outcome.deleted) return [];
  if (outcome.reason === "person_required") {
    return [
      "Show the user what the delete would remove (impact in data). They can delete it in the WorkOS dashboard; for unattended automation an operator can start a server with --destructive allow. Do not retry.",
    ];
  }
  if (outcome.reason === "form_failed") {
    return [
      "Do not retry unless the user asks again.",
      "If their client's form keeps failing, they can delete it in the WorkOS dashboard.",
    ];
  }
  if (outcome.confirmation_token === undefined) return ["Do not retry unless the user asks again."];
  return [
    `Show the user what would be lost (name and impact in data) and ask. Only if they explicitly agree, call ` +
      `${toolName} again with the same arguments and confirmation_token="${outcome.confirmation_token}" ` +
      `(valid until ${outcome.expires_at}). Never pass the token back without the user's agreement.`,
  ];
}
