import { fixedId } from "./ids.js";
import type {
  Seed,
  SeedDirectoryGroup,
  SeedDirectoryUser,
  SeedEvent,
  SeedInvitation,
  SeedOrganizationMembership,
  SeedSession,
  SeedUser,
} from "./seed.js";

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
  users: {
    janeDoe: "user_01HM6WF540F4SJNGY8E215GH2N",
    bobSmith: "user_01HM6WGZQ08BBX9PDREP003YC1",
    priyaPatel: "user_01HM6WJTA0JYYSPTHE437NBE5P",
    carlosGarcia: "user_01HM6WMMX0ZMM9B8VXB2F6185V",
    zoeAhlberg: "user_01HM6WPFG0KWXXEGRP3KD2XHY2",
    joseNunez: "user_01HM6WRA30YNAWGWFH3Z2VEAF8",
    amaraOkafor: "user_01HM6WT4P06D1SQRXTNTQGAT8M",
    bjornLindqvist: "user_01HM6WVZ900E6SPP0XNDFF9W7H",
    hankScorpio: "user_01HM6WXSW000TH6J1GR2NN3Z1H",
    meiChen: "user_01HM6WZMF0ZG08ZSVJ1MGWDF90",
    weiZhang: "user_01HM6X1F204B2DHNG1ECPVDYDN",
    oliviaBrown: "user_01HM6X39N08NERHJHTCDYJSQEP",
  },
  organizationMemberships: {
    janeAcme: "om_01HM6X5480P97VK9A1Z8PYKE0S",
    bobAcme: "om_01HM6X6YV0EXWBK70P8E1ZYENZ",
    priyaAcme: "om_01HM6X8SE0FAWX7CN5YV2XCMX5",
    carlosAcme: "om_01HM6XAM10YDFCYPVQZWACB1EA",
    carlosGlobex: "om_01HM6XCEM01Y4SYNXANJDKXBBB",
    zoeFooCorp: "om_01HM6XE970VSQE3Q443J2CWM6W",
    joseFooCorp: "om_01HM6XG3T0VP2RFE77DCHK5XQB",
    amaraFooCorp: "om_01HM6XHYD032RZAJ6D4WH0CQFK",
    bjornFooCorp: "om_01HM6XKS00PVARD81JPMXGZDFP",
    hankGlobex: "om_01HM6XNKK0KNBHHY99VDY1DE41",
    meiGlobex: "om_01HM6XQE60VHKRSSPF7B6GCY43",
    weiGlobex: "om_01HM6XS8S0Q2NC8496YPSA6JN2",
  },
  invitations: {
    acmeNewHire: "invitation_01HM6XV3C08GP0EDC54TWWSDPH",
    fooCorpAmara: "invitation_01HM6XWXZ0TRQYB5PY4GXZ2Q6Y",
    globexExpired: "invitation_01HM6XYRJ0QK2PS0CHJ5P402VQ",
    acmeRevoked: "invitation_01HM6Y0K50B3JAYYK3BKBGCMFF",
    acmePriyaAccepted: "invitation_01HM6Y2DR00YMNGR2G35B0XNK9",
  },
  sessions: {
    janeLaptop: "session_01HM6Y48B0KRPHT6E7A2ZA3CZC",
    janePhone: "session_01HM6Y62Y0H938GR3SDZV40B7M",
    bobRevoked: "session_01HM6Y7XH0PXXNPN3234AX8R88",
    zoeLaptop: "session_01HM6Y9R40D63WXV6D53KQP9AC",
    meiLaptop: "session_01HM6YBJQ0MPFA4BTJAEDN5C8W",
    carlosLaptop: "session_01HM6YDDA0PN44EKZXMF5A64GV",
  },
  // Authorization (FGA): Foo Corp's Marketing workspace holds the Website project; the Mobile app stands alone.
  authorizationResources: {
    fooCorpMarketing: "authz_resource_01HM6Z1M40B8QK3VJ2XW7RDN5C",
    fooCorpWebsite: "authz_resource_01HM6Z3EQ0T9PAVGF8H4CMYZ6K",
    fooCorpMobile: "authz_resource_01HM6Z59A0E2WJQN7SBX3KTF1R",
  },
  roleAssignments: {
    joseWebsiteLead: "role_assignment_01HM6Z7430NF8DKV2QWB6XHJ9M",
  },
} as const;

