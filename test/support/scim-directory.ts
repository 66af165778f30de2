import { fixedId } from "../../src/emulator/ids.js";
import type { Seed, SeedDirectoryGroup, SeedDirectoryUser } from "../../src/emulator/seed.js";

// A realistic Okta SCIM v2.0 directory: the size and shape of what a real WorkOS directory returns, where each
// user's raw_attributes hold the SCIM payload the identity provider sent. Deterministic: same seed, same bytes.

const DOMAIN = "acmecorp.com";
const EXTERNAL_KEY = "Okt4ScImAcMe2kQ9";
const SCIM_BASE = `https://api.workos.com/scim/v2.0/${EXTERNAL_KEY}`;
const EPOCH = Date.UTC(2021, 1, 10, 16, 0, 0);
const DAY = 86_400_000;

/** Fixed ids of the fixture, stable across runs so tests can name them. */
export const SCIM_IDS = {
  organization: fixedId("org", EPOCH, 9_001),
  connection: fixedId("conn", EPOCH + DAY, 9_002),
  directory: fixedId("directory", EPOCH + 5 * DAY, 9_003),
} as const;

/** What the fixture holds, for assertions. */
export const SCIM_COUNTS = { users: 250, groups: 12, suspended: 12, inactive: 8 } as const;

const CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

/** mulberry32: a small seeded PRNG, so the fixture never depends on Math.random. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const FIRST_NAMES = [
  "Olivia",
  "Liam",
  "Emma",
  "Noah",
  "Ava",
  "Mateo",
  "Sophia",
  "Lucas",
  "Isabella",
  "Ethan",
  "Mia",
  "Aarav",
  "Amelia",
  "Wei",
  "Harper",
  "Kenji",
  "Evelyn",
  "Omar",
  "Abigail",
  "Santiago",
  "Emily",
  "Diego",
  "Elizabeth",
  "Arjun",
  "Sofia",
  "Hiroshi",
  "Chloe",
  "Tariq",
  "Grace",
  "Andrei",
  "Zoe",
  "Kwame",
  "Lily",
  "Rafael",
  "Hannah",
  "Jonas",
  "Nora",
  "Malik",
  "Aaliyah",
  "Henrik",
  "Priya",
  "Daniel",
  "Fatima",
  "Samuel",
  "Leah",
  "Ines",
  "Gabriel",
  "Yuki",
  "Julian",
  "Camila",
];
const LAST_NAMES = [
  "Smith",
  "Johnson",
  "Williams",
  "Brown",
  "Garcia",
  "Miller",
  "Davis",
  "Rodriguez",
  "Martinez",
  "Hernandez",
  "Lopez",
  "Gonzalez",
  "Wilson",
  "Anderson",
  "Thomas",
  "Taylor",
  "Moore",
  "Jackson",
  "Martin",
  "Lee",
  "Nguyen",
  "Patel",
  "Kim",
  "Chen",
  "Okafor",
  "Schmidt",
  "Rossi",
  "Kowalski",
  "Novak",
  "Tanaka",
  "Haddad",
  "Ivanova",
  "Andersson",
  "Dubois",
  "Silva",
  "Mensah",
  "Cohen",
  "Yamamoto",
  "Fischer",
  "Singh",
];

interface Department {
  name: string;
  code: string;
  division: string;
  titles: string[];
}

const DEPARTMENTS: Department[] = [
  {
    name: "Engineering",
    code: "ENG",
    division: "Research & Development",
    titles: [
      "Software Engineer",
      "Senior Software Engineer",
      "Staff Engineer",
      "Engineering Manager",
      "Site Reliability Engineer",
    ],
  },
  {
    name: "Product",
    code: "PRD",
    division: "Research & Development",
    titles: ["Product Manager", "Senior Product Manager", "Group Product Manager"],
  },
  {
    name: "Design",
    code: "DSN",
    division: "Research & Development",
    titles: ["Product Designer", "UX Researcher", "Design Manager"],
  },
  {
    name: "Sales",
    code: "SLS",
    division: "Go To Market",
    titles: [
      "Account Executive",
      "Sales Development Representative",
      "Sales Engineer",
      "Regional Sales Director",
    ],
  },
  {
    name: "Marketing",
    code: "MKT",
    division: "Go To Market",
    titles: ["Product Marketing Manager", "Content Strategist", "Demand Generation Manager"],
  },
  {
    name: "Customer Success",
    code: "CSM",
    division: "Go To Market",
    titles: ["Customer Success Manager", "Support Engineer", "Technical Account Manager"],
  },
  {
    name: "Finance",
    code: "FIN",
    division: "General & Administrative",
    titles: ["Financial Analyst", "Controller", "Accounts Payable Specialist"],
  },
  {
    name: "Legal",
    code: "LGL",
    division: "General & Administrative",
    titles: ["Corporate Counsel", "Paralegal", "Privacy Officer"],
  },
  {
    name: "People",
    code: "PPL",
    division: "General & Administrative",
    titles: ["People Partner", "Recruiter", "Talent Coordinator"],
  },
  {
    name: "IT",
    code: "ITS",
    division: "General & Administrative",
    titles: ["IT Administrator", "Security Engineer", "Help Desk Technician"],
  },
];
/** How many of every 100 users work in each department, in DEPARTMENTS order. */
const DEPARTMENT_WEIGHTS = [34, 8, 5, 16, 8, 11, 6, 3, 4, 5];

