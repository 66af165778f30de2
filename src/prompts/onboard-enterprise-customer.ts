import { definePrompt } from "./define.js";

export default definePrompt({
  name: "onboard_enterprise_customer",
  title: "Onboard An Enterprise Customer",
  description:
    "Create a customer's organization with its domain, then Admin Portal links for its IT admin to set up SSO and Directory Sync.",
  arguments: [
    { name: "organization_name", description: 'The customer\'s name, e.g. "Acme Inc".', required: true },
    { name: "domain", description: "The customer's email domain, e.g. acme.com.", required: true },
  ],
  uses: ["list_organizations", "create_organization", "generate_portal_link"],
  render: (arg) => {
    const [organization_name, domain] = [arg("organization_name"), arg("domain")];
    return [
      `Onboard a new enterprise customer in WorkOS: "${organization_name}", whose domain is ${domain}.`,
      `1. With list_organizations (domains: ["${domain}"]) check that no organization has this domain yet. If one does, stop and tell me which.`,
      `2. Create it with create_organization: name "${organization_name}", domain_data [{"domain": "${domain}", "state": "pending"}].`,
      '3. For the new organization, call generate_portal_link twice: intent "sso", then intent "dsync".',
      "4. Give me the organization id and both links with their expiry. Remind me that each link lets whoever holds it change the customer's setup and expires in 5 minutes: send them only to the customer's IT admin, now.",
    ].join("\n");
  },
});