/**
 * The team that signs in to a workos-mcp team server (issue 20): Foo Corp's people, each holding one of Foo Corp's
 * custom roles that grant the server's permissions.
 */
export const DEMO_MCP_TEAM = {
  organizationId: DEMO_IDS.organizations.fooCorp,
  reader: {
    userId: "user_01HM6G7A20DYPXBQRPQGNMGB6T",
    email: "nora.lindgren@foo-corp.com",
    membershipId: "om_01HM6GCSV0J8HTRP6EM5C2MZ1X",
    role: "org-mcp-reader",
    permissions: ["workos-mcp:read"],
  },
  editor: {
    userId: "user_01HM6G94N0366WFYHNVYF67P12",
    email: "tomas.ferreira@foo-corp.com",
    membershipId: "om_01HM6GEME0Q2Z11TMRYRYJ2B70",
    role: "org-mcp-editor",
    permissions: ["workos-mcp:read", "workos-mcp:write"],
  },
  admin: {
    userId: "user_01HM6GAZ80TAG0874G2RHS7TB6",
    email: "grace.okonkwo@foo-corp.com",
    membershipId: "om_01HM6GGF10YSK5AF53926HP29E",
    role: "org-mcp-admin",
    permissions: ["workos-mcp:read", "workos-mcp:write", "workos-mcp:delete"],
  },
} as const;

/** The secrets of the demo seed's API keys (an active organization key, an expired one, Priya Patel's key). */
export const DEMO_API_KEY_VALUES = {
  acmeReporting: "sk_demo_acme_reporting_8f3k2m9q",
  acmeExpired: "sk_demo_acme_expired_4t7w1z6p",
  priyaCli: "sk_demo_priya_cli_2h5n8r3v",
} as const;

/** A pending Standalone Connect sign-in, for POST /authkit/oauth2/complete. */
export const DEMO_EXTERNAL_AUTH_ID = "external_auth_01HM6YJX00DEMOCONNECT0000001";