interface Office {
  street: string;
  locality: string;
  region: string;
  postalCode: string;
  country: string;
  timezone: string;
  locale: string;
  dialCode: string;
}

const OFFICES: Office[] = [
  {
    street: "548 Market Street, Suite 4200",
    locality: "San Francisco",
    region: "CA",
    postalCode: "94104",
    country: "US",
    timezone: "America/Los_Angeles",
    locale: "en-US",
    dialCode: "+1 415",
  },
  {
    street: "85 Broad Street, Floor 17",
    locality: "New York",
    region: "NY",
    postalCode: "10004",
    country: "US",
    timezone: "America/New_York",
    locale: "en-US",
    dialCode: "+1 212",
  },
  {
    street: "500 West 2nd Street, Suite 1900",
    locality: "Austin",
    region: "TX",
    postalCode: "78701",
    country: "US",
    timezone: "America/Chicago",
    locale: "en-US",
    dialCode: "+1 512",
  },
  {
    street: "1 Finsbury Avenue",
    locality: "London",
    region: "England",
    postalCode: "EC2M 2PF",
    country: "GB",
    timezone: "Europe/London",
    locale: "en-GB",
    dialCode: "+44 20",
  },
  {
    street: "Friedrichstraße 68",
    locality: "Berlin",
    region: "Berlin",
    postalCode: "10117",
    country: "DE",
    timezone: "Europe/Berlin",
    locale: "de-DE",
    dialCode: "+49 30",
  },
  {
    street: "120 Bremner Boulevard, Suite 1600",
    locality: "Toronto",
    region: "ON",
    postalCode: "M5J 0A8",
    country: "CA",
    timezone: "America/Toronto",
    locale: "en-CA",
    dialCode: "+1 416",
  },
];

const EXTRA_GROUPS = ["Okta Administrators", "People Managers"];

const BASE62 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

