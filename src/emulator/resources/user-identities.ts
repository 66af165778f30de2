import { z } from "zod";
import type { UserIdentity } from "../../workos/user-identity.js";
import { userIdentity } from "../../workos/user-identity.js";
import { USER_IDENTITY_PROVIDERS } from "../../workos-vocabulary.js";
import { type Resource, requiredString, type SeedLoader } from "../resource.js";
import { findOr404 } from "../resource-routes.js";
import { users } from "./users.js";

/** A user's linked OAuth account, as stored: the wire identity plus its user. */
export interface StoredIdentity extends UserIdentity {
  id: string;
  user_id: string;
}

const seedEntry = z.object({
  user_id: requiredString(),
  provider: z.enum(USER_IDENTITY_PROVIDERS, {
    error: `must be one of ${USER_IDENTITY_PROVIDERS.join(", ")}`,
  }),
  /** The account's id at the provider. */
  idp_id: requiredString(),
});

export type SeedUserIdentity = z.input<typeof seedEntry>;

function loadSeed(entries: readonly SeedUserIdentity[], loader: SeedLoader): void {
  for (const s of entries) {
    loader.store.of(userIdentities).insert({
      id: `${s.user_id}:${s.provider}:${s.idp_id}`,
      user_id: s.user_id,
      idp_id: s.idp_id,
      type: "OAuth",
      provider: s.provider,
    });
  }
}

export const userIdentities: Resource<StoredIdentity, SeedUserIdentity, "user_identities"> = {
  name: "user_identities",
  label: "Identity",
  model: userIdentity,
  parents: { user_id: "users" },
  seed: { entry: seedEntry, load: loadSeed },
  routes: () => [
    {
      method: "GET",
      pattern: "/user_management/users/:id/identities",
      handler: (req, ctx) => {
        const user = findOr404(ctx, users, req.params.id ?? "");
        const linked = ctx.store
          .of(userIdentities)
          .values()
          .filter((i) => i.user_id === user.id)
          .map(({ idp_id, type, provider }) => ({ idp_id, type, provider }));
        return { status: 200, body: linked };
      },
    },
  ],
};
