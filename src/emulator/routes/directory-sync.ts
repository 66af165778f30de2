import { notFound, unprocessable } from "../errors.js";
import type { Directory, DirectoryGroup, DirectoryUser } from "../models.js";
import { paginate, parseListParams } from "../pagination.js";
import type { Route } from "../router.js";
import { serializeDirectory, serializeGroup, serializeUser } from "../serialize.js";
import type { EmulatorContext } from "../state.js";
import { contains } from "../validate.js";
import { deleteDirectory } from "./cascade.js";

function findDirectory(ctx: EmulatorContext, id: string): Directory {
  const dir = ctx.store.directories.get(id);
  if (!dir) throw notFound(`Directory not found: '${id}'.`);
  return dir;
}

function findUser(ctx: EmulatorContext, id: string): DirectoryUser {
  const user = ctx.store.directoryUsers.get(id);
  if (!user) throw notFound(`Directory User not found: '${id}'.`);
  return user;
}

function findGroup(ctx: EmulatorContext, id: string): DirectoryGroup {
  const group = ctx.store.directoryGroups.get(id);
  if (!group) throw notFound(`Directory Group not found: '${id}'.`);
  return group;
}

export const directorySyncRoutes: Route[] = [
  {
    method: "GET",
    pattern: "/directories",
    handler: (req, ctx) => {
      const params = parseListParams(req.query);
      const organizationId = req.query.get("organization_id");
      const search = req.query.get("search");
      const domain = req.query.get("domain")?.toLowerCase();
      const entries = ctx.store.directories
        .entries()
        .filter(
          ({ value: d }) =>
            (!organizationId || d.organization_id === organizationId) &&
            (!search || contains(d.name, search)) &&
            (!domain || d.domain?.toLowerCase() === domain),
        );
      return {
        status: 200,
        body: paginate(entries, params, ctx.store.clock, (d) => serializeDirectory(ctx.store, d)),
      };
    },
  },
  {
    method: "GET",
    pattern: "/directories/:id",
    handler: (req, ctx) => ({
      status: 200,
      body: serializeDirectory(ctx.store, findDirectory(ctx, req.params.id ?? "")),
    }),
  },
  {
    method: "DELETE",
    pattern: "/directories/:id",
    handler: (req, ctx) => {
      deleteDirectory(ctx, findDirectory(ctx, req.params.id ?? ""));
      return { status: 202 };
    },
  },
  {
    method: "GET",
    pattern: "/directory_users",
    handler: (req, ctx) => {
      const params = parseListParams(req.query);
      const directory = req.query.get("directory");
      const group = req.query.get("group");
      const idpId = req.query.get("idp_id");
      const email = req.query.get("email")?.toLowerCase();
      if (!directory && !group) {
        throw unprocessable("Either directory or group is required.", [
          { field: "directory", code: "directory_or_group_required" },
        ]);
      }
      if ((idpId || email) && !directory) {
        throw unprocessable("idp_id and email filters require the directory parameter.", [
          { field: idpId ? "idp_id" : "email", code: "directory_required" },
        ]);
      }
      if (directory) findDirectory(ctx, directory);
      if (group) findGroup(ctx, group);
      const entries = ctx.store.directoryUsers
        .entries()
        .filter(
          ({ value: u }) =>
            (!directory || u.directory_id === directory) &&
            (!group || u.group_ids.includes(group)) &&
            (!idpId || u.idp_id === idpId) &&
            (!email || u.email?.toLowerCase() === email),
        );
      return {
        status: 200,
        body: paginate(entries, params, ctx.store.clock, (u) => serializeUser(ctx.store, u)),
      };
    },
  },
  {
    method: "GET",
    pattern: "/directory_users/:id",
    handler: (req, ctx) => ({
      status: 200,
      body: serializeUser(ctx.store, findUser(ctx, req.params.id ?? "")),
    }),
  },
  {
    method: "GET",
    pattern: "/directory_groups",
    handler: (req, ctx) => {
      const params = parseListParams(req.query);
      const directory = req.query.get("directory");
      const userId = req.query.get("user");
      if (!directory && !userId) {
        throw unprocessable("Either directory or user is required.", [
          { field: "directory", code: "directory_or_user_required" },
        ]);
      }
      if (directory) findDirectory(ctx, directory);
      const user = userId ? findUser(ctx, userId) : undefined;
      const entries = ctx.store.directoryGroups
        .entries()
        .filter(
          ({ value: g }) =>
            (!directory || g.directory_id === directory) && (!user || user.group_ids.includes(g.id)),
        );
      return {
        status: 200,
        body: paginate(entries, params, ctx.store.clock, serializeGroup),
      };
    },
  },
  {
    method: "GET",
    pattern: "/directory_groups/:id",
    handler: (req, ctx) => ({ status: 200, body: serializeGroup(findGroup(ctx, req.params.id ?? "")) }),
  },
];
