import { z } from "zod";
import {
  AUDIT_LOG_EXPORT_ID_PREFIX,
  type AuditLogExport,
  auditLogExport,
} from "../../workos/audit-log-export.js";
import { ApiError, notFound } from "../errors.js";
import { isoTime, newId } from "../ids.js";
import { type Resource, requiredString, type SeedLoader, seedId } from "../resource.js";
import type { EmulatorContext } from "../router.js";
import { requireObjectBody } from "../validate.js";
import { auditLogEvents, type StoredAuditLogEvent } from "./audit-log-events.js";
import { organizations } from "./organizations.js";

/** An export and the CSV it made when it was created (a snapshot, as WorkOS's file is). */
export interface StoredAuditLogExport {
  id: string;
  organization_id: string;
  state: AuditLogExport["state"];
  csv: string;
  created_at: string;
  updated_at: string;
}

interface Filters {
  organization_id: string;
  range_start: number;
  range_end: number;
  actions?: string[];
  actor_names?: string[];
  actor_ids?: string[];
  targets?: string[];
}

const LIST_FIELDS = ["actions", "actors", "actor_names", "actor_ids", "targets"] as const;

/** NestJS's 400 for a body that fails its DTO, which the spec declares for this endpoint. */
function badBody(messages: string[]): ApiError {
  return new ApiError(400, { message: messages, error: "Bad Request" } as never);
}

function readFilters(body: Record<string, unknown>): Filters {
  const problems: string[] = [];
  if (typeof body.organization_id !== "string" || body.organization_id === "") {
    problems.push("organization_id must be a string");
  }
  for (const field of ["range_start", "range_end"] as const) {
    const value = body[field];
    if (typeof value !== "string" || Number.isNaN(Date.parse(value))) {
      problems.push(`${field} must be a valid ISO 8601 date string`);
    }
  }
  for (const field of LIST_FIELDS) {
    const value = body[field];
    if (value !== undefined && !(Array.isArray(value) && value.every((v) => typeof v === "string"))) {
      problems.push(`${field} must be an array of strings`);
    }
  }
  if (problems.length > 0) throw badBody(problems);
  const list = (field: (typeof LIST_FIELDS)[number]) => body[field] as string[] | undefined;
  const names = [...(list("actor_names") ?? []), ...(list("actors") ?? [])];
  const filters: Filters = {
    organization_id: body.organization_id as string,
    range_start: Date.parse(body.range_start as string),
    range_end: Date.parse(body.range_end as string),
  };
  if (filters.range_start >= filters.range_end) {
    throw new ApiError(400, { code: "invalid_audit_log_export_range_date", message: "Invalid date range" });
  }
  const actions = list("actions");
  const actorIds = list("actor_ids");
  const targets = list("targets");
  if (actions) filters.actions = actions;
  if (names.length > 0) filters.actor_names = names;
  if (actorIds) filters.actor_ids = actorIds;
  if (targets) filters.targets = targets;
  return filters;
}

function matches(event: StoredAuditLogEvent, f: Filters): boolean {
  const at = Date.parse(event.occurred_at);
  return (
    event.organization_id === f.organization_id &&
    at >= f.range_start &&
    at <= f.range_end &&
    (!f.actions || f.actions.includes(event.action)) &&
    (!f.actor_names || f.actor_names.includes(event.actor.name ?? "")) &&
    (!f.actor_ids || f.actor_ids.includes(event.actor.id)) &&
    (!f.targets || event.targets.some((t) => f.targets?.includes(t.type)))
  );
}

/** The export file's columns; nested values (targets, metadata) are JSON in one cell. */
export const EXPORT_COLUMNS = [
  "id",
  "action",
  "occurred_at",
  "actor_id",
  "actor_type",
  "actor_name",
  "targets",
  "location",
  "user_agent",
  "metadata",
] as const;

