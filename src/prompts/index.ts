import auditDirectorySync from "./audit-directory-sync.js";
import checkWebhook from "./check-webhook.js";
import type { PromptDefinition } from "./define.js";
import diagnoseSso from "./diagnose-sso.js";
import onboardEnterpriseCustomer from "./onboard-enterprise-customer.js";

/** Every prompt, in the order clients list them. Adding a prompt means adding it here. */
export const prompts: readonly PromptDefinition[] = [
  onboardEnterpriseCustomer,
  diagnoseSso,
  auditDirectorySync,
  checkWebhook,
];
