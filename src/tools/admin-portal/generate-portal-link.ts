import { z } from "zod";
import { PORTAL_INTENTS } from "../../workos-vocabulary.js";
import { defineTool, WRITE } from "../define.js";
import { organizationId } from "../params.js";

export default defineTool({
  name: "generate_portal_link",
  title: "Generate A Portal Link",
  description:
    "Create an Admin Portal link where an organization's IT admin sets up SSO, Directory Sync, domain verification and more. " +
    "The link grants setup access to whoever holds it and expires 5 minutes after it is made: share it at once.",
  toolset: "admin_portal",
  organization: { param: "organization_id" },
  input: z.strictObject({
    organization_id: organizationId.describe("The organization whose IT admin will use the portal (org_…)."),
    intent: z
      .enum(PORTAL_INTENTS)
      .describe(
        "What the portal sets up: sso, dsync, audit_logs, log_streams, domain_verification, certificate_renewal or bring_your_own_key.",
      ),
    return_url: z.url().optional().describe("Where the portal's logo links back to."),
    success_url: z.url().optional().describe("Where the admin lands after finishing setup."),
    it_contact_emails: z
      .array(z.email())
      .max(20)
      .optional()
      .describe("Up to 20 IT contacts WorkOS may email about this setup."),
  }),
  output: z.object({
    link: z.string().describe("The Admin Portal URL."),
    expires_at: z.string().describe("When the link stops working (5 minutes after it was made)."),
  }),
  annotations: WRITE,
  summary: ({ expires_at }) => `Admin Portal link created; it expires at ${expires_at}.`,
  notes: () => [
    "Anyone holding the link can change this organization's setup, and it works for 5 minutes: share it only with the organization's IT admin, right away.",
  ],
  instruction:
    "Admin Portal links grant setup access to whoever holds them and expire after 5 minutes: share them at once.",
  handler: async ({ organization_id, ...rest }, { client, signal }) => {
    const expiresAt = new Date(Date.now() + 5 * 60_000).toISOString();
    const { link } = await client.post<{ link: string }>("/portal/generate_link", {
      body: { organization: organization_id, ...rest },
      signal,
    });
    return { link, expires_at: expiresAt };
  },
});
