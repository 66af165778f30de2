import { z } from "zod";
import { RADAR_ATTEMPT_ID_PREFIX, type RadarAssessment } from "../../workos/radar-assessment.js";
import { RADAR_AUTH_METHODS, RADAR_LIST_ACTIONS, RADAR_LIST_TYPES } from "../../workos-vocabulary.js";
import { badRequest, notFound } from "../errors.js";
import { isoTime, newId } from "../ids.js";
import { type Resource, requiredString, type SeedLoader } from "../resource.js";
import type { ApiRequest, EmulatorContext } from "../router.js";
import { isEmail, isRecord } from "../validate.js";

type ListType = (typeof RADAR_LIST_TYPES)[number];
type ListAction = (typeof RADAR_LIST_ACTIONS)[number];

/** One entry of a Radar block or allow list; its id is `<type>:<action>:<entry>`. */
export interface RadarListEntry {
  id: string;
  type: ListType;
  action: ListAction;
  entry: string;
  created_at: string;
}

/** An assessed attempt, kept for the brute-force control and for PUT /radar/attempts/{id}. */
export interface RadarAttempt {
  id: string;
  email: string;
  ip_address: string;
  action: "sign-up" | "sign-in";
  verdict: RadarAssessment["verdict"];
  succeeded: boolean;
  at: number;
}

/** Brute force: this many sign-in attempts for one email within the window, with no success since, challenge. */
const BRUTE_FORCE_ATTEMPTS = 5;
const BRUTE_FORCE_WINDOW_MS = 5 * 60_000;

const seedEntry = z.object({
  type: z.enum(RADAR_LIST_TYPES, { error: `must be one of ${RADAR_LIST_TYPES.join(", ")}` }),
  action: z.enum(RADAR_LIST_ACTIONS, { error: "must be block or allow" }),
  entry: requiredString(),
});

export type SeedRadarListEntry = z.input<typeof seedEntry>;

const entryId = (type: string, action: string, entry: string) => `${type}:${action}:${entry.toLowerCase()}`;

function loadSeed(entries: readonly SeedRadarListEntry[], loader: SeedLoader): void {
  for (const { type, action, entry } of entries) {
    loader.store
      .of(radarListEntries)
      .insert({ id: entryId(type, action, entry), type, action, entry, created_at: loader.stamp() });
  }
}

/** The list a /radar/lists/{type}/{action} request names and the entry its body holds, or 400. */
function readListRequest(req: ApiRequest): { type: ListType; action: ListAction; entry: string } {
  const { type, action } = req.params;
  if (!RADAR_LIST_TYPES.some((t) => t === type)) {
    throw badRequest(`type must be one of ${RADAR_LIST_TYPES.join(", ")}.`);
  }
  if (!RADAR_LIST_ACTIONS.some((a) => a === action)) throw badRequest("action must be block or allow.");
  const entry = isRecord(req.body) ? req.body.entry : undefined;
  if (typeof entry !== "string" || entry.trim() === "")
    throw badRequest("entry is required and must be a string.");
  return { type: type as ListType, action: action as ListAction, entry: entry.trim() };
}

/** The values of an attempt each list type can match; devices, fingerprints and countries need signals the emulator lacks. */
function matchable(email: string, ip: string, userAgent: string): Partial<Record<ListType, string>> {
  return { email, domain: email.split("@")[1] ?? "", ip_address: ip, user_agent: userAgent };
}

function listHit(
  ctx: EmulatorContext,
  action: ListAction,
  values: Partial<Record<ListType, string>>,
): ListType | undefined {
  const lists = ctx.store.of(radarListEntries);
  return RADAR_LIST_TYPES.find((type) => {
    const value = values[type];
    return value !== undefined && value !== "" && lists.has(entryId(type, action, value));
  });
}

const stringField = (body: Record<string, unknown>, name: string) =>
  typeof body[name] === "string" && body[name] !== "" ? (body[name] as string) : undefined;

