import { definePrompt, organizationRef } from "./define.js";

export default definePrompt({
  name: "diagnose_sso",
  title: "Diagnose SSO",
  description:
    "Check why an organization's single sign-on may not work: its connections, their states and domains, and what to do next.",
  arguments: [
    {
      name: "organization",
      description: "The organization's name or id (org_…).",
      required: true,
      completes: "organization",
    },
  ],
  uses: ["get_organization_overview", "get_connection"],
  render: (arg) =>
    [
      `Diagnose single sign-on for ${organizationRef(arg("organization"))} in WorkOS.`,
      "1. Call get_organization_overview for it.",
      "2. For each SSO connection report its name, type, state and domains. If there is none, say so: nobody can sign in with SSO.",
      "3. Flag what blocks sign-in: a connection in draft, validating or inactive state (say what each means), organization domains still pending verification, and users whose email domain is on no active connection. Use get_connection for the full details of a connection that is not active.",
      '4. Say what to check next, most likely first, for example: finish setup through an Admin Portal link (generate_portal_link, intent "sso"), verify a domain, or look at the identity provider\'s certificate.',
    ].join("\n"),
});