/** The demo seed's MFA factors: Jane's authenticator app (its secret, to compute codes) and Bob's phone. */
export const DEMO_MFA = {
  janeTotp: "auth_factor_01HM6YF8W0JANETOTP0000000001",
  janeTotpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
  bobSms: "auth_factor_01HM6YH3F0BOBSMS00000000001",
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

// AuthKit: a dozen people across Acme, Foo Corp and Globex, as a support engineer meets them.
const U = DEMO_IDS.users;
const O = DEMO_IDS.organizations;
const DAY_MS = 86_400_000;
// Pending invitations and live sessions must still be open when the demo runs, so they expire from now.
const fromNow = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

/** The password Jane Doe, Carlos Garcia and Mei Chen sign in with (POST /user_management/authenticate). */
export const DEMO_PASSWORD = "emulator-demo-password";

const authkitUsers: SeedUser[] = [
  {
    id: U.janeDoe,
    password: DEMO_PASSWORD,
    email: "jane.doe@acme.com",
    first_name: "Jane",
    last_name: "Doe",
    last_sign_in_at: "2024-01-15T08:12:00.000Z",
  },
  {
    id: U.bobSmith,
    email: "bob.smith@acme.com",
    first_name: "Bob",
    last_name: "Smith",
    last_sign_in_at: "2024-01-10T16:40:00.000Z",
  },
  {
    id: U.priyaPatel,
    email: "priya.patel@acme.com",
    first_name: "Priya",
    last_name: "Patel",
    email_verified: false,
  },
  {
    id: U.carlosGarcia,
    password: DEMO_PASSWORD,
    email: "carlos.garcia@acme.com",
    first_name: "Carlos",
    last_name: "García",
    last_sign_in_at: "2024-01-14T11:05:00.000Z",
    external_id: "crm-4411",
  },
  {
    id: U.zoeAhlberg,
    email: "zoe.ahlberg@foo-corp.com",
    first_name: "Zoë",
    last_name: "Ahlberg",
    last_sign_in_at: "2024-01-15T07:55:00.000Z",
  },
  {
    id: U.joseNunez,
    email: "jose.nunez@foo-corp.com",
    first_name: "José",
    last_name: "Núñez",
    last_sign_in_at: "2024-01-12T09:30:00.000Z",
  },
  {
    id: U.amaraOkafor,
    email: "amara.okafor@foo-corp.com",
    first_name: "Amara",
    last_name: "Okafor",
    email_verified: false,
  },
  {
    id: U.bjornLindqvist,
    email: "bjorn.lindqvist@foo-corp.com",
    first_name: "Björn",
    last_name: "Lindqvist",
    external_id: "fc-1008",
    metadata: { plan_seat: "design" },
    last_sign_in_at: "2024-01-08T14:20:00.000Z",
  },
  {
    id: U.hankScorpio,
    email: "hank.scorpio@globex.com",
    first_name: "Hank",
    last_name: "Scorpio",
    last_sign_in_at: "2024-01-13T18:00:00.000Z",
  },
  {
    id: U.meiChen,
    password: DEMO_PASSWORD,
    email: "mei.chen@globex.com",
    first_name: "Mei",
    last_name: "Chen",
    last_sign_in_at: "2024-01-15T06:45:00.000Z",
  },
  {
    id: U.weiZhang,
    email: "wei.zhang@globex.com",
    first_name: "Wei",
    last_name: "Zhang",
    last_sign_in_at: "2023-11-02T10:00:00.000Z",
  },
  {
    id: U.oliviaBrown,
    email: "olivia.brown@gmail.com",
    first_name: "Olivia",
    last_name: "Brown",
    locale: "en-GB",
  },
];

const M = DEMO_IDS.organizationMemberships;
const member = (
  id: string,
  user_id: string,
  organization_id: string,
  role_slug: string,
  status?: SeedOrganizationMembership["status"],
): SeedOrganizationMembership => ({ id, user_id, organization_id, role_slug, ...(status ? { status } : {}) });

const memberships: SeedOrganizationMembership[] = [
  member(M.janeAcme, U.janeDoe, O.acme, "admin"),
  member(M.bobAcme, U.bobSmith, O.acme, "member", "inactive"),
  member(M.priyaAcme, U.priyaPatel, O.acme, "member"),
  member(M.carlosAcme, U.carlosGarcia, O.acme, "member"),
  member(M.carlosGlobex, U.carlosGarcia, O.globex, "member"),
  member(M.zoeFooCorp, U.zoeAhlberg, O.fooCorp, "admin"),
  member(M.joseFooCorp, U.joseNunez, O.fooCorp, "member"),
  member(M.amaraFooCorp, U.amaraOkafor, O.fooCorp, "member", "pending"),
  member(M.bjornFooCorp, U.bjornLindqvist, O.fooCorp, "member"),
  member(M.hankGlobex, U.hankScorpio, O.globex, "admin"),
  member(M.meiGlobex, U.meiChen, O.globex, "member"),
  member(M.weiGlobex, U.weiZhang, O.globex, "member", "inactive"),
];

const I = DEMO_IDS.invitations;
const invitations: SeedInvitation[] = [
  {
    id: I.acmeNewHire,
    email: "sam.rivera@acme.com",
    organization_id: O.acme,
    role_slug: "admin",
    inviter_user_id: U.janeDoe,
    expires_at: fromNow(5),
  },
  {
    id: I.fooCorpAmara,
    email: "amara.okafor@foo-corp.com",
    organization_id: O.fooCorp,
    inviter_user_id: U.zoeAhlberg,
    expires_at: fromNow(6),
  },
  {
    id: I.globexExpired,
    email: "lee.park@globex.com",
    organization_id: O.globex,
    inviter_user_id: U.hankScorpio,
    state: "expired",
    expires_at: "2024-01-12T09:00:00.000Z",
  },
  { id: I.acmeRevoked, email: "old.contractor@acme.com", organization_id: O.acme, state: "revoked" },
  {
    id: I.acmePriyaAccepted,
    email: "priya.patel@acme.com",
    organization_id: O.acme,
    inviter_user_id: U.janeDoe,
    state: "accepted",
  },
];

const S = DEMO_IDS.sessions;
const CHROME_MAC =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";
const sessions: SeedSession[] = [
  {
    id: S.janeLaptop,
    user_id: U.janeDoe,
    organization_id: O.acme,
    auth_method: "sso",
    ip_address: "198.51.100.42",
    user_agent: CHROME_MAC,
    expires_at: fromNow(14),
  },
  {
    id: S.janePhone,
    user_id: U.janeDoe,
    organization_id: O.acme,
    auth_method: "passkey",
    ip_address: "203.0.113.7",
    user_agent: IPHONE,
    expires_at: fromNow(20),
  },
  {
    id: S.bobRevoked,
    user_id: U.bobSmith,
    organization_id: O.acme,
    auth_method: "password",
    ip_address: "192.0.2.10",
    user_agent: CHROME_MAC,
    status: "revoked",
  },
  {
    id: S.zoeLaptop,
    user_id: U.zoeAhlberg,
    organization_id: O.fooCorp,
    auth_method: "sso",
    ip_address: "198.51.100.77",
    user_agent: CHROME_MAC,
    expires_at: fromNow(9),
  },
  {
    id: S.meiLaptop,
    user_id: U.meiChen,
    organization_id: O.globex,
    auth_method: "password",
    ip_address: "203.0.113.88",
    user_agent: CHROME_MAC,
    expires_at: fromNow(3),
  },
  {
    id: S.carlosLaptop,
    user_id: U.carlosGarcia,
    organization_id: O.acme,
    auth_method: "oauth",
    ip_address: "192.0.2.55",
    user_agent: CHROME_MAC,
    expires_at: fromNow(11),
  },
];

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
  // Updates carry what they changed, as WorkOS sends it: the old values in data.previous_attributes.
  ...[
    { user: acmeUsers[7], ago: "1d1h" },
    { user: acmeUsers[12], ago: "23h" },
    { user: fooCorpUsers[5], ago: "2h" },
  ].map(
    ({ user, ago }): SeedEvent => ({
      event: "dsync.user.updated",
      about: idOf(user),
      data: { previous_attributes: { state: "active" } },
      ago,
    }),
  ),
];

