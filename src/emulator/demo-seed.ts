import { fixedId } from "./ids.js";
import type { Seed, SeedDirectoryGroup, SeedDirectoryUser, SeedEvent } from "./seed.js";

const EPOCH = Date.UTC(2024, 0, 15, 9, 0, 0);

/** Fixed ids of the demo seed, stable across runs so docs and tests can name them. */
export const DEMO_IDS = {
  organizations: {
    fooCorp: "org_01HM65JQM0KGF4CDAAQJA6QM5J",
    acme: "org_01HM65MJ70E0J7E51H3YVEKZR1",
    globex: "org_01HM65PCT09Q5Z7F44Q4KPETHN",
    initech: "org_01HM65R7D0WYJ9N9P1BK70PT2V",
    muellerSoehne: "org_01HM65T200RW4MVPZGSQDQMPMP",
    umbrella: "org_01HM65VWK0V2XXYXJK87T74Z83",
  },
  connections: {
    fooCorpOktaSaml: "conn_01HM65XQ60FYAQN6Z7PA2NQ03A",
    acmeAzureSaml: "conn_01HM65ZHS01PTX63ZSCC9F5732",
    acmeGoogleOAuth: "conn_01HM661CC025TWMCWGNE2ANZFN",
    globexGoogleSaml: "conn_01HM6636Z01G6JAFT2T2FDSN7P",
    initechOidc: "conn_01HM6651J08MV8JGA49K8MA5EE",
    muellerOneLogin: "conn_01HM666W50TH797NQW19XM397F",
    fooCorpLegacyAdfs: "conn_01HM668PR0PNFSA68FGE6FKKAS",
  },
  domains: {
    acmeCom: "org_domain_01HM65MJ70J7DB5M6FQJ3HD842",
    acmeIo: "org_domain_01HM65MJ70JGDXC9GEN3WCX19Y",
    globexCom: "org_domain_01HM65PCT0CDVR4V2X1V8AMK02",
  },
  directories: {
    fooCorpOkta: "directory_01HM66AHB0RFC9F8W2G737GR10",
    acmeGoogle: "directory_01HM66CBY0W58TFQR2WSRX4VC6",
    globexAzure: "directory_01HM66E6H0H4JAVN4V363MY5CC",
    initechBamboo: "directory_01HM66G14078VF8GGV2YNES07W",
  },
} as const;

const FIRST_NAMES = [
  "Zoë",
  "José",
  "Amara",
  "Björn",
  "Chloé",
  "Dmitri",
  "Elif",
  "Françoise",
  "Gabriel",
  "Hana",
  "Ibrahim",
  "Jürgen",
  "Kenji",
  "Łukasz",
  "Mei",
  "Nnamdi",
  "Olivia",
  "Priya",
  "Quentin",
  "Renée",
  "Søren",
  "Tomás",
  "Uma",
  "Valentina",
  "Wei",
  "Ximena",
  "Yusuf",
  "Zainab",
  "Aarav",
  "Beatriz",
  "Carlos",
  "Dagny",
];
const LAST_NAMES = [
  "Ahlberg",
  "Núñez",
  "Okafor",
  "Lindqvist",
  "Dubois",
  "Ivanov",
  "Yılmaz",
  "Lefèvre",
  "Silva",
  "Sato",
  "Haddad",
  "Müller",
  "Tanaka",
  "Kowalski",
  "Chen",
  "Eze",
  "Brown",
  "Patel",
  "Moreau",
  "Girard",
  "Jørgensen",
  "García",
  "Iyer",
  "Rossi",
  "Zhang",
  "Hernández",
  "Demir",
  "Bello",
  "Sharma",
  "Costa",
  "Mendes",
  "Berg",
];
const TITLES = [
  "Software Engineer",
  "Account Executive",
  "Support Specialist",
  "Product Manager",
  "Designer",
];

let tick = 17;
let serial = 100;
const nextId = (prefix: string): string => fixedId(prefix, EPOCH + 60_000 * tick++, serial++);