function oktaId(prefix: "00u" | "00g", random: () => number): string {
  let id = prefix;
  for (let i = 0; i < 17; i++) id += BASE62[Math.floor(random() * 62)];
  return id;
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function meta(resourceType: "User" | "Group", id: string, created: number, lastModified: number) {
  return {
    resourceType,
    created: iso(created),
    lastModified: iso(lastModified),
    location: `${SCIM_BASE}/${resourceType}s/${id}`,
  };
}

/** Indexes of `count` users in a state, spread over the whole list rather than bunched at one end. */
function spread(count: number, random: () => number, taken: Set<number>): Set<number> {
  const chosen = new Set<number>();
  const stride = SCIM_COUNTS.users / count;
  for (let k = 0; k < count; k++) {
    let index = Math.floor(k * stride + random() * stride);
    while (taken.has(index) || chosen.has(index)) index = (index + 1) % SCIM_COUNTS.users;
    chosen.add(index);
  }
  return chosen;
}

function departmentOf(index: number): number {
  let slot = (index * 37) % 100;
  for (const [d, weight] of DEPARTMENT_WEIGHTS.entries()) {
    if (slot < weight) return d;
    slot -= weight;
  }
  return 0;
}

/**
 * An emulator seed with one organization, "Acme", its Okta SAML connection, and an Okta SCIM v2.0 directory
 * of 250 users (12 suspended, 8 inactive) in 12 groups. One page of 100 users as WorkOS returns it is about
 * 124,000 o200k tokens pretty-printed and 92,000 as compact JSON.
 */
export function scimDirectorySeed(): Seed {
  const random = prng(0x5c1a_ac3e);
  const directoryCreated = EPOCH + 5 * DAY;

  const groupNames = [...DEPARTMENTS.map((d) => d.name), ...EXTRA_GROUPS];
  const groups: (SeedDirectoryGroup & { id: string; idp_id: string })[] = groupNames.map((name, g) => {
    const created = directoryCreated + DAY + g * 3_600_000;
    const updated = created + Math.floor(random() * 400) * DAY;
    const idpId = oktaId("00g", random);
    return {
      id: fixedId("directory_group", created, 9_100 + g),
      directory_id: SCIM_IDS.directory,
      idp_id: idpId,
      name,
      raw_attributes: {
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
        id: idpId,
        displayName: name,
      },
      created_at: iso(created),
      updated_at: iso(updated),
    };
  });

  const suspended = spread(SCIM_COUNTS.suspended, random, new Set());
  const inactive = spread(SCIM_COUNTS.inactive, random, suspended);
  const emails = new Set<string>();
  // The first user of each department heads it, and is everyone else's manager there.
  const heads = new Map<number, { idpId: string; name: string; email: string }>();
  const users: SeedDirectoryUser[] = [];
  const span = Date.UTC(2024, 9, 1) - (directoryCreated + 2 * DAY);

  for (let i = 0; i < SCIM_COUNTS.users; i++) {
    const first = pick(FIRST_NAMES, random);
    const last = pick(LAST_NAMES, random);
    const base = `${first}.${last}`.toLowerCase();
    let local = base;
    for (let n = 2; emails.has(local); n++) local = `${base}${n}`;
    emails.add(local);
    const email = `${local}@${DOMAIN}`;
    const d = departmentOf(i);
    const department = DEPARTMENTS[d] as Department;
    const head = heads.get(d);
    const title = head === undefined ? `Head of ${department.name}` : pick(department.titles, random);
    const office = pick(OFFICES, random);
    const idpId = oktaId("00u", random);
    const employeeNumber = String(100_000 + i * 7 + Math.floor(random() * 7));
    const costCenter = `${department.code}-${1000 + d * 10 + Math.floor(random() * 4)}`;
    const created = directoryCreated + 2 * DAY + Math.floor((span * i) / SCIM_COUNTS.users);
    const state = suspended.has(i) ? "suspended" : inactive.has(i) ? "inactive" : "active";
    const updated = created + (state === "active" ? 1 : 30 + Math.floor(random() * 200)) * DAY;
    const phone = `${office.dialCode} 555 ${String(1000 + Math.floor(random() * 9000))}`;
    const employmentType = random() < 0.08 ? "Contractor" : "Full-Time";
    const startDate = iso(created - Math.floor(random() * 20) * DAY).slice(0, 10);
    const memberOf = [groups[d] as (typeof groups)[number]];
    if (head === undefined) memberOf.push(groups[11] as (typeof groups)[number]);
    if (d === 9 && random() < 0.5) memberOf.push(groups[10] as (typeof groups)[number]);
    const isAdmin = memberOf.includes(groups[10] as (typeof groups)[number]);
    if (head === undefined) heads.set(d, { idpId, name: `${first} ${last}`, email });

    const rawAttributes = {
      schemas: [CORE_USER, ENTERPRISE_USER],
      id: idpId,
      userName: email,
      name: { givenName: first, familyName: last, formatted: `${first} ${last}` },
      displayName: `${first} ${last}`,
      title,
      locale: office.locale,
      timezone: office.timezone,
      active: state === "active",
      emails: [{ primary: true, type: "work", value: email }],
      phoneNumbers: [{ primary: true, type: "work", value: phone }],
      addresses: [
        {
          primary: true,
          type: "work",
          streetAddress: office.street,
          locality: office.locality,
          region: office.region,
          postalCode: office.postalCode,
          country: office.country,
          formatted: `${office.street}\n${office.locality}, ${office.region} ${office.postalCode}\n${office.country}`,
        },
      ],
      [ENTERPRISE_USER]: {
        employeeNumber,
        costCenter,
        organization: "Acme Corporation",
        division: department.division,
        department: department.name,
        ...(head === undefined
          ? {}
          : {
              manager: { value: head.idpId, displayName: head.name },
            }),
      },
      groups: memberOf.map((g) => ({ value: g.idp_id, display: g.name })),
      meta: meta("User", idpId, created, updated),
    };

    users.push({
      id: fixedId("directory_user", created, 10_000 + i),
      directory_id: SCIM_IDS.directory,
      idp_id: idpId,
      email,
      first_name: first,
      last_name: last,
      job_title: title,
      username: email,
      state,
      emails: [{ primary: true, type: "work", value: email }],
      raw_attributes: rawAttributes,
      custom_attributes: {
        department: department.name,
        job_title: title,
        employee_number: employeeNumber,
        cost_center: costCenter,
        division: department.division,
        employment_type: employmentType,
        manager_email: head?.email ?? null,
        office_location: office.locality,
        start_date: startDate,
      },
      role: { slug: isAdmin ? "admin" : "member" },
      roles: [{ slug: isAdmin ? "admin" : "member" }],
      groups: memberOf.map((g) => g.id),
      created_at: iso(created),
      updated_at: iso(updated),
    });
  }

  return {
    organizations: [
      {
        id: SCIM_IDS.organization,
        name: "Acme",
        domains: [
          { domain: DOMAIN, state: "verified" },
          { domain: "acmecorp.io", state: "pending" },
        ],
        external_id: "acme-corp",
        metadata: { plan: "enterprise", region: "us-west-2" },
        created_at: iso(EPOCH),
        updated_at: iso(EPOCH + 40 * DAY),
      },
    ],
    connections: [
      {
        id: SCIM_IDS.connection,
        organization_id: SCIM_IDS.organization,
        connection_type: "OktaSAML",
        name: "Acme Okta",
        state: "active",
        domains: [DOMAIN],
        created_at: iso(EPOCH + DAY),
        updated_at: iso(EPOCH + DAY),
      },
    ],
    directories: [
      {
        id: SCIM_IDS.directory,
        organization_id: SCIM_IDS.organization,
        external_key: EXTERNAL_KEY,
        type: "okta scim v2.0",
        state: "linked",
        name: "Acme Okta SCIM",
        domain: DOMAIN,
        created_at: iso(directoryCreated),
        updated_at: iso(directoryCreated),
      },
    ],
    directory_groups: groups,
    directory_users: users,
  };
}
