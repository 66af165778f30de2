import { notFound } from "./errors.js";
import { paginate, parseListParams } from "./pagination.js";
import { type Resource, toWire } from "./resource.js";
import type { ApiRequest, EmulatorContext, Route } from "./router.js";

/** The object with this id, or the 404 WorkOS answers for it. */
export function findOr404<T extends { id: string }>(
  ctx: EmulatorContext,
  resource: Resource<T>,
  id: string,
): T {
  const value = ctx.store.of(resource).get(id);
  if (!value) throw notFound(`${resource.label} not found: '${id}'.`);
  return value;
}

/**
 * GET <path>: one page in WorkOS's list envelope. `where` reads the query (after limit, order and cursors are
 * checked, so their errors come first) and returns the filter, or undefined for all objects.
 */
export function listRoute<T extends { id: string }>(
  resource: Resource<T>,
  path: string,
  where: (req: ApiRequest, ctx: EmulatorContext) => ((value: T) => boolean) | undefined = () => undefined,
): Route {
  return {
    method: "GET",
    pattern: path,
    handler: (req, ctx) => {
      const params = parseListParams(req.query);
      const keep = where(req, ctx);
      const entries = ctx.store.of(resource).entries();
      return {
        status: 200,
        body: paginate(
          keep ? entries.filter((entry) => keep(entry.value)) : entries,
          params,
          ctx.store.clock,
          (value) => toWire(resource, value, ctx.store),
        ),
      };
    },
  };
}

/** GET <path>/:id: one object, or 404. */
export function getRoute<T extends { id: string }>(resource: Resource<T>, path: string): Route {
  return {
    method: "GET",
    pattern: `${path}/:id`,
    handler: (req, ctx) => ({
      status: 200,
      body: toWire(resource, findOr404(ctx, resource, req.params.id ?? ""), ctx.store),
    }),
  };
}

/** DELETE <path>/:id: the object and everything that belongs to it, answered with `status` and no body. */
export function deleteRoute<T extends { id: string }>(
  resource: Resource<T>,
  path: string,
  status: 200 | 202 | 204,
): Route {
  return {
    method: "DELETE",
    pattern: `${path}/:id`,
    handler: (req, ctx) => {
      deleteWithDependents(ctx, resource, findOr404(ctx, resource, req.params.id ?? ""));
      return { status };
    },
  };
}

/**
 * Deletes an object after everything whose `parents` name its resource (in list order, recursively), then
 * emits its own deletion event, so events read children first as WorkOS sends them.
 */
export function deleteWithDependents<T extends { id: string }>(
  ctx: EmulatorContext,
  resource: Resource<T>,
  value: T,
): void {
  for (const child of ctx.store.resources) {
    for (const [field, parent] of Object.entries(child.parents ?? {})) {
      if (parent !== resource.name) continue;
      for (const dependent of ctx.store.of(child).values()) {
        if ((dependent as Record<string, unknown>)[field] === value.id)
          deleteWithDependents(ctx, child, dependent);
      }
    }
  }
  ctx.store.of(resource).delete(value.id);
  const event = resource.deleted?.(value);
  if (event) ctx.emit(event);
}
