import { describe, expect, it } from "vitest";
import { type Resource, toWire } from "../../src/emulator/resource.js";
import { RESOURCES } from "../../src/emulator/resources/index.js";
import { applySeed, demoSeed, SEED_EPOCH_MS } from "../../src/emulator/seed.js";
import { EmulatorStore } from "../../src/emulator/store.js";

/** The resources the API never serves, so they have no wire shape in src/workos; each with the reason. */
const UNSERVED: Readonly<Record<string, string>> = {
  dns_records: "the TXT records domain verification looks up: emulator configuration",
  webhook_endpoints:
    "where the emulator delivers events: seed configuration (the API's webhook_endpoint is not served)",
  portal_links: "the tokens behind Admin Portal links: the API answers only { link }",
};

/** Resources whose objects live inside another's: checked there, through the parent's schema. */
const NESTED: Readonly<Record<string, string>> = {
  organization_domains: "organizations (the organization schema's domains are organization domains)",
};

function demoStore(): EmulatorStore {
  const store = new EmulatorStore(RESOURCES);
  applySeed(store, demoSeed, () => SEED_EPOCH_MS);
  return store;
}

describe("every emulator resource serializes what its src/workos model accepts", () => {
  const store = demoStore();

  it("names its model, unless the API never serves it", () => {
    const unnamed = RESOURCES.filter((r) => r.model === undefined).map((r) => r.name);
    expect(unnamed.sort()).toEqual(Object.keys(UNSERVED).sort());
  });

  it.each(
    RESOURCES.filter((r) => r.model !== undefined && NESTED[r.name] === undefined).map(
      (r) => [r.name, r as Resource] as const,
    ),
  )("%s: every object of the demo seed, as the API serves it", (_, resource) => {
    const objects = store.of(resource).values();
    expect(objects.length, "the demo seed has none to check").toBeGreaterThan(0);
    for (const value of objects) {
      const wire = toWire(resource, value, store);
      const checked = resource.model?.safeParse(wire);
      expect(checked?.error?.issues ?? [], `${resource.name} ${value.id}`).toEqual([]);
    }
  });
});
