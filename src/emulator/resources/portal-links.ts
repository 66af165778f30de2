import { PORTAL_INTENTS, PORTAL_IT_CONTACT_EMAILS_MAX } from "../../workos-vocabulary.js";
import { ApiError, notFound } from "../errors.js";
import { isoTime, randomToken } from "../ids.js";
import type { Resource } from "../resource.js";
import { findOr404 } from "../resource-routes.js";
import { FieldErrors, isEmail, requireObjectBody } from "../validate.js";
import { organizations } from "./organizations.js";

/** An Admin Portal link, by its token. */
export interface PortalLink {
  id: string;
  organization: string;
  intent: string | null;
  expiresAt: number;
}

export const PORTAL_LINK_TTL_MS = 5 * 60 * 1000;

function readLinkRequest(body: Record<string, unknown>): { organization: string; intent: string | null } {
  const errors = new FieldErrors();
  if (typeof body.organization !== "string" || body.organization === "") {
    errors.add("organization", "organization_required", "organization is required and must be a string.");
  }
  const intent = body.intent;
  if (intent !== undefined && !(PORTAL_INTENTS as readonly unknown[]).includes(intent)) {
    errors.add("intent", "invalid_intent", `intent must be one of ${PORTAL_INTENTS.join(", ")}.`);
  }
  for (const field of ["return_url", "success_url"] as const) {
    const value = body[field];
    if (value !== undefined && (typeof value !== "string" || !URL.canParse(value))) {
      errors.add(field, "invalid_url", `${field} must be an absolute URL.`);
    }
  }
  const emails = body.it_contact_emails;
  if (emails !== undefined) {
    if (!Array.isArray(emails)) {
      errors.add(
        "it_contact_emails",
        "invalid_type",
        "it_contact_emails must be an array of email addresses.",
      );
    } else if (emails.length > PORTAL_IT_CONTACT_EMAILS_MAX) {
      errors.add(
        "it_contact_emails",
        "too_many_emails",
        `it_contact_emails accepts at most ${PORTAL_IT_CONTACT_EMAILS_MAX} addresses.`,
      );
    } else if (!emails.every((e) => typeof e === "string" && isEmail(e))) {
      errors.add(
        "it_contact_emails",
        "invalid_email",
        "every it_contact_emails entry must be an email address.",
      );
    }
  }
  errors.throwIfAny();
  return { organization: body.organization as string, intent: typeof intent === "string" ? intent : null };
}

export const portalLinks: Resource<PortalLink, never, "portal_links"> = {
  name: "portal_links",
  label: "Admin Portal link",
  parents: { organization: "organizations" },
  routes: () => [
    {
      method: "POST",
      pattern: "/portal/generate_link",
      handler: (req, ctx) => {
        const { organization, intent } = readLinkRequest(requireObjectBody(req.body));
        findOr404(ctx, organizations, organization);
        const token = randomToken();
        ctx.store.of(portalLinks).insert({
          id: token,
          organization,
          intent,
          expiresAt: ctx.now() + PORTAL_LINK_TTL_MS,
        });
        return { status: 201, body: { link: `${ctx.baseUrl()}/portal/launch?token=${token}` } };
      },
    },
    {
      method: "GET",
      pattern: "/portal/launch",
      public: true,
      handler: (req, ctx) => {
        const token = req.query.get("token") ?? "";
        const link = ctx.store.of(portalLinks).get(token);
        if (!link) throw notFound("This Admin Portal link is not valid.");
        if (ctx.now() >= link.expiresAt) {
          throw new ApiError(410, {
            code: "portal_link_expired",
            message: "This Admin Portal link has expired.",
          });
        }
        return {
          status: 200,
          body: {
            object: "portal_session",
            organization_id: link.organization,
            intent: link.intent,
            expires_at: isoTime(link.expiresAt),
          },
        };
      },
    },
  ],
};