function ascii(value: string): string {
  return value
    .replace(/ł/g, "l")
    .replace(/Ł/g, "L")
    .replace(/ø/g, "o")
    .replace(/ı/g, "i")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

interface DirectoryPlan {
  directoryId: string;
  domain: string;
  users: number;
  groups: string[];
  idp: (n: number) => string;
  offset: number;
}

const PLANS: DirectoryPlan[] = [
  {
    directoryId: DEMO_IDS.directories.fooCorpOkta,
    domain: "foo-corp.com",
    users: 30,
    groups: ["Engineering", "Sales", "Support", "Admins"],
    idp: (n) => `00u${(1_000_000 + n * 7919).toString(36)}okta`,
    offset: 0,
  },
  {
    directoryId: DEMO_IDS.directories.acmeGoogle,
    domain: "acme.com",
    users: 20,
    groups: ["Engineering", "Marketing", "Finance"],
    idp: (n) => String(104_857_600_000_000_000_000n + BigInt(n * 104_729)),
    offset: 5,
  },
  {
    directoryId: DEMO_IDS.directories.globexAzure,
    domain: "globex.com",
    users: 6,
    groups: ["Research", "Operations"],
    idp: (n) => `a1b2c3d4-0000-4000-8000-${String(n).padStart(12, "0")}`,
    offset: 11,
  },
];

const groups: SeedDirectoryGroup[] = [];
const users: SeedDirectoryUser[] = [];

for (const plan of PLANS) {
  const groupIds = plan.groups.map((name, i) => {
    const id = nextId("directory_group");
    groups.push({ id, directory_id: plan.directoryId, idp_id: `grp-${plan.domain}-${i + 1}`, name });
    return id;
  });
  for (let n = 0; n < plan.users; n++) {
    const first = FIRST_NAMES[(n + plan.offset) % FIRST_NAMES.length] ?? "Alex";
    const last = LAST_NAMES[(n * 7 + plan.offset) % LAST_NAMES.length] ?? "Smith";
    const email = `${ascii(first)}.${ascii(last)}@${plan.domain}`;
    const isAdmin = n < 2;
    const member = groupIds.filter(
      (_, g) => n % groupIds.length === g || (isAdmin && g === groupIds.length - 1),
    );
    const title = TITLES[n % TITLES.length] ?? "Engineer";
    const state = n % 11 === 7 ? "suspended" : n % 7 === 5 ? "inactive" : "active";
    users.push({
      id: nextId("directory_user"),
      directory_id: plan.directoryId,
      idp_id: plan.idp(n + 1),
      email,
      first_name: first,
      last_name: last,
      job_title: title,
      username: email,
      state,
      raw_attributes: { userName: email, active: state === "active" },
      custom_attributes: { department: plan.groups[n % plan.groups.length] ?? "General", job_title: title },
      role: { slug: isAdmin ? "admin" : "member" },
      roles: [{ slug: isAdmin ? "admin" : "member" }],
      groups: member,
    });
  }
}

const usersOf = (directoryId: string) => users.filter((u) => u.directory_id === directoryId);
const acmeUsers = usersOf(DEMO_IDS.directories.acmeGoogle);
const fooCorpUsers = usersOf(DEMO_IDS.directories.fooCorpOkta);
const idOf = (user: SeedDirectoryUser | undefined): string => user?.id ?? "";

/**
 * A recent history, dated from when the emulator starts: yesterday's directory changes in Acme (a new hire, a
 * suspension, an offboarding), its SSO going live earlier in the week, and a change in Foo Corp this morning.
 */
const history: SeedEvent[] = [
  { event: "organization.updated", about: DEMO_IDS.organizations.acme, ago: "4d2h" },
  {
    event: "connection.activated",
    about: DEMO_IDS.connections.acmeAzureSaml,
    data: { external_key: "acme-entra-id" },
    ago: "3d5h",
  },
  { event: "dsync.user.created", about: idOf(acmeUsers[17]), ago: "1d3h" },
  { event: "dsync.user.updated", about: idOf(acmeUsers[7]), ago: "1d1h" },
  { event: "dsync.user.updated", about: idOf(acmeUsers[12]), ago: "23h" },
  { event: "dsync.user.updated", about: idOf(fooCorpUsers[5]), ago: "2h" },
];

/** The built-in seed: realistic organizations, connections of several types and states, and directories. */
export const demoSeed: Seed = {
  organizations: [
    {
      id: DEMO_IDS.organizations.fooCorp,
      name: "Foo Corp",
      domains: [{ domain: "foo-corp.com", state: "verified" }],
      external_id: "foo-corp",
      metadata: { tier: "enterprise", region: "us-east" },
    },
    {
      id: DEMO_IDS.organizations.acme,
      name: "Acme Inc",
      domains: [
        { id: DEMO_IDS.domains.acmeCom, domain: "acme.com", state: "verified" },
        { id: DEMO_IDS.domains.acmeIo, domain: "acme.io", state: "pending" },
      ],
      external_id: "acme",
      stripe_customer_id: "cus_NffrFeUfNV2Hib",
      metadata: { tier: "growth" },
    },
    {
      id: DEMO_IDS.organizations.globex,
      name: "Globex Corporation",
      domains: [{ id: DEMO_IDS.domains.globexCom, domain: "globex.com", state: "verified" }],
    },
    {
      id: DEMO_IDS.organizations.initech,
      name: "Initech",
      domains: [{ domain: "initech.com", state: "verified" }],
      external_id: "initech-001",
    },
    {
      id: DEMO_IDS.organizations.muellerSoehne,
      name: "Müller & Söhne GmbH",
      domains: [{ domain: "mueller-soehne.de", state: "verified" }],
      metadata: { country: "DE" },
    },
    {
      id: DEMO_IDS.organizations.umbrella,
      name: "Umbrella Health",
      domains: [{ domain: "umbrella-health.com", state: "pending" }],
    },
  ],
  connections: [
    {
      id: DEMO_IDS.connections.fooCorpOktaSaml,
      organization_id: DEMO_IDS.organizations.fooCorp,
      connection_type: "OktaSAML",
      name: "Foo Corp Okta",
      state: "active",
    },
    {
      id: DEMO_IDS.connections.acmeAzureSaml,
      organization_id: DEMO_IDS.organizations.acme,
      connection_type: "AzureSAML",
      name: "Acme Entra ID",
      state: "active",
    },
    {
      id: DEMO_IDS.connections.acmeGoogleOAuth,
      organization_id: DEMO_IDS.organizations.acme,
      connection_type: "GoogleOAuth",
      name: "Acme Google",
      state: "inactive",
    },
    {
      id: DEMO_IDS.connections.globexGoogleSaml,
      organization_id: DEMO_IDS.organizations.globex,
      connection_type: "GoogleSAML",
      name: "Globex Google Workspace",
      state: "validating",
    },
    {
      id: DEMO_IDS.connections.initechOidc,
      organization_id: DEMO_IDS.organizations.initech,
      connection_type: "GenericOIDC",
      name: "Initech OIDC",
      state: "draft",
    },
    {
      id: DEMO_IDS.connections.muellerOneLogin,
      organization_id: DEMO_IDS.organizations.muellerSoehne,
      connection_type: "OneLoginSAML",
      name: "Müller & Söhne OneLogin",
      state: "active",
    },
    {
      id: DEMO_IDS.connections.fooCorpLegacyAdfs,
      organization_id: DEMO_IDS.organizations.fooCorp,
      connection_type: "ADFSSAML",
      name: "Foo Corp ADFS (legacy)",
      state: "inactive",
    },
  ],
  directories: [
    {
      id: DEMO_IDS.directories.fooCorpOkta,
      organization_id: DEMO_IDS.organizations.fooCorp,
      type: "okta scim v2.0",
      state: "linked",
      name: "Foo Corp Okta SCIM",
      external_key: "Kd8fJ2mQp4Xz7Lw1",
    },
    {
      id: DEMO_IDS.directories.acmeGoogle,
      organization_id: DEMO_IDS.organizations.acme,
      type: "gsuite directory",
      state: "linked",
      name: "Acme Google Workspace",
      external_key: "Gw3nR8tYv6Bc2Hs9",
    },
    {
      id: DEMO_IDS.directories.globexAzure,
      organization_id: DEMO_IDS.organizations.globex,
      type: "azure scim v2.0",
      state: "validating",
      name: "Globex Entra ID",
      external_key: "Az5kP1qW7eT3yU8i",
    },
    {
      id: DEMO_IDS.directories.initechBamboo,
      organization_id: DEMO_IDS.organizations.initech,
      type: "bamboohr",
      state: "unlinked",
      name: "Initech BambooHR",
      external_key: "Bh9mN4bV2cX6zL0k",
    },
  ],
  roles: [
    {
      slug: "admin",
      name: "Admin",
      description: "Manages members, billing and settings.",
      permissions: ["members:manage", "billing:manage", "settings:manage", "reports:read"],
    },
    {
      slug: "member",
      name: "Member",
      description: "Uses the product; no administration.",
      permissions: ["reports:read"],
    },
    {
      slug: "org-billing-admin",
      name: "Billing Admin",
      description: "Acme's finance team: invoices and payment methods.",
      organization_id: DEMO_IDS.organizations.acme,
      permissions: ["billing:manage", "reports:read"],
    },
  ],
  directory_groups: groups,
  directory_users: users,
  events: history,
  webhook_endpoints: [],
};
