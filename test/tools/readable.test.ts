import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readable } from "../../src/tools/readable.js";
import { connection } from "../../src/workos/connection.js";
import { directoryUser } from "../../src/workos/directory-user.js";

const CONNECTION = {
  object: "connection",
  id: "conn_01HM65XQ60FYAQN6Z7PA2NQ03A",
  organization_id: "org_01HM65JQM0KGF4CDAAQJA6QM5J",
  connection_type: "OktaSAML",
  name: "Okta",
  state: "active",
  status: "linked",
  domains: [{ object: "connection_domain", id: "conn_domain_1", domain: "foo-corp.com" }],
  created_at: "2024-01-15T09:00:00.000Z",
  updated_at: "2024-01-15T09:00:00.000Z",
};

describe("readable: the model as the tools read WorkOS and list it", () => {
  it("reads an enum value the spec does not know yet, which the model itself refuses", () => {
    const tomorrow = { ...CONNECTION, connection_type: "NewIdpSAML", state: "migrating" };
    expect(connection.safeParse(tomorrow).success).toBe(false);
    expect(readable(connection).safeParse(tomorrow).success).toBe(true);
  });

  it("still refuses what is not of the shape: a missing required field, a wrong type", () => {
    const { name: _, ...nameless } = CONNECTION;
    expect(readable(connection).safeParse(nameless).success).toBe(false);
    expect(readable(connection).safeParse({ ...CONNECTION, domains: "foo-corp.com" }).success).toBe(false);
  });

  it("lists a short enum's values in the description, and no deprecated field, which still passes through", () => {
    const listed = z.toJSONSchema(readable(connection)) as {
      properties: Record<string, { description?: string }>;
    };
    expect(listed.properties.state?.description).toBe(
      "One of requires_type, draft, active, validating, inactive, deleting.",
    );
    expect(listed.properties.connection_type?.description).toBe(
      "The identity provider protocol, e.g. OktaSAML or GoogleOAuth.",
    );
    expect(Object.keys(listed.properties)).not.toContain("status");
    const users = z.toJSONSchema(readable(directoryUser)) as { properties: Record<string, unknown> };
    expect(Object.keys(users.properties)).not.toContain("groups");
    expect(readable(connection).parse(CONNECTION)).toMatchObject({ status: "linked" });
  });
});
