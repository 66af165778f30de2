import { definePrompt, organizationRef } from "./define.js";

export default definePrompt({
  name: "audit_directory_sync",
  title: "Audit Directory Sync",
  description:
    "Review an organization's Directory Sync: its directories, their states, user counts by state, and who is suspended.",
  arguments: [
    {
      name: "organization",
      description: "The organization's name or id (org_…).",
      required: true,
      completes: "organization",
    },
  ],
  uses: ["get_organization_overview", "list_directory_users"],
  render: (arg) =>
    [
      `Audit Directory Sync for ${organizationRef(arg("organization"))} in WorkOS.`,
      "1. Call get_organization_overview for it.",
      "2. For each directory report its name, provider type, state, users by state and group count. Flag a directory that is not linked, or has no users.",
      '3. For each linked directory, list the suspended users with list_directory_users (directory_id, state: "suspended", limit 100) and the inactive ones (state: "inactive").',
      "4. Summarise in a short table, then say what needs attention, if anything.",
    ].join("\n"),
});
