import { z } from "zod";
import { ApiError } from "../errors.js";
import { isoTime, newId } from "../ids.js";
import { schemaViolations } from "../json-schema-lite.js";
import { anyObject, type Resource, requiredString, type SeedLoader } from "../resource.js";
import { findOr404 } from "../resource-routes.js";
import type { EmulatorContext } from "../router.js";
import { FieldErrors, isRecord, requireObjectBody } from "../validate.js";
import { auditLogActions } from "./audit-log-actions.js";
import { organizations } from "./organizations.js";

interface Party {
  id: string;
  type: string;
  name?: string;
  metadata?: Record<string, unknown>;
}

/** An Audit Log event as recorded; WorkOS serves them only through exports, so it has no wire shape. */
export interface StoredAuditLogEvent {
  id: string;
  organization_id: string;
  action: string;
  /** The schema version it was validated against; null for an action without a schema. */
  version: number | null;
  occurred_at: string;
  actor: Party;
  targets: Party[];
  context: { location: string; user_agent?: string };
  metadata?: Record<string, unknown>;
  created_at: string;
}

const party = z.object({
  id: requiredString(),
  type: requiredString(),
  name: z.string().optional(),
  metadata: anyObject.optional(),
});

const seedEntry = z.object({
  organization_id: requiredString(),
  action: requiredString(),
  occurred_at: z.string({ error: "must be an ISO-8601 string" }).optional(),
  actor: party,
  targets: z.array(party, { error: "must be an array of { id, type }" }),
  context: z.object({ location: requiredString(), user_agent: z.string().optional() }),
  metadata: anyObject.optional(),
});

export type SeedAuditLogEvent = z.input<typeof seedEntry>;

function loadSeed(entries: readonly SeedAuditLogEvent[], loader: SeedLoader): void {
  for (const entry of entries) {
    const at = loader.stamp();
    const schemas = loader.store.of(auditLogActions).get(entry.action)?.schemas;
    loader.store.of(auditLogEvents).insert({
      // zod leaves absent optional fields out, so the entry is the stored shape.
      ...(entry as Omit<StoredAuditLogEvent, "id" | "version" | "occurred_at" | "created_at">),
      id: loader.fixedId("audit_log_event", at),
      version: schemas ? schemas.length : null,
      occurred_at: entry.occurred_at ?? at,
      created_at: at,
    });
  }
}

// Metadata is a flat map WorkOS limits: at most 50 keys of up to 40 characters, values short strings,
// numbers or booleans (the spec's patternProperties).
const METADATA_KEY = /^[a-zA-Z0-9_-]{0,40}$/;
const METADATA_MAX_KEYS = 50;
const METADATA_VALUE_MAX = 500;

function checkMetadata(errors: FieldErrors, field: string, value: unknown): void {
  if (value === undefined) return;
  if (!isRecord(value)) {
    errors.add(field, "invalid_metadata", `${field} must be an object.`);
    return;
  }
  const entries = Object.entries(value);
  if (entries.length > METADATA_MAX_KEYS) {
    errors.add(field, "too_many_keys", `${field} may hold at most ${METADATA_MAX_KEYS} keys.`);
  }
  for (const [key, v] of entries) {
    const ok =
      typeof v === "number" ||
      typeof v === "boolean" ||
      (typeof v === "string" && v.length <= METADATA_VALUE_MAX);
    if (!METADATA_KEY.test(key) || !ok) {
      errors.add(`${field}.${key}`, "invalid_metadata", `${field}.${key} is not a valid metadata entry.`);
    }
  }
}

function checkParty(errors: FieldErrors, field: string, value: unknown): void {
  if (!isRecord(value)) {
    errors.add(field, "required", `${field} is required and must be an object.`);
    return;
  }
  for (const key of ["id", "type"] as const) {
    if (typeof value[key] !== "string" || value[key] === "") {
      errors.add(`${field}.${key}`, "required", `${field}.${key} is required and must be a string.`);
    }
  }
  if (value.name !== undefined && typeof value.name !== "string") {
    errors.add(`${field}.name`, "invalid", `${field}.name must be a string.`);
  }
  checkMetadata(errors, `${field}.metadata`, value.metadata);
}

/** The body's shape (422 naming each bad field); the action's schema is checked after the organization. */
function readEvent(body: Record<string, unknown>): Omit<
  StoredAuditLogEvent,
  "id" | "created_at" | "version"
