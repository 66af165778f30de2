import { MAX_PAYLOAD_BYTES } from "./verify.js";

export interface EventSummary {
  id: string;
  event: string;
  created_at: string;
  /** One readable line naming the objects the event concerns. */
  summary: string;
}

type Data = Record<string, unknown>;
/** An organization's name by its id, where the caller knows it. */
type Names = (organizationId: string) => string | undefined;
type Describe = (data: Data, names: Names) => string;

/** What an event line may use beside its type and data. */
export interface EventFacts {
  /** The event's `context`, where WorkOS puts `previous_attributes` for some types. */
  context?: unknown;
  /** Names organizations the line would otherwise give only by id. */
  organizationName?: Names;
}

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
  const { id, event, data, created_at, context } = parsed;
  if (
    typeof id !== "string" ||
    typeof event !== "string" ||
    typeof created_at !== "string" ||
    !isObject(data)
  ) {
    return null;
  }
  return { id, event, created_at, summary: eventLine(event, data, { context }) };
}

/** An event in one readable line, from its type and `data`: "dsync.user.updated: user Ada (ada@acme.com) ...". */
export function eventLine(event: string, data: Data, facts: EventFacts = {}): string {
  const detail = eventDetail(event, data, facts);
  return detail ? `${event}: ${detail}` : event;
}

/**
 * What an event concerns, in one line without its type, and what it changed where WorkOS says:
 * 'user Ada (ada@acme.com) in directory ...; changed state "active" → "suspended"'.
 */
export function eventDetail(event: string, data: Data, facts: EventFacts = {}): string {
  const describe = DESCRIBERS.find(([pattern]) =>
    pattern.endsWith(".") ? event.startsWith(pattern) : event === pattern,
  );
  const names = facts.organizationName ?? (() => undefined);
  const what = (describe?.[1] ?? generic)(data, names);
  const changed = changes(data, obj(facts.context));
  return oneLine(changed === undefined ? what : `${what}; ${changed}`);
}

const userAndGroup: Describe = (d, names) =>
  join([`user ${person(obj(d.user))}`, inGroup(obj(d.group)), inDirectory(d, names, obj(d.user))]);

// First match wins; a pattern ending in "." is a prefix, anything else an exact event type.
const DESCRIBERS: readonly (readonly [string, Describe])[] = [
  ["dsync.group.user_added", userAndGroup],
  ["dsync.group.user_removed", userAndGroup],
  ["dsync.user.", (d, names) => join([`user ${person(d)}`, inDirectory(d, names)])],
  ["dsync.group.", (d, names) => join([`group ${label(d)}`, inDirectory(d, names)])],
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

function directory(d: Data, names: Names): string {
  return join([
    `directory ${label(d)}`,
    text(d.type) && `(${text(d.type)})`,
    quoted(d.name) ? text(d.id) : undefined,
    ofOrganization(d.organization_id, names),
  ]);
}

function connection(d: Data, names: Names): string {
  // Certificate events nest the connection under data.connection.
  const c = isObject(d.connection) ? d.connection : d;
  return join([
    `connection ${label(c)}`,
    text(c.connection_type) && `(${text(c.connection_type)})`,
    quoted(c.name) ? text(c.id) : undefined,
    ofOrganization(c.organization_id, names),
    prefixed("certificate expires", obj(d.certificate).expiry_date),
  ]);
}

function organizationDomain(d: Data, names: Names): string {
  // verification_failed nests the domain under data.organization_domain.
  const domain = isObject(d.organization_domain) ? d.organization_domain : d;
  return join([
    `domain ${text(domain.domain) ?? text(domain.id) ?? UNKNOWN}`,
    text(domain.state) && `(${text(domain.state)})`,
    ofOrganization(domain.organization_id, names),
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

function inDirectory(d: Data, names: Names, fallback: Data = {}): string {
  return join([
    prefixed("in directory", d.directory_id ?? fallback.directory_id),
    ofOrganization(d.organization_id ?? fallback.organization_id, names),
  ]);
}

/** "of organization "Acme Inc" (org_…)" where the name is known, else "of organization org_…". */
function ofOrganization(id: unknown, names: Names): string | undefined {
  const t = text(id);
  if (t === undefined) return undefined;
  const name = quoted(names(t));
  return name === undefined ? `of organization ${t}` : `of organization ${name} (${t})`;
}

/** At most this many changed attributes are named; the line says how many more there are. */
const MAX_CHANGES = 5;

/**
 * What an update changed, from WorkOS's `previous_attributes` (in `data` for directory users and groups, in the
 * event's `context` for others) against the values now in `data`: 'changed state "active" → "suspended"'.
 */
function changes(data: Data, context: Data): string | undefined {
  const previous = isObject(data.previous_attributes)
    ? data.previous_attributes
    : obj(context.previous_attributes);
  const changed = Object.keys(previous).flatMap((key) => {
    const before = previous[key];
    const after = data[key];
    // A nested attribute (custom_attributes.department) is named by its path, one level deep.
    if (isObject(before) && isObject(after)) {
      const inner = Object.keys(before).map((sub) => change(`${key}.${sub}`, before[sub], after[sub]));
      return inner.length > 0 ? inner : [key];
    }
    return [change(key, before, after)];
  });
  if (changed.length === 0) return undefined;
  const more = changed.length > MAX_CHANGES ? ` and ${changed.length - MAX_CHANGES} more` : "";
  return `changed ${changed.slice(0, MAX_CHANGES).join(", ")}${more}`;
}

/** "state "active" → "suspended""; just the attribute's name where a value is an object or a list. */
function change(key: string, before: unknown, after: unknown): string {
  const name = text(key) ?? UNKNOWN;
  const from = scalar(before);
  const to = scalar(after);
  return from === undefined || to === undefined ? name : `${name} ${from} → ${to}`;
}

function scalar(value: unknown): string | undefined {
  if (value === null || value === undefined) return "(none)";
  if (typeof value === "boolean") return String(value);
  if (value === "") return '""';
  return quoted(value);
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
