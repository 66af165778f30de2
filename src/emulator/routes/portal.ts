import { PORTAL_INTENTS } from "../../workos-vocabulary.js";
import { ApiError, notFound } from "../errors.js";
import { isoTime, randomToken } from "../ids.js";
import type { Route } from "../router.js";
import { FieldErrors, isEmail, requireObjectBody } from "../validate.js";

export { PORTAL_INTENTS };

export const PORTAL_LINK_TTL_MS = 5 * 60 * 1000;

export const portalRoutes: Route[] = [
  {
    method: "POST",
    pattern: "/portal/generate_link",
    handler: (req, ctx) => {
      const body = requireObjectBody(req.body);
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
        } else if (emails.length > 20) {
          errors.add(
            "it_contact_emails",
            "too_many_emails",
            "it_contact_emails accepts at most 20 addresses.",
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
      const organization = body.organization as string;
      if (!ctx.store.organizations.has(organization))
        throw notFound(`Organization not found: '${organization}'.`);
      const token = randomToken();
      ctx.store.portalLinks.set(token, {
        organization,
        intent: typeof intent === "string" ? intent : null,
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
      const link = ctx.store.portalLinks.get(token);
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
];