> & {
  version: number | undefined;
} {
  const errors = new FieldErrors();
  if (typeof body.organization_id !== "string" || body.organization_id === "") {
    errors.add("organization_id", "required", "organization_id is required.");
  }
  const event = body.event;
  if (!isRecord(event)) {
    errors.add("event", "required", "event is required and must be an object.");
    errors.throwIfAny();
  }
  const e = event as Record<string, unknown>;
  if (typeof e.action !== "string" || e.action === "") {
    errors.add("event.action", "required", "event.action is required.");
  }
  if (typeof e.occurred_at !== "string" || Number.isNaN(Date.parse(e.occurred_at))) {
    errors.add("event.occurred_at", "invalid_date", "event.occurred_at must be an ISO-8601 date.");
  }
  checkParty(errors, "event.actor", e.actor);
  if (!Array.isArray(e.targets)) errors.add("event.targets", "required", "event.targets must be an array.");
  else {
    e.targets.forEach((t, i) => {
      checkParty(errors, `event.targets[${i}]`, t);
    });
  }
  const context = e.context;
  if (!isRecord(context) || typeof context.location !== "string") {
    errors.add("event.context.location", "required", "event.context.location is required.");
  } else if (context.user_agent !== undefined && typeof context.user_agent !== "string") {
    errors.add("event.context.user_agent", "invalid", "event.context.user_agent must be a string.");
  }
  checkMetadata(errors, "event.metadata", e.metadata);
  if (e.version !== undefined && !(Number.isInteger(e.version) && (e.version as number) > 0)) {
    errors.add("event.version", "invalid", "event.version must be a positive integer.");
  }
  errors.throwIfAny();
  const c = context as { location: string; user_agent?: string };
  return {
    organization_id: body.organization_id as string,
    action: e.action as string,
    version: e.version as number | undefined,
    occurred_at: new Date(e.occurred_at as string).toISOString(),
    actor: e.actor as Party,
    targets: e.targets as Party[],
    context: { location: c.location, ...(c.user_agent === undefined ? {} : { user_agent: c.user_agent }) },
    ...(e.metadata === undefined ? {} : { metadata: e.metadata as Record<string, unknown> }),
  };
}

/** WorkOS's 400 for an event its action's schema refuses, listing where (Ajv's instancePath). */
function invalidEvent(paths: string[]): ApiError {
  return new ApiError(400, {
    code: "invalid_audit_log_event",
    message: "Invalid Audit Log event.",
    errors: paths.map((instancePath) => ({ instancePath })),
  });
}

/** The schema version the event is checked against (the latest unless it names one), or null without a schema. */
function validateAgainstSchema(ctx: EmulatorContext, event: ReturnType<typeof readEvent>): number | null {
  const action = ctx.store.of(auditLogActions).get(event.action);
  if (!action) {
    if (event.version !== undefined) throw invalidEvent(["/version"]);
    return null;
  }
  const schema = action.schemas[(event.version ?? action.schemas.length) - 1];
  if (!schema) throw invalidEvent(["/version"]);
  const paths: string[] = [];
  event.targets.forEach((target, i) => {
    const declared = schema.targets.find((t) => t.type === target.type);
    if (!declared) paths.push(`/targets/${i}/type`);
    else paths.push(...schemaViolations(declared.metadata, target.metadata ?? {}, `/targets/${i}/metadata`));
  });
  if (schema.actor) {
    paths.push(...schemaViolations(schema.actor.metadata, event.actor.metadata ?? {}, "/actor/metadata"));
  }
  if (schema.metadata) paths.push(...schemaViolations(schema.metadata, event.metadata ?? {}, "/metadata"));
  if (paths.length > 0) throw invalidEvent(paths);
  return schema.version;
}

export const auditLogEvents: Resource<StoredAuditLogEvent, SeedAuditLogEvent, "audit_log_events"> = {
  name: "audit_log_events",
  label: "Audit Log event",
  parents: { organization_id: "organizations" },
  seed: { entry: seedEntry, load: loadSeed },
  routes: () => [
    {
      method: "POST",
      pattern: "/audit_logs/events",
      handler: (req, ctx) => {
        const input = readEvent(requireObjectBody(req.body));
        findOr404(ctx, organizations, input.organization_id);
        const version = validateAgainstSchema(ctx, input);
        ctx.store.of(auditLogEvents).insert({
          ...input,
          id: newId("audit_log_event", ctx.now()),
          version,
          created_at: isoTime(ctx.now()),
        });
        return { status: 200, body: { success: true } };
      },
    },
  ],
};