/**
 * The built-in seed: realistic organizations, connections of several types and states, directories, AuthKit
 * users with memberships, invitations and sessions, roles, and a recent event history.
 */
/**
 * DEMO_MCP_TEAM as seed entries with fixed ids and dates, a minute apart from 12:00 on the seed's day (after every
 * stamped object), so the rest of the seed keeps its stamps and ids; they are the newest of their lists.
 */
const mcpTeam = (() => {
  const at = (minute: number) => new Date(Date.UTC(2024, 0, 15, 12, minute)).toISOString();
  const people = [
    { ...DEMO_MCP_TEAM.reader, roleId: "role_01HM6FWAG0JFA57C6E9VDC2BQ1", name: ["Nora", "Lindgren"] },
    {
      ...DEMO_MCP_TEAM.editor,
      roleId: "role_01HM6FY530FCJ0R3NXQRS86G05",
      name: ["Tomas", "Ferreira"],
    },
    { ...DEMO_MCP_TEAM.admin, roleId: "role_01HM6FZZP09YJZ7P8C78A0FSPH", name: ["Grace", "Okonkwo"] },
  ] as const;
  const descriptions = {
    "org-mcp-reader": "workos-mcp: uses the tools that only read.",
    "org-mcp-editor": "workos-mcp: reads, and uses the tools that change things.",
    "org-mcp-admin": "workos-mcp: everything, deletes included (each still confirmed).",
  };
  const permissionIds = [
    "perm_01HM6G1T90RKS7WY9HXT4CQGTW",
    "perm_01HM6G3MW0ZZTE7ZPR25M79MMM",
    "perm_01HM6G5FF0PXB07BY0D8X3WF9C",
  ];
  return {
    roles: people.map((p, i) => ({
      id: p.roleId,
      slug: p.role,
      name: `MCP ${["Reader", "Editor", "Admin"][i]}`,
      description: descriptions[p.role],
      organization_id: DEMO_MCP_TEAM.organizationId,
      permissions: [...p.permissions],
      created_at: at(i),
    })),
    permissions: DEMO_MCP_TEAM.admin.permissions.map((slug, i) => ({
      id: permissionIds[i],
      slug,
      name: `workos-mcp: ${["read", "write", "delete"][i]}`,
      description: [
        "Call the workos-mcp tools that only read.",
        "Call the workos-mcp tools that change something.",
        "Call the workos-mcp tools that delete (still with confirmation).",
      ][i],
      created_at: at(3 + i),
    })),
    users: people.map((p, i) => ({
      id: p.userId,
      email: p.email,
      first_name: p.name[0],
      last_name: p.name[1],
      created_at: at(6 + i),
    })),
    memberships: people.map((p, i) => ({
      id: p.membershipId,
      user_id: p.userId,
      organization_id: DEMO_MCP_TEAM.organizationId,
      role_slug: p.role,
      created_at: at(9 + i),
    })),
  };
})();

