import { z } from "zod";
import { path } from "../../client/path.js";
import { organization } from "../../workos/organization.js";
import { defineTool, READ } from "../define.js";
import { organizationId } from "../params.js";
import { readable } from "../readable.js";

export default defineTool({
  name: "get_organization",
  title: "Get Organization",
  description:
    "Fetch one WorkOS organization by id, with its domains, metadata and external_id. " +
    "Use list_organizations first if you only know its name or domain.",
  toolset: "organizations",
  organization: { param: "organization_id" },
  input: z.strictObject({
    organization_id: organizationId.describe("The organization id (org_…)."),
  }),
  output: readable(organization),
  resource: {
    uriTemplate: "workos://organizations/{organization_id}",
    name: "organization",
    description: "A WorkOS organization: its name, domains, metadata and external_id.",
  },
  annotations: READ,
  handler: ({ organization_id }, { client, signal }) =>
    client.get(path`/organizations/${organization_id}`, { signal }),
});