function assess(req: ApiRequest, ctx: EmulatorContext): RadarAssessment {
  const body = isRecord(req.body) ? req.body : {};
  const ip = stringField(body, "ip_address");
  const userAgent = stringField(body, "user_agent");
  const email = stringField(body, "email");
  const authMethod = stringField(body, "auth_method");
  const action = stringField(body, "action");
  if (!ip || !userAgent || !email || !isEmail(email)) {
    throw badRequest("ip_address, user_agent and a valid email are required.");
  }
  if (!RADAR_AUTH_METHODS.some((m) => m === authMethod)) {
    throw badRequest(`auth_method must be one of ${RADAR_AUTH_METHODS.join(", ")}.`);
  }
  if (action !== "sign-up" && action !== "sign-in") throw badRequest("action must be sign-up or sign-in.");
  const now = ctx.now();
  const attempts = ctx.store.of(radarAttempts);
  const values = matchable(email.toLowerCase(), ip, userAgent);
  let result: Pick<RadarAssessment, "verdict" | "reason" | "control" | "blocklist_type">;
  const allowed = listHit(ctx, "allow", values);
  const blocked = allowed === undefined ? listHit(ctx, "block", values) : undefined;
  if (allowed !== undefined) result = { verdict: "allow", reason: `Allowed by the ${allowed} allow list` };
  else if (blocked !== undefined) {
    result = {
      verdict: "block",
      reason: `Blocked by the ${blocked} block list`,
      control: "restriction",
      blocklist_type: blocked,
    };
  } else {
    const recent = attempts
      .values()
      .filter(
        (a) => a.email === values.email && a.action === "sign-in" && now - a.at < BRUTE_FORCE_WINDOW_MS,
      );
    const sinceSuccess = recent.slice(recent.findLastIndex((a) => a.succeeded) + 1);
    result =
      action === "sign-in" && sinceSuccess.length >= BRUTE_FORCE_ATTEMPTS
        ? { verdict: "challenge", reason: "Detected enabled Radar control", control: "brute_force_attack" }
        : { verdict: "allow", reason: "No risk detected" };
  }
  const attempt = attempts.insert({
    id: newId(RADAR_ATTEMPT_ID_PREFIX, now),
    email: values.email ?? email,
    ip_address: ip,
    action,
    verdict: result.verdict,
    succeeded: false,
    at: now,
  });
  return { ...result, attempt_id: attempt.id };
}

export const radarListEntries: Resource<RadarListEntry, SeedRadarListEntry, "radar_list_entries"> = {
  name: "radar_list_entries",
  label: "Radar list entry",
  seed: { entry: seedEntry, load: loadSeed },
  routes: () => [
    {
      method: "POST",
      pattern: "/radar/lists/:type/:action",
      handler: (req, ctx) => {
        const { type, action, entry } = readListRequest(req);
        const id = entryId(type, action, entry);
        const lists = ctx.store.of(radarListEntries);
        if (lists.has(id))
          return { status: 200, body: { message: `'${entry}' is already on the ${type} ${action} list.` } };
        lists.insert({ id, type, action, entry, created_at: isoTime(ctx.now()) });
        return { status: 201 };
      },
    },
    {
      method: "DELETE",
      pattern: "/radar/lists/:type/:action",
      handler: (req, ctx) => {
        const { type, action, entry } = readListRequest(req);
        if (!ctx.store.of(radarListEntries).delete(entryId(type, action, entry))) {
          throw notFound(`'${entry}' is not on the ${type} ${action} list.`);
        }
        return { status: 204 };
      },
    },
  ],
};

export const radarAttempts: Resource<RadarAttempt, never, "radar_attempts"> = {
  name: "radar_attempts",
  label: "Radar attempt",
  routes: () => [
    {
      method: "POST",
      pattern: "/radar/attempts",
      handler: (req, ctx) => ({ status: 200, body: assess(req, ctx) }),
    },
    {
      method: "PUT",
      pattern: "/radar/attempts/:id",
      handler: (req, ctx) => {
        const body = isRecord(req.body) ? req.body : {};
        const { attempt_status, challenge_status } = body;
        const valid = (v: unknown) => v === undefined || v === "success";
        if (
          !valid(attempt_status) ||
          !valid(challenge_status) ||
          (attempt_status ?? challenge_status) === undefined
        ) {
          throw badRequest('attempt_status or challenge_status must be "success".');
        }
        const attempt = ctx.store.of(radarAttempts).get(req.params.id ?? "");
        if (!attempt) throw notFound(`Radar attempt not found: '${req.params.id ?? ""}'.`);
        ctx.store.of(radarAttempts).replace({ ...attempt, succeeded: true });
        return { status: 204 };
      },
    },
  ],
};
