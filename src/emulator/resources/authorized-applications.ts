import { z } from "zod";
import {
  AUTHORIZED_CONNECT_APPLICATION_ID_PREFIX,
  type AuthorizedConnectApplication,
  authorizedConnectApplication,
} from "../../workos/authorized-connect-application.js";
import { notFound } from "../errors.js";
import { paginate, parseListParams } from "../pagination.js";
import type { Resource, SeedLoader } from "../resource.js";
import { requiredString, seedId, seedTimestamps, toWire } from "../resource.js";
import { findOr404 } from "../resource-routes.js";
import type { EmulatorStore } from "../store.js";
import { connectApplicationOf, connectApplications } from "./connect-applications.js";
import { organizations } from "./organizations.js";
import { users } from "./users.js";

/**
 * A user's consent to a Connect application, in an organization when the user signed in through one. Made by
 * the OAuth consent flow, which the emulator does not run, so these come from the seed.
 */
export interface AuthorizedApplication {
  id: string;
  application_id: string;
  user_id: string;
  organization_id: string | null;
  granted_scopes: string[];
  oauth_resource?: string;
  created_at: string;
}

const seedEntry = z.object({
  id: seedId,
  application_id: requiredString(),
  user_id: requiredString(),
  organization_id: z.string({ error: "must be a string" }).optional(),
  granted_scopes: z.array(z.string(), { error: "must be an array of strings" }).optional(),
  oauth_resource: z.string({ error: "must be a string" }).optional(),
  ...seedTimestamps,
});

export type SeedAuthorizedApplication = z.input<typeof seedEntry>;

function loadSeed(entries: readonly SeedAuthorizedApplication[], loader: SeedLoader): void {
  for (const s of entries) {
    const at = s.created_at ?? loader.stamp();
    const grant: AuthorizedApplication = {
      id: s.id ?? loader.fixedId(AUTHORIZED_CONNECT_APPLICATION_ID_PREFIX, at),
      application_id: s.application_id,
      user_id: s.user_id,
      organization_id: s.organization_id ?? null,
      granted_scopes: [...(s.granted_scopes ?? [])],
      created_at: at,
    };
    if (s.oauth_resource !== undefined) grant.oauth_resource = s.oauth_resource;
    loader.store.of(authorizedApplications).insert(grant);
  }
}

function serialize(grant: AuthorizedApplication, store: EmulatorStore): AuthorizedConnectApplication {
  const app = store.of(connectApplications).get(grant.application_id);
  return {
    object: "authorized_connect_application",
    id: grant.id,
    granted_scopes: [...grant.granted_scopes],
    ...(grant.oauth_resource === undefined ? {} : { oauth_resource: grant.oauth_resource }),
    application: (app
      ? toWire(connectApplications, app, store)
      : {}) as AuthorizedConnectApplication["application"],
  };
}

export const authorizedApplications: Resource<
  AuthorizedApplication,
  SeedAuthorizedApplication,
  "authorized_applications"
> = {
  name: "authorized_applications",
  label: "Authorized Connect Application",
  model: authorizedConnectApplication,
  parents: { application_id: "connect_applications", user_id: "users", organization_id: "organizations" },
  seed: { entry: seedEntry, load: loadSeed },
  serialize,
  routes: () => [
    {
      method: "GET",
      pattern: "/organizations/:organization_id/authorized_applications",
      handler: (req, ctx) => {
        const params = parseListParams(req.query);
        const org = findOr404(ctx, organizations, req.params.organization_id ?? "");
        const entries = ctx.store
          .of(authorizedApplications)
          .entries()
          .filter((e) => e.value.organization_id === org.id);
        return {
          status: 200,
          body: paginate(entries, params, ctx.store.clock, (g) => ({
            ...serialize(g, ctx.store),
            user_id: g.user_id,
          })),
        };
      },
    },
    {
      method: "GET",
      pattern: "/user_management/users/:user_id/authorized_applications",
      handler: (req, ctx) => {
        const params = parseListParams(req.query);
        const user = findOr404(ctx, users, req.params.user_id ?? "");
        const entries = ctx.store
          .of(authorizedApplications)
          .entries()
          .filter((e) => e.value.user_id === user.id);
        return {
          status: 200,
          body: paginate(entries, params, ctx.store.clock, (g) => serialize(g, ctx.store)),
        };
      },
    },
    {
      method: "DELETE",
      pattern: "/user_management/users/:user_id/authorized_applications/:application_id",
      handler: (req, ctx) => {
        const user = findOr404(ctx, users, req.params.user_id ?? "");
        const app = connectApplicationOf(ctx, req.params.application_id);
        const grants = ctx.store
          .of(authorizedApplications)
          .values()
          .filter((g) => g.user_id === user.id && g.application_id === app.id);
        if (grants.length === 0)
          throw notFound(`Authorized Connect Application not found: '${req.params.application_id ?? ""}'.`);
        for (const grant of grants) ctx.store.of(authorizedApplications).delete(grant.id);
        return { status: 204 };
      },
    },
  ],
};
