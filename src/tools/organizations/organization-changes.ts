import { z } from "zod";
import { quote } from "../../mcp/quote.js";
import { ORGANIZATION_ID_PREFIX, type organization } from "../../workos/organization.js";
import { ORGANIZATION_DOMAIN_ID_PREFIX } from "../../workos/organization-domain.js";
import { DOMAIN_STATES } from "../../workos-vocabulary.js";
import { domainName } from "../params.js";
import type { Read } from "../readable.js";

// update_organization's domain_data replaces the whole list, so one call could remove domains or mark them
// verified. Those have gates of their own: delete_organization_domain asks the user, verify_organization_domain
// checks DNS. Here domain_data may only keep what is there and add domains as pending.

type ReadOrganization = Read<typeof organization>;
type Domain = ReadOrganization["domains"][number];

/** Verified for routing sign-ins: legacy_verified counts, and listing it as verified grants nothing new. */
const isVerified = (domain: Domain | undefined) =>
  domain?.state === "verified" || domain?.state === "legacy_verified";

/** A domain as it may stand outside the data fence: its name when it is a plain domain name, always its id. */
function named(domain: Domain): string {
  const id = quote.id(domain.id, ORGANIZATION_DOMAIN_ID_PREFIX);
  return domainName.safeParse(domain.domain).success ? `${domain.domain} (${id})` : id;
}

/** Why domain_data may not be sent, in words for the model; undefined when it only keeps and adds pending. */
export function domainDataRefusal(
  before: ReadOrganization,
  wanted: readonly { domain: string; state: "pending" | "verified" }[],
): string | undefined {
  const current = new Map(before.domains.map((domain) => [domain.domain.toLowerCase(), domain]));
  const asked = new Set(wanted.map((domain) => domain.domain.toLowerCase()));
  const problems: string[] = [];
  for (const [name, domain] of current) {
    if (!asked.has(name)) problems.push(`remove ${named(domain)}`);
  }
  // Every entry, not one per name: a domain listed twice must not slip a "verified" past a "pending".
  for (const { domain, state } of wanted) {
    const prior = current.get(domain.toLowerCase());
    if (state === "verified" && prior === undefined) {
      problems.push(`add ${domain} already verified, without a DNS check`);
    } else if (state === "verified" && prior !== undefined && !isVerified(prior)) {
      problems.push(`mark ${domain} verified without a DNS check`);
    } else if (state === "pending" && isVerified(prior)) {
      problems.push(`turn verified ${domain} back to pending`);
    }
  }
  if (problems.length === 0) return undefined;
  return (
    `update_organization changed nothing: its domain_data would ${problems.join(", ")}. ` +
    "Remove a domain with delete_organization_domain (the user confirms it first) and verify one with " +
    "verify_organization_domain (WorkOS checks its DNS TXT record; generate_portal_link with intent " +
    "domain_verification lets the customer's IT admin set it up). To add domains, list every current one as " +
    "it is (verified ones as verified) plus the new ones as pending, or leave domain_data out."
  );
}

const fromTo = <T extends z.ZodType>(value: T) => z.object({ from: value, to: value });
// Nulls are left out of data, so an emptied or newly set value shows one side only.
const nullableFromTo = z
  .object({ from: z.string().nullable().optional(), to: z.string().nullable().optional() })
  .describe("A side left out was empty.");
const domainEntry = z.object({ domain: z.string(), state: z.string().optional() });

export const organizationChanges = z
  .object({
    name: fromTo(z.string()).optional(),
    domains_added: z.array(domainEntry).optional(),
    domains_removed: z.array(domainEntry).optional(),
    domain_states: z
      .array(z.object({ domain: z.string(), from: z.string().optional(), to: z.string().optional() }))
      .optional(),
    external_id: nullableFromTo.optional(),
    stripe_customer_id: nullableFromTo.optional(),
    metadata_set: z.array(z.string()).optional().describe("Keys added or given a new value."),
    metadata_removed: z.array(z.string()).optional(),
  })
  .describe("What this call changed, from the organization before and after it; empty when nothing did.");

