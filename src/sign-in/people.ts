import type { WorkOSClient } from "../client/client.js";
import { path } from "../client/path.js";
import { log } from "../log.js";

/** What WorkOS knows about a person and their organization that their token does not say. */
export interface Names {
  email: string;
  organizationName: string | undefined;
}

/** Names change rarely; a person's requests within this long cost no lookup. */
const NAMES_TTL_MS = 10 * 60_000;
/** A bound on memory: past it the oldest entry goes. */
const MAX_ENTRIES = 10_000;

/**
 * Looks up a signed-in person's email and organization name from WorkOS with the server's key, cached per
 * user and organization. A failed lookup is logged and answered with the ids (the call goes on), not cached.
 */
export class People {
  readonly #client: WorkOSClient;
  readonly #now: () => number;
  readonly #cache = new Map<string, { names: Promise<Names>; until: number }>();

  constructor(client: WorkOSClient, now: () => number = Date.now) {
    this.#client = client;
    this.#now = now;
  }

  names(userId: string, organizationId: string | undefined): Promise<Names> {
    const key = `${userId}\0${organizationId ?? ""}`;
    const now = this.#now();
    const cached = this.#cache.get(key);
    if (cached !== undefined && cached.until > now) return cached.names;
    const names = this.#lookUp(userId, organizationId).catch((error: unknown) => {
      this.#cache.delete(key);
      log.error(`could not look up the signed-in user ${userId} in WorkOS:`, error);
      return { email: userId, organizationName: organizationId };
    });
    this.#cache.delete(key);
    if (this.#cache.size >= MAX_ENTRIES) this.#cache.delete(this.#cache.keys().next().value as string);
    this.#cache.set(key, { names, until: now + NAMES_TTL_MS });
    return names;
  }

  async #lookUp(userId: string, organizationId: string | undefined): Promise<Names> {
    const [user, organization] = await Promise.all([
      this.#client.get<{ email: string }>(path`/user_management/users/${userId}`),
      organizationId === undefined
        ? undefined
        : this.#client.get<{ name: string }>(path`/organizations/${organizationId}`),
    ]);
    return { email: user.email, organizationName: organization?.name };
  }
}
