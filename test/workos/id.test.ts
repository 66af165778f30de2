import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { organizationRef } from "../../src/prompts/define.js";
import { organizationId } from "../../src/tools/params.js";
import { isIdOf } from "../../src/workos/id.js";
import { ORGANIZATION_ID_PREFIX } from "../../src/workos/organization.js";

const ULID = "01HM65MJ70E0J7E51H3YVEKZR1";

/** Values that are, or look almost like, an organization id. */
const CASES: [string, boolean][] = [
  [`org_${ULID}`, true],
  ["org_1", true],
  [`org-${ULID}`, false],
  [`orgx_${ULID}`, false],
  [`org_domain_${ULID}`, false],
  ["org_", false],
  [`conn_${ULID}`, false],
];

function pinnable(value: string): boolean {
  try {
    loadConfig({ WORKOS_API_KEY: "sk_test_x", WORKOS_MCP_ORGANIZATION_ID: value }, []);
    return true;
  } catch {
    return false;
  }
}

describe("the organization id rule, from src/workos, is the one every layer applies", () => {
  it.each(CASES)(
    "%s: an organization id is %s for the model, the tools, the prompts and the pin",
    (value, is) => {
      expect(isIdOf(ORGANIZATION_ID_PREFIX, value)).toBe(is);
      expect(organizationId.safeParse(value).success).toBe(is);
      expect(organizationRef(value).startsWith(`the organization ${value}`)).toBe(is);
      expect(pinnable(value)).toBe(is);
    },
  );

  it("the pin alone bounds the id's length: 64 characters after the prefix", () => {
    expect(pinnable(`org_${"A".repeat(64)}`)).toBe(true);
    expect(pinnable(`org_${"A".repeat(65)}`)).toBe(false);
  });
});
