import { MAX_PAYLOAD_BYTES } from "./verify.js";

export interface EventSummary {
  id: string;
  event: string;
  created_at: string;
  /** One readable line naming the objects the event concerns. */
  summary: string;
}

type Data = Record<string, unknown>;
type Describe = (data: Data) => string;

const UNKNOWN = "(unknown)";

/**
 * Summarises a WorkOS event payload (`{id, event, data, created_at}`) in one line.
 * Returns null when the payload is not such JSON (or is over MAX_PAYLOAD_BYTES characters); never throws.
 */
export function summarizeEvent(payload: string): EventSummary | null {
  if (typeof payload !== "string" || payload.length > MAX_PAYLOAD_BYTES) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!isObject(parsed)) return null;
  const { id, event, data, created_at } = parsed;
  if (
    typeof id !== "string" ||
    typeof event !== "string" ||
    typeof created_at !== "string" ||
    !isObject(data)
  ) {
    return null;
  }
  return { id, event, created_at, summary: eventLine(event, data) };
}

/** An event in one readable line, from its type and `data`: "dsync.user.updated: user Ada (ada@acme.com) ...". */
export function eventLine(event: string, data: Data): string {
  const detail = eventDetail(event, data);
  return detail ? `${event}: ${detail}` : event;
}

/** What an event concerns, in one line without its type: "user Ada (ada@acme.com) in directory ...". */
export function eventDetail(event: string, data: Data): string {
  const describe = DESCRIBERS.find(([pattern]) =>
    pattern.endsWith(".") ? event.startsWith(pattern) : event === pattern,
  );
  return oneLine((describe?.[1] ?? generic)(data));
}

const userAndGroup: Describe = (d) =>
  join([`user ${person(obj(d.user))}`, inGroup(obj(d.group)), inDirectory(d, obj(d.user))]);

// First match wins; a pattern ending in "." is a prefix, anything else an exact event type.
const DESCRIBERS: readonly (readonly [string, Describe])[] = [
  ["dsync.group.user_added", userAndGroup],
  ["dsync.group.user_removed", userAndGroup],
  ["dsync.user.", (d) => join([`user ${person(d)}`, inDirectory(d)])],
  ["dsync.group.", (d) => join([`group ${label(d)}`, inDirectory(d)])],
  ["dsync.activated", directory],
  ["dsync.deleted", directory],
  ["connection.", connection],
  ["organization_domain.", organizationDomain],
  [
    "organization.",
    (d) =>
      join([
        `organization ${label(d)}`,
        list(d.domains, (domain) => text(obj(domain).domain) ?? text(domain)),
        quoted(d.name) ? text(d.id) : undefined,
      ]),
  ],
];

function directory(d: Data): string {
  return join([
    `directory ${label(d)}`,
    text(d.type) && `(${text(d.type)})`,
    quoted(d.name) ? text(d.id) : undefined,
    prefixed("of organization", d.organization_id),
  ]);
}

function connection(d: Data): string {
  // Certificate events nest the connection under data.connection.
  const c = isObject(d.connection) ? d.connection : d;
  return join([
    `connection ${label(c)}`,
    text(c.connection_type) && `(${text(c.connection_type)})`,
    quoted(c.name) ? text(c.id) : undefined,
    prefixed("of organization", c.organization_id),
    prefixed("certificate expires", obj(d.certificate).expiry_date),
  ]);
}

function organizationDomain(d: Data): string {
  // verification_failed nests the domain under data.organization_domain.
  const domain = isObject(d.organization_domain) ? d.organization_domain : d;
  return join([
    `domain ${text(domain.domain) ?? text(domain.id) ?? UNKNOWN}`,
    text(domain.state) && `(${text(domain.state)})`,
    prefixed("of organization", domain.organization_id),
    prefixed("reason", d.reason),
  ]);
}

function generic(d: Data): string {
  return join([text(d.object), text(d.id)]);
}

function person(d: Data): string {
  const name = join([text(d.first_name), text(d.last_name)]) || text(d.name) || text(d.username);
  const email = text(d.email) ?? primaryEmail(d.emails);
  if (name && email) return `${name} (${email})`;
  return name || email || text(d.id) || UNKNOWN;
}

function label(d: Data): string {
  return quoted(d.name) ?? text(d.id) ?? UNKNOWN;
}

function primaryEmail(emails: unknown): string | undefined {
  if (!Array.isArray(emails)) return undefined;
  const primary = emails.find((e) => isObject(e) && e.primary === true) ?? emails[0];
  return text(obj(primary).value);
}

function inGroup(group: Data): string {
  return `in group ${label(group)}`;
}

function inDirectory(d: Data, fallback: Data = {}): string {
  return join([
    prefixed("in directory", d.directory_id ?? fallback.directory_id),
    prefixed("of organization", d.organization_id ?? fallback.organization_id),
  ]);
}

function prefixed(label: string, value: unknown): string | undefined {
  const t = text(value);
  return t === undefined ? undefined : `${label} ${t}`;
}

function list(values: unknown, pick: (value: unknown) => string | undefined): string | undefined {
  if (!Array.isArray(values)) return undefined;
  const picked = values.map(pick).filter((v): v is string => v !== undefined);
  return picked.length === 0 ? undefined : `(${picked.join(", ")})`;
}

function quoted(value: unknown): string | undefined {
  const t = text(value);
  return t === undefined ? undefined : `"${t}"`;
}

function text(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string" || value.trim() === "") return undefined;
  return value.length > 120 ? `${value.slice(0, 120)}…` : value;
}

function join(parts: readonly (string | undefined | false | "")[]): string {
  return parts.filter((p): p is string => typeof p === "string" && p !== "").join(" ");
}

function obj(value: unknown): Data {
  return isObject(value) ? value : {};
}

function isObject(value: unknown): value is Data {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function oneLine(line: string): string {
  // Control characters in IdP-supplied names would break the one-line promise.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  return line.replace(/[\u0000-\u001f\u007f]+/g, " ");
}
