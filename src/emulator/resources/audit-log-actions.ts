import { z } from "zod";
import { type AuditLogAction, auditLogAction } from "../../workos/audit-log-action.js";
import type { AuditLogSchema } from "../../workos/audit-log-schema.js";
import { notFound } from "../errors.js";
import { isoTime } from "../ids.js";
import { paginate, parseListParams } from "../pagination.js";
import { anyObject, type Resource, requiredString, type SeedLoader } from "../resource.js";
import { listRoute } from "../resource-routes.js";
import type { EmulatorContext } from "../router.js";
import type { Entry } from "../store.js";
import { FieldErrors, isRecord, requireObjectBody } from "../validate.js";

/** One version of an action's schema, as stored. */
export interface StoredAuditLogSchema {
  version: number;
  actor?: { metadata: Record<string, unknown> };
  targets: { type: string; metadata?: Record<string, unknown> }[];
  metadata?: Record<string, unknown>;
  created_at: string;
}

/** An action and every version of its schema, oldest first; its id is its name (WorkOS addresses it by name). */
export interface StoredAuditLogAction {
  id: string;
  schemas: StoredAuditLogSchema[];
  created_at: string;
  updated_at: string;
}

const schemaFields = {
  actor: z.object({ metadata: anyObject }, { error: "must be an object with a metadata schema" }).optional(),
  targets: z
    .array(z.object({ type: requiredString(), metadata: anyObject.optional() }), {
      error: "must be an array of { type, metadata? }",
    })
    .min(1, { error: "must name at least one target type" }),
  metadata: anyObject.optional(),
};

/** One schema version of an action; an action named again gets its next version. */
const seedEntry = z.object({ name: requiredString(), ...schemaFields, created_at: z.string().optional() });

export type SeedAuditLogAction = z.input<typeof seedEntry>;

function addVersion(
  ctx: { store: EmulatorContext["store"] },
  name: string,
  schema: Omit<StoredAuditLogSchema, "version" | "created_at">,
  at: string,
): StoredAuditLogSchema {
  const actions = ctx.store.of(auditLogActions);
  const existing = actions.get(name);
  const version: StoredAuditLogSchema = {
    ...schema,
    version: (existing?.schemas.length ?? 0) + 1,
    created_at: at,
  };
  if (existing) actions.replace({ ...existing, schemas: [...existing.schemas, version], updated_at: at });
  else actions.insert({ id: name, schemas: [version], created_at: at, updated_at: at });
  return version;
}

function loadSeed(entries: readonly SeedAuditLogAction[], loader: SeedLoader): void {
  for (const { name, created_at, ...schema } of entries) {
    // zod leaves absent optional fields out, so the entry is the stored shape.
    addVersion(loader, name, schema as Omit<StoredAuditLogSchema, "version">, created_at ?? loader.stamp());
  }
}

export function serializeSchema(schema: StoredAuditLogSchema): AuditLogSchema {
  return {
    object: "audit_log_schema",
    version: schema.version,
    ...(schema.actor ? { actor: schema.actor } : {}),
    targets: schema.targets.map((t) => ({ ...t })),
    ...(schema.metadata ? { metadata: schema.metadata } : {}),
    created_at: schema.created_at,
  };
}

function serialize(action: StoredAuditLogAction): AuditLogAction {
  const latest = action.schemas[action.schemas.length - 1] as StoredAuditLogSchema;
  return {
    object: "audit_log_action",
    name: action.id,
    schema: serializeSchema(latest),
    created_at: action.created_at,
    updated_at: action.updated_at,
  };
}

const isSchema = (value: unknown): value is Record<string, unknown> => isRecord(value);

/** The body of POST /audit_logs/actions/{actionName}/schemas, or a 422 naming every bad field. */
function readSchema(body: Record<string, unknown>): Omit<StoredAuditLogSchema, "version" | "created_at"> {
  const errors = new FieldErrors();
  const { actor, targets, metadata } = body;
  if (!Array.isArray(targets) || targets.length === 0) {
    errors.add("targets", "targets_required", "targets must be a non-empty array of target schemas.");
  } else {
    targets.forEach((t, i) => {
      if (!isRecord(t) || typeof t.type !== "string" || t.type === "") {
        errors.add(`targets[${i}].type`, "invalid_target", `targets[${i}].type must be a non-empty string.`);
      } else if (t.metadata !== undefined && !isSchema(t.metadata)) {
        errors.add(`targets[${i}].metadata`, "invalid_schema", `targets[${i}].metadata must be an object.`);
      }
    });
  }
  if (actor !== undefined && !(isRecord(actor) && isSchema(actor.metadata))) {
    errors.add("actor.metadata", "invalid_schema", "actor.metadata must be an object.");
  }
  if (metadata !== undefined && !isSchema(metadata)) {
    errors.add("metadata", "invalid_schema", "metadata must be an object.");
  }
  errors.throwIfAny();
  return {
    ...(isRecord(actor) ? { actor: { metadata: actor.metadata as Record<string, unknown> } } : {}),
    targets: (targets as Record<string, unknown>[]).map((t) => ({
      type: t.type as string,
      ...(t.metadata === undefined ? {} : { metadata: t.metadata as Record<string, unknown> }),
    })),
    ...(metadata === undefined ? {} : { metadata: metadata as Record<string, unknown> }),
  };
}

function actionOr404(ctx: EmulatorContext, name: string): StoredAuditLogAction {
  const action = ctx.store.of(auditLogActions).get(name);
  if (!action) throw notFound(`Audit Log action not found: '${name}'.`);
  return action;
}

export const auditLogActions: Resource<StoredAuditLogAction, SeedAuditLogAction, "audit_log_actions"> = {
  name: "audit_log_actions",
  model: auditLogAction,
  label: "Audit Log action",
  seed: { entry: seedEntry, load: loadSeed },
  serialize,
  routes: () => [
    listRoute(auditLogActions, "/audit_logs/actions"),
    {
      method: "POST",
      pattern: "/audit_logs/actions/:actionName/schemas",
      handler: (req, ctx) => {
        const schema = readSchema(requireObjectBody(req.body));
        const created = addVersion(ctx, req.params.actionName ?? "", schema, isoTime(ctx.now()));
        return { status: 201, body: serializeSchema(created) };
      },
    },
    {
      method: "GET",
      pattern: "/audit_logs/actions/:actionName/schemas",
      handler: (req, ctx) => {
        const params = parseListParams(req.query);
        const action = actionOr404(ctx, req.params.actionName ?? "");
        // Versions page like any list; their cursors are "<action>:v<version>".
        const cursor = (s: StoredAuditLogSchema) => `${action.id}:v${s.version}`;
        const entries: Entry<StoredAuditLogSchema & { id: string }>[] = action.schemas.map((s) => ({
          seq: s.version,
          value: { ...s, id: cursor(s) },
        }));
        const positionOf = (id: string) => action.schemas.find((s) => cursor(s) === id)?.version;
        const page = paginate(entries, params, { positionOf }, ({ id: _id, ...s }) => serializeSchema(s));
        return { status: 200, body: page };
      },
    },
  ],
};