/** Connect applications of the demo seed, named so its client secrets and authorizations can point at them. */
const CONNECT_APPS = {
  acmeDashboard: "conn_app_01HM692DV0PA26CG640DQD4FZT",
  globexPartnerPortal: "conn_app_01HM6948E05ANW5WK1VESBKKKZ",
  acmeNightlySync: "conn_app_01HM696310WT7G2HZBTP8GVE04",
};

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
      permissions: [
        "members:manage",
        "billing:manage",
        "settings:manage",
        "reports:read",
        "project:view",
        "project:edit",
      ],
    },
    {
      slug: "member",
      name: "Member",
      description: "Uses the product; no administration.",
      permissions: ["reports:read", "project:view"],
    },
    {
      slug: "org-billing-admin",
      name: "Billing Admin",
      description: "Acme's finance team: invoices and payment methods.",
      organization_id: DEMO_IDS.organizations.acme,
      permissions: ["billing:manage", "reports:read"],
    },
    {
      slug: "org-project-lead",
      name: "Project Lead",
      description: "Foo Corp: runs a project, down to deleting it.",
      organization_id: DEMO_IDS.organizations.fooCorp,
      resource_type_slug: "project",
      permissions: ["project:view", "project:edit", "project:delete"],
    },
    ...mcpTeam.roles,
  ],
  directory_groups: groups,
  directory_users: users,
  users: [...authkitUsers, ...mcpTeam.users],
  organization_memberships: [...memberships, ...mcpTeam.memberships],
  invitations,
  sessions,
  events: history,
  permissions: [
    {
      slug: "members:manage",
      name: "Manage members",
      description: "Invite, remove and change the roles of members.",
    },
    { slug: "billing:manage", name: "Manage billing", description: "Invoices, payment methods and plans." },
    { slug: "settings:manage", name: "Manage settings", description: "The organization's settings." },
    { slug: "reports:read", name: "Read reports", description: "View usage and activity reports." },
    // Project permissions: the organization roles' flow down to every project; a project role adds to one.
    { slug: "project:view", name: "View projects", resource_type_slug: "project" },
    { slug: "project:edit", name: "Edit projects", resource_type_slug: "project" },
    { slug: "project:delete", name: "Delete projects", resource_type_slug: "project" },
    ...mcpTeam.permissions,
  ],
  authorization_resources: [
    {
      id: DEMO_IDS.authorizationResources.fooCorpMarketing,
      organization_id: DEMO_IDS.organizations.fooCorp,
      resource_type_slug: "workspace",
      external_id: "ws-marketing",
      name: "Marketing",
    },
    {
      id: DEMO_IDS.authorizationResources.fooCorpWebsite,
      organization_id: DEMO_IDS.organizations.fooCorp,
      resource_type_slug: "project",
      external_id: "proj-website",
      name: "Website",
      description: "foo-corp.com and its landing pages.",
      parent_resource_id: DEMO_IDS.authorizationResources.fooCorpMarketing,
    },
    {
      id: DEMO_IDS.authorizationResources.fooCorpMobile,
      organization_id: DEMO_IDS.organizations.fooCorp,
      resource_type_slug: "project",
      external_id: "proj-mobile",
      name: "Mobile app",
    },
  ],
  // José, a member (so he views every project), leads the Website project.
  role_assignments: [
    {
      id: DEMO_IDS.roleAssignments.joseWebsiteLead,
      organization_membership_id: DEMO_IDS.organizationMemberships.joseFooCorp,
      role_slug: "org-project-lead",
      resource_id: DEMO_IDS.authorizationResources.fooCorpWebsite,
    },
  ],
  groups: [
    {
      organization_id: DEMO_IDS.organizations.acme,
      name: "Engineering",
      description: "Everyone who ships Acme's product.",
      members: [DEMO_IDS.organizationMemberships.janeAcme, DEMO_IDS.organizationMemberships.priyaAcme],
      // Engineering runs Acme's settings: the group holds Admin on Acme itself, and so each active member.
      role_assignments: [{ role_slug: "admin" }],
    },
    {
      organization_id: DEMO_IDS.organizations.acme,
      name: "Finance",
      description: null,
      members: [DEMO_IDS.organizationMemberships.bobAcme],
    },
    {
      organization_id: DEMO_IDS.organizations.globex,
      name: "Sales",
      members: [DEMO_IDS.organizationMemberships.hankGlobex, DEMO_IDS.organizationMemberships.meiGlobex],
    },
  ],
  connect_applications: [
    {
      id: CONNECT_APPS.acmeDashboard,
      name: "Acme Reporting Dashboard",
      application_type: "oauth",
      description: "Acme's own reporting app, signing in with AuthKit.",
      scopes: ["openid", "profile", "email"],
      redirect_uris: [{ uri: "https://reports.acme.com/callback", default: true }],
      uses_pkce: true,
      is_first_party: true,
    },
    {
      id: CONNECT_APPS.globexPartnerPortal,
      name: "Globex Partner Portal",
      application_type: "oauth",
      scopes: ["openid", "email"],
      redirect_uris: [{ uri: "https://partners.globex.com/oauth/callback" }],
      is_first_party: false,
      organization_id: DEMO_IDS.organizations.globex,
    },
    {
      id: CONNECT_APPS.acmeNightlySync,
      name: "Acme Nightly Sync",
      application_type: "m2m",
      description: "Machine-to-machine job that exports usage every night.",
      scopes: ["usage:read"],
      organization_id: DEMO_IDS.organizations.acme,
    },
  ],
  connect_application_secrets: [
    { application_id: CONNECT_APPS.acmeDashboard, secret: "demo_secret_acme_dashboard_Zq81" },
    { application_id: CONNECT_APPS.acmeNightlySync, secret: "demo_secret_acme_nightly_sync_W4m" },
  ],
  authorized_applications: [
    {
      application_id: CONNECT_APPS.acmeDashboard,
      user_id: DEMO_IDS.users.janeDoe,
      organization_id: DEMO_IDS.organizations.acme,
      granted_scopes: ["openid", "profile", "email"],
    },
    {
      application_id: CONNECT_APPS.globexPartnerPortal,
      user_id: DEMO_IDS.users.janeDoe,
      granted_scopes: ["openid", "email"],
      oauth_resource: "https://api.globex.com",
    },
    {
      application_id: CONNECT_APPS.acmeDashboard,
      user_id: DEMO_IDS.users.priyaPatel,
      organization_id: DEMO_IDS.organizations.acme,
      granted_scopes: ["openid", "profile"],
    },
  ],
  data_integrations: [
    {
      provider: "github",
      description: "Acme's engineers link GitHub to import repositories.",
      credentials: {
        type: "custom",
        client_id: "Iv1.8a61f9b3a7aba766",
        client_secret: "demo_github_client_secret_9f3c",
      },
      connected_accounts: [{ user_id: DEMO_IDS.users.janeDoe, organization_id: DEMO_IDS.organizations.acme }],
    },
    { provider: "slack", credentials: { type: "organization" } },
    {
      provider: "linear",
      auth_methods: ["api_key"],
      connected_accounts: [{ user_id: DEMO_IDS.users.hankScorpio, secret: "lin_api_demo_globex_5d2e" }],
    },
  ],
  agent_registrations: [
    {
      organization_id: DEMO_IDS.organizations.acme,
      status: "verified",
      kind: "service_auth",
      user_id: DEMO_IDS.users.janeDoe,
      api_key: "agent_key_demo_acme_support_bot_7Qx2",
      access_token: { value: "agent_at_demo_acme_support_bot_K3p9", audience: "https://api.acme.com" },
      claim: {
        claim_attempt_token: "cat_demo_claimed_acme_support_bot",
        user_code: "ACME-7QX2",
        claimed_at: "2024-01-15T09:30:00.000Z",
      },
    },
    {
      organization_id: DEMO_IDS.organizations.acme,
      kind: "anonymous",
      api_key: "agent_key_demo_unclaimed_research_agent_M8v4",
      claim: { claim_attempt_token: "cat_demo_open_research_agent", user_code: "WXYZ-4821" },
    },
  ],
  vault_objects: [
    {
      name: "acme-stripe-api-key",
      value: "sk_live_acme_51Hx9QeZvKYlo2C0aIm7t3nR",
      history: ["sk_live_acme_51Hx9QeZvKYlo2C0aOldKey01"],
      key_context: { organization_id: DEMO_IDS.organizations.acme },
    },
    {
      name: "globex-salesforce-refresh-token",
      value: "5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJrfn8B.ayh0Gz9",
      key_context: { organization_id: DEMO_IDS.organizations.globex },
    },
  ],
  // Mei Chen also signs in with Google.
  user_identities: [
    { user_id: DEMO_IDS.users.meiChen, provider: "GoogleOAuth", idp_id: "103948572615273849102" },
  ],
  // AuthKit configuration: where sign-in may return to (the first is the default).
  redirect_uris: [
    { uri: "http://localhost:3000/callback" },
    { uri: "https://app.example.com/auth/callback" },
  ],
  cors_origins: [{ origin: "http://localhost:3000" }, { origin: "https://app.example.com" }],
  // Custom claims in every access token.
  jwt_template: [
    {
      content:
        '{"urn:demo:email": {{user.email}}, "urn:demo:name": "{{user.first_name}} {{user.last_name}}", "urn:demo:organization": {{organization.name}}}',
    },
  ],
  // Disabled, so the demo sends nothing over the network; enable it (PATCH) to see deliveries fail and retry.
  webhook_endpoints: [
    {
      url: "https://example.com/workos/webhooks",
      secret: "whsec_demo_example_endpoint",
      events: ["organization.created", "organization.updated", "organization.deleted"],
      status: "disabled",
    },
  ],
  audit_log_actions: [
    {
      name: "user.signed_in",
      targets: [{ type: "user" }],
      actor: { metadata: { type: "object", properties: { role: { type: "string" } } } },
    },
    {
      name: "invoice.paid",
      targets: [{ type: "invoice", metadata: { type: "object", properties: { cost: { type: "number" } } } }],
      metadata: {
        type: "object",
        properties: { transactionId: { type: "string" } },
        required: ["transactionId"],
      },
    },
  ],
  audit_log_events: [
    {
      organization_id: DEMO_IDS.organizations.acme,
      action: "user.signed_in",
      occurred_at: "2024-01-16T10:00:00.000Z",
      actor: { id: DEMO_IDS.users.janeDoe, type: "user", name: "Jane Doe", metadata: { role: "admin" } },
      targets: [{ id: DEMO_IDS.users.janeDoe, type: "user", name: "Jane Doe" }],
      context: { location: "203.0.113.7", user_agent: "Mozilla/5.0" },
    },
    {
      organization_id: DEMO_IDS.organizations.acme,
      action: "invoice.paid",
      occurred_at: "2024-01-17T15:30:00.000Z",
      actor: { id: DEMO_IDS.users.bobSmith, type: "user", name: "Bob Smith" },
      targets: [{ id: "inv_2024_0042", type: "invoice", metadata: { cost: 1250 } }],
      context: { location: "198.51.100.23" },
      metadata: { transactionId: "txn_8842" },
    },
  ],
  api_keys: [
    {
      name: "Acme reporting export",
      organization_id: DEMO_IDS.organizations.acme,
      value: DEMO_API_KEY_VALUES.acmeReporting,
      permissions: ["reports:read"],
    },
    {
      name: "Acme old integration",
      organization_id: DEMO_IDS.organizations.acme,
      value: DEMO_API_KEY_VALUES.acmeExpired,
      expires_at: "2024-06-30T00:00:00.000Z",
    },
    {
      name: "Priya's CLI",
      organization_id: DEMO_IDS.organizations.acme,
      user_id: DEMO_IDS.users.priyaPatel,
      value: DEMO_API_KEY_VALUES.priyaCli,
      permissions: ["reports:read"],
    },
  ],
  feature_flags: [
    {
      slug: "advanced-analytics",
      description: "The analytics dashboard with cohorts and exports.",
      owner: { email: "pm@example.com", first_name: "Pat", last_name: "Morgan" },
      tags: ["beta"],
      targets: [DEMO_IDS.organizations.acme],
    },
    {
      slug: "new-onboarding",
      description: "The redesigned onboarding flow.",
      targets: [DEMO_IDS.users.zoeAhlberg],
    },
    { slug: "dark-mode", description: "Dark theme for everyone.", default_value: true },
    {
      slug: "legacy-export",
      description: "The old CSV export, switched off.",
      enabled: false,
      targets: [DEMO_IDS.organizations.globex],
    },
  ],
  authentication_factors: [
    {
      id: DEMO_MFA.janeTotp,
      type: "totp",
      user_id: DEMO_IDS.users.janeDoe,
      totp_issuer: "Acme",
      totp_user: "jane.doe@acme.com",
      totp_secret: DEMO_MFA.janeTotpSecret,
    },
    { id: DEMO_MFA.bobSms, type: "sms", user_id: DEMO_IDS.users.bobSmith, phone_number: "+15555550123" },
  ],
  radar_list_entries: [
    { type: "ip_address", action: "block", entry: "203.0.113.66" },
    { type: "domain", action: "block", entry: "mailinator.com" },
    { type: "email", action: "allow", entry: "ci-bot@acme.com" },
  ],
  external_auth_sessions: [
    {
      id: DEMO_EXTERNAL_AUTH_ID,
      redirect_uri: "https://auth.example.com/oauth2/callback",
      state: "demo-state",
    },
  ],
  audit_logs_retention: [{ organization_id: DEMO_IDS.organizations.acme, retention_period_in_days: 365 }],
};