export type OrganizationChanges = z.infer<typeof organizationChanges>;

/** Every difference between the organization before and after, in the fields update_organization sets. */
export function changesBetween(old: ReadOrganization, now: ReadOrganization): OrganizationChanges {
  const changes: OrganizationChanges = {};
  if (old.name !== now.name) changes.name = { from: old.name, to: now.name };
  const oldDomains = new Map(old.domains.map((domain) => [domain.domain.toLowerCase(), domain]));
  const newDomains = new Map(now.domains.map((domain) => [domain.domain.toLowerCase(), domain]));
  const entry = ({ domain, state }: Domain) => (state === undefined ? { domain } : { domain, state });
  const added = now.domains.filter((domain) => !oldDomains.has(domain.domain.toLowerCase())).map(entry);
  const removed = old.domains.filter((domain) => !newDomains.has(domain.domain.toLowerCase())).map(entry);
  const restated = now.domains.flatMap((domain) => {
    const prior = oldDomains.get(domain.domain.toLowerCase());
    return prior === undefined || prior.state === domain.state
      ? []
      : [{ domain: domain.domain, from: prior.state, to: domain.state }];
  });
  if (added.length > 0) changes.domains_added = added;
  if (removed.length > 0) changes.domains_removed = removed;
  if (restated.length > 0) changes.domain_states = restated;
  if (old.external_id !== now.external_id) {
    changes.external_id = { from: old.external_id, to: now.external_id };
  }
  const oldStripe = old.stripe_customer_id ?? null;
  const newStripe = now.stripe_customer_id ?? null;
  if (oldStripe !== newStripe) changes.stripe_customer_id = { from: oldStripe, to: newStripe };
  const set = Object.keys(now.metadata).filter((key) => old.metadata[key] !== now.metadata[key]);
  const unset = Object.keys(old.metadata).filter((key) => !Object.hasOwn(now.metadata, key));
  if (set.length > 0) changes.metadata_set = set;
  if (unset.length > 0) changes.metadata_removed = unset;
  return changes;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** The changes in one line of our own words: field names and counts, no WorkOS text (that is in data). */
export function describeChanges(id: string, changes: OrganizationChanges): string {
  const parts: string[] = [];
  if (changes.name !== undefined) parts.push("name");
  const domains: string[] = [];
  const byState = new Map<string, number>();
  for (const { state } of changes.domains_added ?? []) {
    // A state is named only when it is one WorkOS documents: this line stands outside the data fence.
    const known = DOMAIN_STATES.find((candidate) => candidate === state) ?? "another state";
    byState.set(known, (byState.get(known) ?? 0) + 1);
  }
  for (const [state, n] of byState) domains.push(`${n} added as ${state}`);
  if (changes.domains_removed !== undefined) domains.push(`${changes.domains_removed.length} removed`);
  if (changes.domain_states !== undefined) {
    domains.push(`${count(changes.domain_states.length, "state")} changed`);
  }
  if (domains.length > 0) parts.push(`domains (${domains.join(", ")})`);
  const valueChange = (field: string, change: z.infer<typeof nullableFromTo> | undefined) => {
    if (change === undefined) return;
    const how = change.to == null ? "removed" : change.from == null ? "set" : "changed";
    parts.push(`${field} (${how})`);
  };
  valueChange("external_id", changes.external_id);
  valueChange("stripe_customer_id", changes.stripe_customer_id);
  const metadata: string[] = [];
  if (changes.metadata_set !== undefined) metadata.push(`${count(changes.metadata_set.length, "key")} set`);
  if (changes.metadata_removed !== undefined) metadata.push(`${changes.metadata_removed.length} removed`);
  if (metadata.length > 0) parts.push(`metadata (${metadata.join(", ")})`);
  if (parts.length === 0)
    return `Updated organization ${quote.id(id, ORGANIZATION_ID_PREFIX)}: nothing changed, every value given was already so.`;
  return (
    `Updated organization ${quote.id(id, ORGANIZATION_ID_PREFIX)}: ${parts.join(", ")}. ` +
    "data.changes has each changed value before and after; the rest of data is the organization now."
  );
}
