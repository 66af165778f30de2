import { z } from "zod";
import { newId } from "../ids.js";
import { type Resource, requiredString, type SeedLoader, seedId } from "../resource.js";
import type { EmulatorStore } from "../store.js";

/**
 * A DNS TXT record the emulator pretends is published: the emulator has no DNS, so verifying an organization
 * domain looks here. Seeds and POST /_emulator/dns_records publish them; the API never serves them.
 */
export interface DnsRecord {
  id: string;
  domain: string;
  value: string;
}

const seedEntry = z.object({ id: seedId, domain: requiredString(), value: requiredString() });

export type SeedDnsRecord = z.input<typeof seedEntry>;

function loadSeed(entries: readonly SeedDnsRecord[], loader: SeedLoader): void {
  for (const { id, domain, value } of entries) publishTxt(loader.store, domain, value, id);
}

export function publishTxt(
  store: EmulatorStore,
  domain: string,
  value: string,
  id: string = newId("dns_record"),
): DnsRecord {
  return store.of(dnsRecords).insert({ id, domain: domain.toLowerCase(), value });
}

/** Whether a TXT record on the domain holds the token, alone or as `<prefix>=<token>`. */
export function txtHolds(store: EmulatorStore, domain: string, token: string): boolean {
  return store
    .of(dnsRecords)
    .values()
    .some((r) => r.domain === domain && (r.value === token || r.value.endsWith(`=${token}`)));
}

export const dnsRecords: Resource<DnsRecord, SeedDnsRecord, "dns_records"> = {
  name: "dns_records",
  label: "DNS record",
  seed: { entry: seedEntry, load: loadSeed },
};
