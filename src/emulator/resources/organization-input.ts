import { DOMAIN_DATA_STATES, EXTERNAL_ID_MAX_LENGTH, METADATA_LIMITS } from "../../workos-vocabulary.js";
import { badRequest } from "../errors.js";
import { FieldErrors, isDomain, isRecord } from "../validate.js";
import type { DomainInput } from "./organization-domain-data.js";

// What POST and PUT /organizations accept: a 422 listing every bad field, then a 400 for metadata, as WorkOS answers.

export interface OrganizationInput {
  name?: string;
  domains?: DomainInput[];
  metadata?: Record<string, string> | null;
  external_id?: string | null;
  stripe_customer_id?: string;
  allow_profiles_outside_organization?: boolean;
}

export function readOrganizationInput(body: Record<string, unknown>, creating: boolean): OrganizationInput {
  const errors = new FieldErrors();
  const input: OrganizationInput = {};
  if (body.name !== undefined || creating) {
    if (typeof body.name !== "string" || body.name.trim() === "") {
      errors.add("name", "name_required", "name is required and must be a non-empty string.");
    } else input.name = body.name;
  }
  if (body.allow_profiles_outside_organization !== undefined) {
    if (typeof body.allow_profiles_outside_organization !== "boolean") {
      errors.add(
        "allow_profiles_outside_organization",
        "invalid_type",
        "allow_profiles_outside_organization must be a boolean.",
      );
    } else input.allow_profiles_outside_organization = body.allow_profiles_outside_organization;
  }
  const domains: DomainInput[] = [];
  let domainsGiven = false;
  if (body.domain_data !== undefined) {
    domainsGiven = true;
    if (!Array.isArray(body.domain_data))
      errors.add("domain_data", "invalid_type", "domain_data must be an array.");
    else
      body.domain_data.forEach((d: unknown, i) => {
        if (!isRecord(d) || typeof d.domain !== "string" || !isDomain(d.domain)) {
          errors.add(
            `domain_data[${i}].domain`,
            "invalid_domain",
            `domain_data[${i}].domain must be a valid domain.`,
          );
        } else if (!(DOMAIN_DATA_STATES as readonly unknown[]).includes(d.state)) {
          errors.add(
            `domain_data[${i}].state`,
            "invalid_state",
            `domain_data[${i}].state must be ${DOMAIN_DATA_STATES.join(" or ")}.`,
          );
        } else domains.push({ domain: d.domain.toLowerCase(), state: d.state as DomainInput["state"] });
      });
  }
  if (body.domains !== undefined) {
    domainsGiven = true;
    if (!Array.isArray(body.domains))
      errors.add("domains", "invalid_type", "domains must be an array of strings.");
    else
      body.domains.forEach((d: unknown, i) => {
        if (typeof d !== "string" || !isDomain(d)) {
          errors.add(`domains[${i}]`, "invalid_domain", `domains[${i}] must be a valid domain.`);
        } else if (!domains.some((x) => x.domain === d.toLowerCase())) {
          domains.push({ domain: d.toLowerCase(), state: "verified" });
        }
      });
  }
  if (domainsGiven) input.domains = domains;
  if (body.metadata !== undefined) {
    if (body.metadata !== null && !isRecord(body.metadata)) {
      errors.add("metadata", "invalid_type", "metadata must be an object or null.");
    } else input.metadata = body.metadata as Record<string, string> | null;
  }
  if (body.external_id !== undefined) {
    const id = body.external_id;
    if (id === null) input.external_id = null;
    else if (typeof id !== "string" || id === "") {
      errors.add("external_id", "invalid_type", "external_id must be a non-empty string or null.");
    } else if (id.length > EXTERNAL_ID_MAX_LENGTH) {
      errors.add(
        "external_id",
        "external_id_too_long",
        `external_id must be at most ${EXTERNAL_ID_MAX_LENGTH} characters.`,
      );
    } else if (!isAscii(id)) {
      errors.add("external_id", "external_id_not_ascii", "external_id must contain only ASCII characters.");
    } else input.external_id = id;
  }
  if (!creating && body.stripe_customer_id !== undefined) {
    if (typeof body.stripe_customer_id !== "string" || body.stripe_customer_id === "") {
      errors.add("stripe_customer_id", "invalid_type", "stripe_customer_id must be a non-empty string.");
    } else input.stripe_customer_id = body.stripe_customer_id;
  }
  errors.throwIfAny();
  if (input.metadata) checkMetadata(input.metadata);
  return input;
}

export function isAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 127) return false;
  return true;
}

export function checkMetadata(metadata: Record<string, unknown>): void {
  const { keys: maxKeys, keyLength, valueLength } = METADATA_LIMITS;
  const keys = Object.keys(metadata);
  if (keys.length > maxKeys)
    throw badRequest(`Metadata can have at most ${maxKeys} keys.`, "invalid_metadata");
  for (const key of keys) {
    const value = metadata[key];
    if (key.length > keyLength)
      throw badRequest(
        `Metadata key "${key.slice(0, keyLength)}…" exceeds ${keyLength} characters.`,
        "invalid_metadata",
      );
    if (typeof value !== "string")
      throw badRequest(`Metadata value for "${key}" must be a string.`, "invalid_metadata");
    if (value.length > valueLength)
      throw badRequest(`Metadata value for "${key}" exceeds ${valueLength} characters.`, "invalid_metadata");
  }
}
