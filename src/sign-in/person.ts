import type { AuthInfo } from "@modelcontextprotocol/server";

/** Who is calling, on a server people sign in to: from their verified access token and WorkOS. */
export interface Person {
  /** The token's `sub`: the WorkOS user id. */
  userId: string;
  /** The token's `org_id`: the organization they signed in to, if any. */
  organizationId: string | undefined;
  /** The token's `permissions`, from their role. */
  permissions: ReadonlySet<string>;
  /** Looked up from WorkOS by user id (the token carries none); the user id when the lookup failed. */
  email: string;
  /** Looked up from WorkOS by organization id, when there is one. */
  organizationName: string | undefined;
  /** Where the request came from, for the audit log. */
  ip: string;
  userAgent: string | undefined;
}

/** The person in one phrase for logs and results, e.g. `alice@example.com (Acme)`. */
export function describePerson(person: Person): string {
  const organization = person.organizationName ?? person.organizationId;
  return organization === undefined ? person.email : `${person.email} (${organization})`;
}

/** The person a request's verified token names (see ResourceServer), if people sign in to this server. */
export function personOf(authInfo: AuthInfo | undefined): Person | undefined {
  return authInfo?.extra?.person as Person | undefined;
}