function cell(value: unknown): string {
  const text = value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function toCsv(events: StoredAuditLogEvent[]): string {
  const rows = events.map((e) =>
    [
      e.id,
      e.action,
      e.occurred_at,
      e.actor.id,
      e.actor.type,
      e.actor.name,
      e.targets,
      e.context.location,
      e.context.user_agent,
      e.metadata,
    ]
      .map(cell)
      .join(","),
  );
  return `${[EXPORT_COLUMNS.join(","), ...rows].join("\n")}\n`;
}

/** The events an export with these filters holds, oldest first. */
function exportedEvents(store: EmulatorContext["store"], filters: Filters): StoredAuditLogEvent[] {
  return store
    .of(auditLogEvents)
    .values()
    .filter((e) => matches(e, filters))
    .sort((a, b) => a.occurred_at.localeCompare(b.occurred_at));
}

const seedTime = z
  .string({ error: "must be an ISO-8601 string" })
  .refine((value) => !Number.isNaN(Date.parse(value)), { error: "must be an ISO-8601 string" });
const seedNames = z.array(z.string(), { error: "must be an array of strings" }).optional();

/** A finished export of the seeded events: ready to read and download. */
const seedEntry = z.object({
  id: seedId,
  organization_id: requiredString(),
  range_start: seedTime,
  range_end: seedTime,
  actions: seedNames,
  actor_names: seedNames,
  actor_ids: seedNames,
  targets: seedNames,
});

export type SeedAuditLogExport = z.input<typeof seedEntry>;

function loadSeed(entries: readonly SeedAuditLogExport[], loader: SeedLoader): void {
  for (const entry of entries) {
    const at = loader.stamp();
    const filters: Filters = {
      organization_id: entry.organization_id,
      range_start: Date.parse(entry.range_start),
      range_end: Date.parse(entry.range_end),
    };
    for (const field of ["actions", "actor_names", "actor_ids", "targets"] as const) {
      const names = entry[field];
      if (names !== undefined) filters[field] = names;
    }
    loader.store.of(auditLogExports).insert({
      id: entry.id ?? loader.fixedId(AUDIT_LOG_EXPORT_ID_PREFIX, at),
      organization_id: entry.organization_id,
      state: "ready",
      csv: toCsv(exportedEvents(loader.store, filters)),
      created_at: at,
      updated_at: at,
    });
  }
}

function exportOr404(ctx: EmulatorContext, id: string): StoredAuditLogExport {
  const found = ctx.store.of(auditLogExports).get(id);
  if (!found) throw notFound(`Audit Log export not found: '${id}'.`);
  return found;
}

/** The export on the wire, its `url` (when ready) relative to the emulator: `wire` makes it absolute. */
function serialize(value: StoredAuditLogExport): AuditLogExport {
  return {
    object: "audit_log_export",
    id: value.id,
    state: value.state,
    url: value.state === "ready" ? `/audit_logs/exports/${value.id}/download` : null,
    created_at: value.created_at,
    updated_at: value.updated_at,
  };
}

function wire(ctx: EmulatorContext, value: StoredAuditLogExport): AuditLogExport {
  const body = serialize(value);
  return body.url ? { ...body, url: `${ctx.baseUrl()}${body.url}` } : body;
}

export const auditLogExports: Resource<StoredAuditLogExport, SeedAuditLogExport, "audit_log_exports"> = {
  name: "audit_log_exports",
  model: auditLogExport,
  label: "Audit Log export",
  parents: { organization_id: "organizations" },
  seed: { entry: seedEntry, load: loadSeed },
  serialize,
  routes: () => [
    {
      method: "POST",
      pattern: "/audit_logs/exports",
      handler: (req, ctx) => {
        const filters = readFilters(requireObjectBody(req.body));
        if (!ctx.store.of(organizations).has(filters.organization_id)) {
          throw new ApiError(400, { message: `Organization not found: '${filters.organization_id}'.` });
        }
        const events = exportedEvents(ctx.store, filters);
        const at = isoTime(ctx.now());
        const created = ctx.store.of(auditLogExports).insert({
          id: newId(AUDIT_LOG_EXPORT_ID_PREFIX, ctx.now()),
          organization_id: filters.organization_id,
          state: "pending",
          csv: toCsv(events),
          created_at: at,
          updated_at: at,
        });
        return { status: 201, body: wire(ctx, created) };
      },
    },
    {
      // WorkOS builds the file in the background: the export is pending when created and ready when next read.
      method: "GET",
      pattern: "/audit_logs/exports/:auditLogExportId",
      handler: (req, ctx) => {
        let value = exportOr404(ctx, req.params.auditLogExportId ?? "");
        if (value.state === "pending") {
          value = { ...value, state: "ready", updated_at: isoTime(ctx.now()) };
          ctx.store.of(auditLogExports).replace(value);
        }
        return { status: 200, body: wire(ctx, value) };
      },
    },
    {
      // Not a WorkOS endpoint: the file behind a ready export's `url`, readable without the API key as
      // WorkOS's pre-signed URL is.
      method: "GET",
      pattern: "/audit_logs/exports/:auditLogExportId/download",
      public: true,
      handler: (req, ctx) => {
        const value = exportOr404(ctx, req.params.auditLogExportId ?? "");
        if (value.state !== "ready") throw notFound(`Audit Log export not ready: '${value.id}'.`);
        return { status: 200, raw: value.csv, headers: { "content-type": "text/csv; charset=utf-8" } };
      },
    },
  ],
};
