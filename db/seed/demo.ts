/**
 * The demo data set: two partners, their teams, plans and roles, and a few hundred customers with members,
 * connections, recipes and jobs, generated from a seeded PRNG so that the same `now` always gives the same rows.
 *
 * The plan definitions and the company-name vocabulary are exported: the large benchmark seed renders the same
 * ones in SQL, so both data sets look alike.
 */
import { inArray, sql } from "drizzle-orm";
import { hashPassword } from "../../lib/auth/password";
import { billingPeriodOf } from "../../lib/customers/billing-period";
import { FREE_PLAN, TRIAL_DAYS, TRIAL_TASK_LIMIT } from "../../lib/customers/plan-rules";
import { DAY_MS } from "../../lib/time";
import { WORKSPACE_PERMISSIONS } from "../../lib/workspace/permissions";
import { appCatalog } from "../catalog";
import type { Database, Transaction } from "../connection";
import {
  apps,
  connections,
  customerAppAccess,
  customerManagerCustomers,
  customerManagers,
  customerMembers,
  customers,
  environments,
  jobs,
  partnerMembers,
  partners,
  plans,
  projects,
  recipes,
  recipeVersions,
  roles,
  users,
} from "../schema";
import {
  DEMO_CUSTOMERS,
  DEMO_PARTNERS,
  DEMO_PASSWORD,
  DEMO_USERS,
  SYSTEM_ROLE_IDS,
  type DemoCustomerKey,
  type DemoPartnerKey,
  type DemoUserKey,
} from "./demo-users";
import { createRandom, type Random } from "./random";

// ─── Shared with the large seed ──────────────────────────────────────────────

export interface PlanDefinition {
  name: string;
  taskLimit: number;
  connectionLimit: number;
  /** Relative share of the partner's paying customers on this plan. */
  share: number;
}

export const STANDARD_PLANS: readonly PlanDefinition[] = [
  { name: "Starter", taskLimit: 1_000, connectionLimit: 5, share: 34 },
  { name: "Growth", taskLimit: 10_000, connectionLimit: 25, share: 30 },
  { name: "Business", taskLimit: 50_000, connectionLimit: 100, share: 20 },
  { name: "Enterprise", taskLimit: 250_000, connectionLimit: 500, share: 11 },
  { name: "Partner Plus", taskLimit: 1_000_000, connectionLimit: 2_000, share: 5 },
];

const GLOBEX_PLANS: readonly PlanDefinition[] = [
  { name: "Essentials", taskLimit: 2_000, connectionLimit: 10, share: 50 },
  { name: "Professional", taskLimit: 20_000, connectionLimit: 50, share: 35 },
  { name: "Scale", taskLimit: 100_000, connectionLimit: 250, share: 15 },
];

/** Every permission a workspace role can hold; `collaborators.manage` is decision D6's "Collaborator privileges". */
export { WORKSPACE_PERMISSIONS } from "../../lib/workspace/permissions";

export const COMPANY_WORDS = {
  adjective: [
    "Blue",
    "Summit",
    "Granite",
    "Harbor",
    "Pioneer",
    "Silver",
    "Evergreen",
    "Northstar",
    "Cedar",
    "Redwood",
    "Atlas",
    "Beacon",
    "Bright",
    "Coastal",
    "Copper",
    "Crescent",
    "Crystal",
    "Eagle",
    "Ember",
    "Falcon",
    "Frontier",
    "Golden",
    "Horizon",
    "Iron",
    "Keystone",
    "Lakeside",
    "Liberty",
    "Maple",
    "Meridian",
    "Midland",
    "Nova",
    "Oakmont",
    "Pacific",
    "Pinnacle",
    "Prairie",
    "Quantum",
    "Rapid",
    "Riverbend",
    "Sierra",
    "Sterling",
    "Sunrise",
    "Union",
    "Vertex",
    "Vista",
    "Willow",
    "Zenith",
    "Apex",
    "Canyon",
    "Delta",
    "Glacier",
    "Harvest",
    "Juniper",
    "Kestrel",
    "Lumen",
    "Mosaic",
    "Orbit",
    "Polar",
    "Sage",
    "Tidal",
    "Windward",
  ],
  noun: [
    "Ridge",
    "Peak",
    "Bay",
    "Point",
    "Creek",
    "Forge",
    "Field",
    "Gate",
    "Grove",
    "Hill",
    "Bridge",
    "Works",
    "Mill",
    "Path",
    "Stone",
    "Rock",
    "Wave",
    "Leaf",
    "Light",
    "Spring",
    "Crest",
    "Haven",
    "Hollow",
    "Lane",
    "Line",
    "Mark",
    "Port",
    "Shore",
    "Star",
    "Trail",
    "Vale",
    "Wood",
    "Yard",
    "Arc",
    "Bloom",
    "Cove",
    "Dale",
    "Edge",
    "Fern",
    "Pine",
  ],
  industry: [
    "Logistics",
    "Health",
    "Analytics",
    "Foods",
    "Systems",
    "Software",
    "Manufacturing",
    "Energy",
    "Capital",
    "Insurance",
    "Realty",
    "Retail",
    "Labs",
    "Robotics",
    "Dental",
    "Veterinary",
    "Media",
    "Apparel",
    "Outfitters",
    "Pharmacy",
    "Biotech",
    "Construction",
    "Solar",
    "Freight",
    "Hospitality",
    "Consulting",
    "Staffing",
    "Legal",
    "Marketing",
    "Security",
    "Networks",
    "Motors",
    "Aerospace",
    "Learning",
    "Fitness",
    "Clinics",
    "Travel",
    "Properties",
    "Financial",
    "Payments",
    "Telecom",
    "Farms",
    "Interiors",
    "Studios",
  ],
  surname: [
    "Hartley",
    "Brooks",
    "Whitman",
    "Calloway",
    "Ashford",
    "Bennett",
    "Caldwell",
    "Donovan",
    "Ellison",
    "Fairbanks",
    "Garrison",
    "Holloway",
    "Kensington",
    "Langley",
    "Mercer",
    "Prescott",
    "Radcliffe",
    "Sinclair",
    "Thornton",
    "Wexford",
    "Abbott",
    "Barlow",
    "Carver",
    "Dalton",
    "Easton",
    "Fletcher",
    "Griffin",
    "Hayes",
    "Ingram",
    "Jensen",
    "Keller",
    "Lowell",
    "Marsh",
    "Norris",
    "Osborne",
    "Porter",
    "Quinlan",
    "Reyes",
    "Sutton",
    "Tate",
  ],
  suffix: ["Inc.", "LLC", "Group", "Co.", "Partners", "Holdings", "Ltd."],
} as const;
export type CompanyWordList = keyof typeof COMPANY_WORDS;

export type CompanyNamePart = { text: string } | { list: CompanyWordList; lowerCase: boolean };

/** How demo company names are put together, as data so that the large seed can render the same shapes in SQL. */
export const COMPANY_NAME_PATTERNS: readonly { weight: number; parts: readonly CompanyNamePart[] }[] = [
  "{adjective} {noun} {industry}|40",
  "{adjective}{noun:lower} {suffix}|20",
  "{surname} {industry}|20",
  "{surname} & {surname}|10",
  "{adjective} {industry} {suffix}|10",
].map((line) => {
  const [template, weight] = line.split("|") as [string, string];
  const parts: CompanyNamePart[] = template.split(/(\{[a-z]+(?::lower)?\})/).flatMap((piece): CompanyNamePart[] => {
    const placeholder = /^\{([a-z]+)(:lower)?\}$/.exec(piece);
    if (!placeholder) return piece ? [{ text: piece }] : [];
    return [{ list: placeholder[1] as CompanyWordList, lowerCase: placeholder[2] !== undefined }];
  });
  return { weight: Number(weight), parts };
});

// ─── Demo-only vocabulary ────────────────────────────────────────────────────

const FIRST_NAMES = [
  "Olivia",
  "Liam",
  "Emma",
  "Noah",
  "Ava",
  "Ethan",
  "Sophia",
  "Mason",
  "Isabella",
  "Lucas",
  "Mia",
  "Logan",
  "Amelia",
  "James",
  "Harper",
  "Elijah",
  "Evelyn",
  "Aiden",
  "Abigail",
  "Jackson",
  "Emily",
  "Mateo",
  "Ella",
  "Daniel",
  "Chloe",
  "Henry",
  "Priya",
  "Arjun",
  "Mei",
  "Hiroshi",
  "Fatima",
  "Omar",
  "Sofia",
  "Diego",
  "Zara",
  "Kwame",
  "Ingrid",
  "Lars",
  "Nadia",
  "Ravi",
  "Leah",
  "Owen",
  "Grace",
  "Caleb",
  "Nora",
  "Isaac",
  "Layla",
  "Julian",
];
const LAST_NAMES = [
  "Smith",
  "Johnson",
  "Williams",
  "Brown",
  "Jones",
  "Garcia",
  "Miller",
  "Davis",
  "Rodriguez",
  "Martinez",
  "Hernandez",
  "Lopez",
  "Wilson",
  "Anderson",
  "Thomas",
  "Taylor",
  "Moore",
  "Jackson",
  "Martin",
  "Lee",
  "Thompson",
  "White",
  "Harris",
  "Clark",
  "Lewis",
  "Robinson",
  "Walker",
  "Young",
  "Allen",
  "King",
  "Wright",
  "Scott",
  "Torres",
  "Nguyen",
  "Hill",
  "Flores",
  "Green",
  "Adams",
  "Nelson",
  "Baker",
  "Hall",
  "Rivera",
  "Campbell",
  "Mitchell",
  "Carter",
  "Roberts",
  "Kim",
  "Chen",
  "Patel",
  "Singh",
  "Kowalski",
  "Novak",
  "Larsen",
  "Okafor",
  "Tanaka",
];
const TIME_ZONES = [
  "UTC",
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
  "Europe/London",
  "Europe/Berlin",
  "Europe/Paris",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Australia/Sydney",
];
const NOTIFICATION_MAILBOXES = ["ops", "it", "admin", "integrations", "alerts", "sysadmin", "automation"];
const PROJECT_NAMES = [
  "Sales operations",
  "Finance automation",
  "Customer support",
  "HR onboarding",
  "Marketing ops",
  "Data sync",
  "IT automation",
  "Order to cash",
  "Procure to pay",
  "Partner portal",
];
const TWO_APP_RECIPES = [
  "Sync new {a} accounts to {b}",
  "Create {b} records from {a} updates",
  "Post new {a} tickets to {b}",
  "Send {a} invoices to {b}",
  "Mirror {a} contacts in {b}",
  "Notify {b} when {a} deals close",
  "Push {a} orders into {b}",
  "Copy {a} attachments to {b}",
];
const ONE_APP_RECIPES = ["Nightly {a} export", "Clean up duplicate {a} records", "Archive closed {a} items", "Weekly {a} usage report"];
const VERSION_COMMENTS = [
  "Map custom fields",
  "Add error handling",
  "Change schedule to hourly",
  "Skip test records",
  "Retry on rate limit",
  "Update field mappings",
  "",
];

// ─── Time ────────────────────────────────────────────────────────────────────

const JOB_HISTORY_DAYS = 90;
/** Keeps the seed at a few tens of thousands of jobs: big plans show low usage rather than millions of rows. */
const MONTHLY_TASK_CAP = 1_500;

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - Math.round(days * DAY_MS));
}

function between(rng: Random, from: Date, to: Date): Date {
  const span = Math.max(0, to.getTime() - from.getTime());
  return new Date(from.getTime() + Math.floor(rng.next() * span));
}

function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

/** A time in [from, to], most often near `from`: teams set most things up in their first weeks. */
function soonAfter(rng: Random, from: Date, to: Date): Date {
  return between(rng, from, between(rng, from, to));
}

// ─── Blueprint: everything decided in memory before the first insert ────────

type CustomerStatus = "active" | "trial" | "expiredTrial" | "free";
type EnvironmentType = (typeof environments.$inferInsert)["type"];
type ActorType = NonNullable<(typeof recipeVersions.$inferInsert)["modifiedAs"]>;

const DEMO_STATUS_MIX: readonly (readonly [CustomerStatus, number])[] = [
  ["active", 0.7],
  ["trial", 0.15],
  ["expiredTrial", 0.08],
  ["free", 0.07],
];

/** A user who is either one of the fixed demo sign-ins or a generated customer user (index into the blueprint). */
type UserRef = { demo: DemoUserKey } | { generated: number };

/** Someone who can edit in a workspace, in which capacity, and since when (nobody edits before joining). */
interface Editor {
  user: UserRef;
  as: ActorType;
  since: Date;
}

/** Morgan became a customer manager this many days before `now`. */
const MANAGER_SINCE_DAYS = 200;

interface CatalogEntry {
  id: number;
  slug: string;
  name: string;
  popularity: number;
}

interface GeneratedUser {
  name: string;
  email: string;
  createdAt: Date;
}

interface MemberBlueprint {
  user: UserRef;
  roleId: number;
  timeZone: string;
  createdAt: Date;
  /** Whether this member may edit recipes, so that "Modified by" only names people who could. */
  canEdit: boolean;
}

interface RecipeBlueprint {
  name: string;
  projectIndex: number;
  status: "running" | "stopped";
  createdAt: Date;
  updatedAt: Date;
  versions: {
    version: number;
    modifiedBy: UserRef;
    modifiedAs: ActorType;
    comment: string;
    code: Record<string, unknown>;
    createdAt: Date;
  }[];
  jobs: { status: "succeeded" | "failed"; tasksUsed: number; startedAt: Date }[];
}

interface CustomerBlueprint {
  partner: DemoPartnerKey;
  demoKey: DemoCustomerKey | null;
  name: string;
  externalId: string | null;
  notificationEmail: string;
  planName: string;
  trialEndsAt: Date | null;
  iframeOrigins: string[];
  selectedAppIds: number[] | null;
  createdAt: Date;
  usagePeriod: string;
  members: MemberBlueprint[];
  projects: { name: string; environment: EnvironmentType; createdAt: Date }[];
  connections: { appId: number; name: string; authenticated: boolean; createdBy: UserRef; createdAt: Date }[];
  recipes: RecipeBlueprint[];
}

interface PartnerBlueprint {
  key: DemoPartnerKey;
  createdAt: Date;
  plans: readonly PlanDefinition[];
  customerCount: number;
  externalIdFormats: readonly ((rng: Random) => string)[];
}

const PARTNER_BLUEPRINTS: readonly Omit<PartnerBlueprint, "createdAt">[] = [
  {
    key: "acme",
    plans: STANDARD_PLANS,
    customerCount: 300,
    externalIdFormats: [
      (rng) => `A${rng.int(1000, 9999)}`,
      (rng) => `CRM-${String(rng.int(1, 99_999)).padStart(5, "0")}`,
      (rng) => `ACCT-${rng.int(100_000, 999_999)}`,
    ],
  },
  {
    key: "globex",
    plans: GLOBEX_PLANS,
    customerCount: 25,
    externalIdFormats: [(rng) => `GX-${String(rng.int(1, 9_999)).padStart(4, "0")}`],
  },
];

/** Exact counts per status (largest remainders), so that a small partner still gets every status. */
function allocate<T>(total: number, mix: readonly (readonly [T, number])[]): T[] {
  const exact = mix.map(([value, share]) => ({ value, exact: total * share, count: Math.floor(total * share) }));
  let left = total - exact.reduce((sum, entry) => sum + entry.count, 0);
  for (const entry of exact.slice().sort((a, b) => (b.exact % 1) - (a.exact % 1))) {
    if (left-- <= 0) break;
    entry.count++;
  }
  return exact.flatMap((entry) => Array.from({ length: entry.count }, () => entry.value));
}

/** Weighted sampling without replacement: popular apps are connected more often. */
function pickApps(rng: Random, pool: readonly CatalogEntry[], count: number): CatalogEntry[] {
  const remaining = pool.slice();
  const chosen: CatalogEntry[] = [];
  while (chosen.length < count && remaining.length > 0) {
    const app = rng.weighted(remaining.map((entry) => [entry, entry.popularity] as const));
    chosen.push(app);
    remaining.splice(remaining.indexOf(app), 1);
  }
  return chosen;
}

function renderCompanyName(rng: Random): string {
  const pattern = rng.weighted(COMPANY_NAME_PATTERNS.map((p) => [p, p.weight] as const));
  return pattern.parts
    .map((part) => {
      if ("text" in part) return part.text;
      const word = rng.pick(COMPANY_WORDS[part.list]);
      return part.lowerCase ? word.toLowerCase() : word;
    })
    .join("");
}

const SUFFIX_WORDS = new Set(COMPANY_WORDS.suffix.map((suffix) => suffix.replace(/\W/g, "").toLowerCase()));

/** "Granite Ridge Logistics" → "graniteridge": the first two meaningful words, as people shorten them. */
function companyDomain(name: string): string {
  const words = name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word && !SUFFIX_WORDS.has(word));
  return words.slice(0, 2).join("");
}

class BlueprintBuilder {
  readonly users: GeneratedUser[] = [];
  readonly customers: CustomerBlueprint[] = [];
  private readonly names = new Set<string>();
  private readonly domains = new Set<string>(["acme", "globex"]);

  constructor(
    private readonly now: Date,
    private readonly catalog: readonly CatalogEntry[],
  ) {
    for (const customer of Object.values(DEMO_CUSTOMERS)) {
      this.names.add(customer.name.toLowerCase());
      this.domains.add(customer.domain);
    }
  }

  addPartner(partner: PartnerBlueprint, rng: Random): void {
    const named = partner.key === "acme" ? (Object.keys(DEMO_CUSTOMERS) as DemoCustomerKey[]) : [];
    const statuses = rng.shuffle(allocate(partner.customerCount, DEMO_STATUS_MIX));
    // The named customers are active: take their places out of the active share.
    for (let i = 0; i < named.length; i++) statuses.splice(statuses.indexOf("active"), 1);

    const externalIds = new Set<string>(named.flatMap((key) => DEMO_CUSTOMERS[key].externalId ?? []));
    named.forEach((key, index) => this.addCustomer(partner, key, "active", rng.fork(`named/${index}`), externalIds));
    statuses.forEach((status, index) => this.addCustomer(partner, null, status, rng.fork(`customer/${index}`), externalIds));
  }

  private addCustomer(partner: PartnerBlueprint, demoKey: DemoCustomerKey | null, status: CustomerStatus, rng: Random, externalIds: Set<string>): void {
    const { now } = this;
    const demo = demoKey ? DEMO_CUSTOMERS[demoKey] : null;
    const name = demo?.name ?? this.uniqueName(rng);
    const domain = demo?.domain ?? this.uniqueDomain(name);

    let externalId: string | null = demo ? demo.externalId : null;
    if (!demo && rng.chance(0.6)) {
      do externalId = rng.pick(partner.externalIdFormats)(rng);
      while (externalIds.has(externalId));
      externalIds.add(externalId);
    }

    const paidPlan = (): string => rng.weighted(partner.plans.map((plan) => [plan.name, plan.share] as const));
    let planName: string;
    let trialEndsAt: Date | null = null;
    let createdAt: Date;
    switch (status) {
      case "active":
        planName = demo?.plan ?? paidPlan();
        createdAt = demo ? daysBefore(now, rng.float(400, 700)) : daysBefore(now, rng.float(1, 730));
        break;
      case "trial":
        // Trials are tried on the smaller paid plans and started within the last 30 days.
        planName = rng.pick(partner.plans.slice(0, 3)).name;
        trialEndsAt = daysBefore(now, -rng.float(1, TRIAL_DAYS));
        createdAt = daysBefore(trialEndsAt, TRIAL_DAYS);
        break;
      case "expiredTrial":
        // Downgraded to Free when the trial ended (rule U21).
        planName = FREE_PLAN.name;
        createdAt = daysBefore(now, rng.float(TRIAL_DAYS + 1, 400));
        trialEndsAt = daysBefore(createdAt, -TRIAL_DAYS);
        break;
      case "free":
        planName = FREE_PLAN.name;
        createdAt = daysBefore(now, rng.float(60, 730));
        break;
    }
    const plan = partner.plans.find((p) => p.name === planName) ?? FREE_PLAN;
    const taskLimit = trialEndsAt && trialEndsAt > now ? TRIAL_TASK_LIMIT : plan.taskLimit;

    const partnerHost = new URL(DEMO_PARTNERS[partner.key].iframeOrigins[0]!).hostname.replace(/^app\./, "");
    const iframeOrigins = !demo && rng.chance(0.08) ? [`https://${domain}.${partnerHost}`] : [];
    if (iframeOrigins.length > 0 && rng.chance(0.3)) iframeOrigins.push(`https://${domain}-eu.${partnerHost}`);

    const selectedApps = !demo && rng.chance(0.03) ? pickApps(rng, this.catalog, rng.int(4, 12)) : null;
    const appPool = selectedApps ?? this.catalog;

    const members = this.members(rng, demoKey, domain, createdAt);
    const editors = this.editors(demoKey, members);
    const projects = this.projects(rng, createdAt);
    const connections = this.connections(rng, appPool, plan.connectionLimit, editors, createdAt, !!demo);
    const recipes = this.recipes(rng, connections, projects.length, editors, createdAt, taskLimit, !!demo);

    this.customers.push({
      partner: partner.key,
      demoKey,
      name,
      externalId,
      notificationEmail: `${rng.pick(NOTIFICATION_MAILBOXES)}@${domain}.example`,
      planName,
      trialEndsAt,
      iframeOrigins,
      selectedAppIds: selectedApps?.map((app) => app.id) ?? null,
      createdAt,
      usagePeriod: initialUsagePeriod(recipes, now),
      members,
      projects,
      connections: connections.map(({ app: _app, ...connection }) => connection),
      recipes,
    });
  }

  private uniqueName(rng: Random): string {
    for (;;) {
      const name = renderCompanyName(rng);
      if (!this.names.has(name.toLowerCase())) {
        this.names.add(name.toLowerCase());
        return name;
      }
    }
  }

  private uniqueDomain(name: string): string {
    const base = companyDomain(name);
    let domain = base;
    for (let n = 2; this.domains.has(domain); n++) domain = `${base}${n}`;
    this.domains.add(domain);
    return domain;
  }

  private members(rng: Random, demoKey: DemoCustomerKey | null, domain: string, customerCreatedAt: Date): MemberBlueprint[] {
    const members: MemberBlueprint[] = [];
    const emails = new Set<string>();
    const collaborator = DEMO_USERS.customerCollaborator;
    const manager = DEMO_USERS.acmeManager;
    if (demoKey === collaborator.customer) {
      members.push(this.member(rng, { demo: "customerCollaborator" }, collaborator.roleId, customerCreatedAt));
    }
    if (demoKey === manager.directMembership.customer) {
      // Also covered as a customer manager with another role: the direct role must win (rule C12).
      const invitedAt = between(rng, customerCreatedAt, this.now);
      members.push(this.member(rng, { demo: "acmeManager" }, manager.directMembership.roleId, invitedAt));
    }
    const count = rng.weighted([
      [1, 40],
      [2, 35],
      [3, 25],
    ] as const);
    while (members.filter((m) => "generated" in m.user).length < count) {
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      const email = `${first}.${last}@${domain}.example`.toLowerCase();
      if (emails.has(email)) continue;
      emails.add(email);
      // Every workspace has an Admin: whoever opened it, joining with it. The others follow within a month.
      const opener = !members.some((m) => m.roleId === SYSTEM_ROLE_IDS.admin);
      const roleId = opener
        ? SYSTEM_ROLE_IDS.admin
        : rng.weighted([
            [SYSTEM_ROLE_IDS.admin, 20],
            [SYSTEM_ROLE_IDS.operator, 45],
            [SYSTEM_ROLE_IDS.analyst, 35],
          ] as const);
      const createdAt = opener ? customerCreatedAt : between(rng, customerCreatedAt, minDate(daysBefore(customerCreatedAt, -30), this.now));
      this.users.push({ name: `${first} ${last}`, email, createdAt });
      members.push(this.member(rng, { generated: this.users.length - 1 }, roleId, createdAt));
    }
    return members;
  }

  private member(rng: Random, user: UserRef, roleId: number, createdAt: Date): MemberBlueprint {
    return {
      user,
      roleId,
      timeZone: rng.pick(TIME_ZONES),
      createdAt,
      canEdit: roleId === SYSTEM_ROLE_IDS.admin,
    };
  }

  /**
   * Who creates connections and edits recipes: the workspace's Admins, plus Morgan where only the manager role
   * (Admin) applies, so that "Modified by" shows a customer manager's work (rule C8). Where Morgan is also
   * invited directly as an Operator, that role wins (rule C12) and Operators do not edit.
   */
  private editors(demoKey: DemoCustomerKey | null, members: readonly MemberBlueprint[]): Editor[] {
    const editors: Editor[] = members
      .filter((member) => member.canEdit)
      .map((member) => ({ user: member.user, as: "customer_collaborator", since: member.createdAt }));
    const manager = DEMO_USERS.acmeManager;
    const managed = demoKey !== null && (manager.manages as readonly DemoCustomerKey[]).includes(demoKey);
    if (managed && demoKey !== manager.directMembership.customer) {
      const since = daysBefore(this.now, MANAGER_SINCE_DAYS);
      editors.push({ user: { demo: "acmeManager" }, as: "customer_manager", since });
    }
    return editors;
  }

  private projects(rng: Random, customerCreatedAt: Date): CustomerBlueprint["projects"] {
    const names = rng.sample(PROJECT_NAMES, rng.int(1, 3));
    const projects = names.map((name) => ({
      name,
      environment: "development" as EnvironmentType,
      createdAt: between(rng, customerCreatedAt, minDate(daysBefore(customerCreatedAt, -14), this.now)),
    }));
    // The first project is deployed: it also exists in production, as environments mirror projects.
    const first = projects[0]!;
    projects.push({ ...first, environment: "production", createdAt: between(rng, first.createdAt, this.now) });
    return projects;
  }

  private connections(
    rng: Random,
    pool: readonly CatalogEntry[],
    connectionLimit: number,
    editors: readonly Editor[],
    customerCreatedAt: Date,
    busy: boolean,
  ): (CustomerBlueprint["connections"][number] & { app: CatalogEntry })[] {
    const wanted = busy
      ? rng.int(3, 8)
      : rng.weighted([
          [0, 10],
          [rng.int(1, 2), 25],
          [rng.int(3, 5), 40],
          [rng.int(6, 8), 25],
        ] as const);
    const count = Math.min(wanted, connectionLimit, pool.length);
    const chosen = pickApps(rng, pool, count);
    // Some teams keep a second, sandbox connection to their main app; "top five apps" counts it (rule U6).
    if (chosen.length > 0 && chosen.length < connectionLimit && rng.chance(0.1)) chosen.push(chosen[0]!);
    const seen = new Set<number>();
    return chosen.map((app) => {
      const sandbox = seen.has(app.id);
      seen.add(app.id);
      const createdAt = soonAfter(rng, customerCreatedAt, this.now);
      const name = sandbox
        ? `${app.name} (sandbox)`
        : rng.weighted([
            [app.name, 3],
            [`${app.name} production`, 1],
            [`My ${app.name} account`, 1],
          ] as const);
      return {
        app,
        appId: app.id,
        name,
        authenticated: rng.chance(0.88),
        createdBy: pickEditor(rng, editors, createdAt).user,
        createdAt,
      };
    });
  }

  private recipes(
    rng: Random,
    connections: readonly { app: CatalogEntry; createdAt: Date }[],
    projectCount: number,
    editors: readonly Editor[],
    customerCreatedAt: Date,
    taskLimit: number,
    busy: boolean,
  ): RecipeBlueprint[] {
    if (connections.length === 0) return [];
    const count = busy
      ? rng.int(2, 6)
      : rng.weighted([
          [0, 15],
          [rng.int(1, 2), 35],
          [rng.int(3, 4), 30],
          [rng.int(5, 6), 20],
        ] as const);
    const names = new Set<string>();
    const result: RecipeBlueprint[] = [];
    for (let i = 0; i < count; i++) {
      const from = rng.pick(connections);
      const others = connections.filter((connection) => connection.app.id !== from.app.id);
      const to = others.length > 0 ? rng.pick(others) : null;
      const [a, b] = [from.app, to?.app ?? null];
      let name = (b ? rng.pick(TWO_APP_RECIPES) : rng.pick(ONE_APP_RECIPES)).replace("{a}", a.name).replace("{b}", b?.name ?? "");
      for (let n = 2; names.has(name); n++) name = `${name.replace(/ \(\d+\)$/, "")} (${n})`;
      names.add(name);

      // A recipe is built once the connections it uses exist.
      const connected = to ? maxDate(from.createdAt, to.createdAt) : from.createdAt;
      const createdAt = soonAfter(rng, maxDate(customerCreatedAt, connected), this.now);
      const status = rng.chance(busy ? 0.8 : 0.65) ? "running" : "stopped";
      const versionTimes = Array.from({ length: rng.int(1, 4) - 1 }, () => between(rng, createdAt, this.now)).sort((x, y) => x.getTime() - y.getTime());
      versionTimes.unshift(createdAt);
      const versions = versionTimes.map((time, index) => {
        const editor = pickEditor(rng, editors, time);
        return {
          version: index + 1,
          modifiedBy: editor.user,
          modifiedAs: editor.as,
          comment: index === 0 ? "Initial version" : rng.pick(VERSION_COMMENTS),
          code: {
            trigger: { app: a.slug, event: "new_or_updated_record" },
            actions: [{ app: (b ?? a).slug, action: b ? "upsert_record" : "export_records" }],
          },
          createdAt: time,
        };
      });
      const lastEdit = versionTimes[versionTimes.length - 1]!;
      const stoppedAt = status === "stopped" ? between(rng, lastEdit, this.now) : null;
      result.push({
        name,
        projectIndex: rng.int(0, projectCount - 1),
        status,
        createdAt,
        updatedAt: stoppedAt ?? lastEdit,
        versions,
        jobs: [],
      });
    }
    this.planJobs(rng, result, taskLimit);
    return result;
  }

  /**
   * Spreads a monthly task volume (a share of the plan's limit, capped to keep the seed fast) over the recipes'
   * active days in the last 90 days. The trigger then derives tasks used this month from these jobs.
   */
  private planJobs(rng: Random, recipeList: RecipeBlueprint[], taskLimit: number): void {
    const utilization = rng.weighted([
      [rng.float(0.02, 0.2), 30],
      [rng.float(0.2, 0.6), 40],
      [rng.float(0.6, 0.9), 22],
      [rng.float(0.9, 0.97), 8],
    ] as const);
    const dailyTasks = Math.min(taskLimit * utilization, MONTHLY_TASK_CAP) / 30;
    const failureRate = rng.weighted([
      [rng.float(0, 0.03), 50],
      [rng.float(0.03, 0.12), 40],
      [rng.float(0.2, 0.4), 10],
    ] as const);
    const historyStart = daysBefore(this.now, JOB_HISTORY_DAYS);
    const shares = recipeList.map(() => rng.float(0.5, 2));
    const totalShare = shares.reduce((sum, share) => sum + share, 0);
    recipeList.forEach((recipe, index) => {
      const from = maxDate(historyStart, recipe.createdAt);
      const to = recipe.status === "running" ? this.now : recipe.updatedAt;
      const days = (to.getTime() - from.getTime()) / DAY_MS;
      if (days <= 0) return;
      let budget = Math.round((dailyTasks * days * shares[index]!) / totalShare);
      while (budget > 0) {
        // Most jobs touch a few records; a few process a large batch.
        const tasksUsed = Math.min(budget, 1 + Math.floor(49 * rng.next() ** 3));
        budget -= tasksUsed;
        recipe.jobs.push({
          status: rng.chance(failureRate) ? "failed" : "succeeded",
          tasksUsed,
          startedAt: between(rng, from, to),
        });
      }
    });
  }
}

/**
 * The usage trigger only moves a customer's billing period forward, so the period must start at or before the
 * month of the customer's first job. (The column default would take the real clock's month, not `now`'s.)
 */
function initialUsagePeriod(recipeList: readonly RecipeBlueprint[], now: Date): string {
  const jobTimes = recipeList.flatMap((recipe) => recipe.jobs.map((job) => job.startedAt.getTime()));
  const first = Math.min(now.getTime(), ...jobTimes);
  return billingPeriodOf(new Date(first));
}

/** An editor who had joined by `at`; the workspace's first member when nobody had (they opened it). */
function pickEditor(rng: Random, editors: readonly Editor[], at: Date): Editor {
  const present = editors.filter((editor) => editor.since.getTime() <= at.getTime());
  return present.length > 0 ? rng.pick(present) : editors[0]!;
}

// ─── Inserting ───────────────────────────────────────────────────────────────

/**
 * Rows per multi-row insert. Drizzle's builder gets slower per row as statements grow (5,000 rows cost more than
 * five times 1,000), and 1,000 rows stay far below PostgreSQL's 65,535 bind parameters.
 */
const CHUNK_ROWS = 1_000;

/** Multi-row inserts, one statement per chunk. */
async function insertInChunks<Row>(rows: readonly Row[], insert: (chunk: Row[]) => PromiseLike<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) await insert(rows.slice(i, i + CHUNK_ROWS));
}

/** Like insertInChunks, returning the new IDs in the order of `rows` (PostgreSQL returns VALUES rows in order). */
async function insertReturningIds<Row>(rows: readonly Row[], insert: (chunk: Row[]) => Promise<{ id: number }[]>): Promise<number[]> {
  const ids: number[] = [];
  await insertInChunks(rows, async (chunk) => {
    const returned = await insert(chunk);
    if (returned.length !== chunk.length) throw new Error(`Inserted ${chunk.length} rows, got ${returned.length} IDs`);
    ids.push(...returned.map((row) => row.id));
  });
  return ids;
}

export interface DemoSeedSummary {
  partners: number;
  users: number;
  partnerMembers: number;
  plans: number;
  roles: number;
  customers: number;
  customerMembers: number;
  customerManagers: number;
  managedCustomers: number;
  customerAppAccess: number;
  environments: number;
  projects: number;
  connections: number;
  recipes: number;
  recipeVersions: number;
  jobs: number;
}

const DEMO_SEED = "partner-console-demo";

/**
 * Seeds the demo data set. Expects migrations (and so the app catalog) to be in place and the demo accounts to be
 * absent; runs in one transaction, so a failure leaves nothing behind.
 */
export async function seedDemo(db: Database, options: { now: Date }): Promise<DemoSeedSummary> {
  const { now } = options;
  const signInEmails = Object.values(DEMO_USERS).map((user) => user.email);
  const existing = await db
    .select({ email: users.email })
    .from(users)
    .where(inArray(sql`lower(${users.email})`, signInEmails));
  if (existing.length > 0) {
    throw new Error(`The demo data is already in this database (${existing[0]!.email} exists).`);
  }
  // scrypt is deliberately slow: hash once and give every demo sign-in the same string.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction((tx) => insertDemo(tx, now, passwordHash));
}

async function insertDemo(tx: Transaction, now: Date, passwordHash: string): Promise<DemoSeedSummary> {
  const rng = createRandom(DEMO_SEED);
  const catalogOrder = new Map<string, number>(appCatalog.map((app, index) => [app.slug, index]));
  const catalog: CatalogEntry[] = (await tx.select({ id: apps.id, slug: apps.slug, name: apps.name }).from(apps).orderBy(apps.id)).map((app) => ({
    ...app,
    popularity: 1 / (1 + (catalogOrder.get(app.slug) ?? appCatalog.length) / 4),
  }));
  if (catalog.length === 0) throw new Error("The app catalog is empty: run the migrations (ensureCatalog) first.");

  // Partners, their teams and plans.
  const partnerCreatedAt: Record<DemoPartnerKey, Date> = { acme: daysBefore(now, 1095), globex: daysBefore(now, 900) };
  const partnerKeys = Object.keys(DEMO_PARTNERS) as DemoPartnerKey[];
  const partnerIdList = await insertReturningIds(partnerKeys, (chunk) =>
    tx
      .insert(partners)
      .values(
        chunk.map((key) => ({
          name: DEMO_PARTNERS[key].name,
          iframeOrigins: [...DEMO_PARTNERS[key].iframeOrigins],
          createdAt: partnerCreatedAt[key],
        })),
      )
      .returning({ id: partners.id }),
  );
  const partnerIds = Object.fromEntries(partnerKeys.map((key, i) => [key, partnerIdList[i]!])) as Record<DemoPartnerKey, number>;

  const demoUserKeys = Object.keys(DEMO_USERS) as DemoUserKey[];
  const demoUserJoined: Record<DemoUserKey, number> = {
    acmeAdmin: 1095,
    acmeManager: 730,
    acmeMember: 365,
    globexAdmin: 900,
    customerCollaborator: 720,
  };
  const demoUserIdList = await insertReturningIds(demoUserKeys, (chunk) =>
    tx
      .insert(users)
      .values(
        chunk.map((key) => ({
          name: DEMO_USERS[key].name,
          email: DEMO_USERS[key].email,
          passwordHash,
          createdAt: daysBefore(now, demoUserJoined[key]),
        })),
      )
      .returning({ id: users.id }),
  );
  const demoUserIds = Object.fromEntries(demoUserKeys.map((key, i) => [key, demoUserIdList[i]!])) as Record<DemoUserKey, number>;

  const partnerTeam = demoUserKeys.flatMap((key) => {
    const user = DEMO_USERS[key];
    return "partnerRole" in user
      ? [
          {
            partnerId: partnerIds[user.partner],
            userId: demoUserIds[key],
            role: user.partnerRole,
            createdAt: daysBefore(now, demoUserJoined[key]),
          },
        ]
      : [];
  });
  await tx.insert(partnerMembers).values(partnerTeam);

  const blueprints: PartnerBlueprint[] = PARTNER_BLUEPRINTS.map((p) => ({ ...p, createdAt: partnerCreatedAt[p.key] }));
  const planRows = blueprints.flatMap((partner) =>
    [...partner.plans, { ...FREE_PLAN, share: 0 }].map((plan, position) => ({
      partnerId: partnerIds[partner.key],
      name: plan.name,
      taskLimit: plan.taskLimit,
      connectionLimit: plan.connectionLimit,
      isFree: plan.name === FREE_PLAN.name,
      position,
      createdAt: partner.createdAt,
    })),
  );
  const planIdList = await insertReturningIds(planRows, (chunk) => tx.insert(plans).values(chunk).returning({ id: plans.id }));
  const planIds = new Map(planRows.map((plan, i) => [`${plan.partnerId}/${plan.name}`, planIdList[i]!]));
  const planId = (partnerId: number, name: string): number => {
    const id = planIds.get(`${partnerId}/${name}`);
    if (id === undefined) throw new Error(`The demo partner ${partnerId} has no plan named ${name}`);
    return id;
  };

  // Inheritable roles a partner offers to every customer workspace (and to its customer managers).
  const roleRows = [
    { name: "Customer Admin", permissions: [...WORKSPACE_PERMISSIONS] },
    { name: "Support", permissions: ["workspace.view", "recipes.run"] },
  ].map((role) => ({
    ...role,
    partnerId: partnerIds.acme,
    kind: "inheritable" as const,
    createdAt: partnerCreatedAt.acme,
    updatedAt: partnerCreatedAt.acme,
  }));
  await tx.insert(roles).values(roleRows);

  // Customers and everything inside their workspaces, decided in memory first.
  const builder = new BlueprintBuilder(now, catalog);
  for (const partner of blueprints) builder.addPartner(partner, rng.fork(partner.key));
  const blueprintCustomers = builder.customers;

  const customerIds = await insertReturningIds(blueprintCustomers, (chunk) =>
    tx
      .insert(customers)
      .values(
        chunk.map((c) => ({
          partnerId: partnerIds[c.partner],
          name: c.name,
          externalId: c.externalId,
          notificationEmail: c.notificationEmail,
          planId: planId(partnerIds[c.partner], c.planName),
          trialEndsAt: c.trialEndsAt,
          iframeOrigins: c.iframeOrigins,
          appAccess: c.selectedAppIds ? ("selected" as const) : ("all" as const),
          usagePeriod: c.usagePeriod,
          createdAt: c.createdAt,
          updatedAt: c.createdAt,
        })),
      )
      .returning({ id: customers.id }),
  );

  const generatedUserIds = await insertReturningIds(builder.users, (chunk) => tx.insert(users).values(chunk).returning({ id: users.id }));
  const userId = (ref: UserRef): number => ("demo" in ref ? demoUserIds[ref.demo] : generatedUserIds[ref.generated]!);

  const perCustomer = <T>(build: (c: CustomerBlueprint, customerId: number, partnerId: number) => T[]): T[] =>
    blueprintCustomers.flatMap((c, i) => build(c, customerIds[i]!, partnerIds[c.partner]));

  const memberRows = perCustomer((c, customerId, partnerId) =>
    c.members.map((m) => ({
      partnerId,
      customerId,
      userId: userId(m.user),
      roleId: m.roleId,
      timeZone: m.timeZone,
      createdAt: m.createdAt,
      updatedAt: m.createdAt,
    })),
  );
  await insertInChunks(memberRows, (chunk) => tx.insert(customerMembers).values(chunk));

  const environmentTypes: EnvironmentType[] = ["development", "test", "production"];
  const environmentRows = perCustomer((c, customerId, partnerId) => environmentTypes.map((type) => ({ partnerId, customerId, type, createdAt: c.createdAt })));
  const environmentIdList = await insertReturningIds(environmentRows, (chunk) => tx.insert(environments).values(chunk).returning({ id: environments.id }));
  const environmentIds = new Map(environmentRows.map((e, i) => [`${e.customerId}/${e.type}`, environmentIdList[i]!]));

  const projectRows = perCustomer((c, customerId, partnerId) =>
    c.projects.map((p) => ({
      partnerId,
      customerId,
      environmentId: environmentIds.get(`${customerId}/${p.environment}`)!,
      name: p.name,
      createdAt: p.createdAt,
    })),
  );
  const projectIds = await insertReturningIds(projectRows, (chunk) => tx.insert(projects).values(chunk).returning({ id: projects.id }));
  // Where each customer's projects start in projectIds, so that recipes can refer to them by position.
  const firstProjectIndex: number[] = [];
  let projectOffset = 0;
  for (const c of blueprintCustomers) {
    firstProjectIndex.push(projectOffset);
    projectOffset += c.projects.length;
  }

  const connectionRows = perCustomer((c, customerId, partnerId) =>
    c.connections.map((conn) => ({
      partnerId,
      customerId,
      appId: conn.appId,
      name: conn.name,
      authenticated: conn.authenticated,
      createdById: userId(conn.createdBy),
      createdAt: conn.createdAt,
    })),
  );
  await insertInChunks(connectionRows, (chunk) => tx.insert(connections).values(chunk));

  const recipeEntries = blueprintCustomers.flatMap((c, i) => c.recipes.map((recipe) => ({ recipe, customerIndex: i, partnerId: partnerIds[c.partner] })));
  const recipeIds = await insertReturningIds(recipeEntries, (chunk) =>
    tx
      .insert(recipes)
      .values(
        chunk.map(({ recipe, customerIndex, partnerId }) => ({
          partnerId,
          customerId: customerIds[customerIndex]!,
          projectId: projectIds[firstProjectIndex[customerIndex]! + recipe.projectIndex]!,
          name: recipe.name,
          status: recipe.status,
          createdAt: recipe.createdAt,
          updatedAt: recipe.updatedAt,
        })),
      )
      .returning({ id: recipes.id }),
  );

  const versionRows = recipeEntries.flatMap(({ recipe, customerIndex, partnerId }, i) =>
    recipe.versions.map((v) => ({
      partnerId,
      customerId: customerIds[customerIndex]!,
      recipeId: recipeIds[i]!,
      version: v.version,
      modifiedById: userId(v.modifiedBy),
      modifiedAs: v.modifiedAs,
      comment: v.comment,
      code: v.code,
      createdAt: v.createdAt,
    })),
  );
  await insertInChunks(versionRows, (chunk) => tx.insert(recipeVersions).values(chunk));

  // In time order, so that job IDs grow with time as they would in production.
  const jobRows = recipeEntries
    .flatMap(({ recipe, customerIndex, partnerId }, i) =>
      recipe.jobs.map((job) => ({
        partnerId,
        customerId: customerIds[customerIndex]!,
        recipeId: recipeIds[i]!,
        status: job.status,
        tasksUsed: job.tasksUsed,
        startedAt: job.startedAt,
      })),
    )
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.recipeId - b.recipeId);
  await insertInChunks(jobRows, (chunk) => tx.insert(jobs).values(chunk));

  const appAccessRows = perCustomer((c, customerId, partnerId) => (c.selectedAppIds ?? []).map((appId) => ({ partnerId, customerId, appId })));
  await insertInChunks(appAccessRows, (chunk) => tx.insert(customerAppAccess).values(chunk));

  // Morgan: a customer manager of a few Acme customers, and also directly invited to one of them (rule C12).
  const manager = DEMO_USERS.acmeManager;
  const managerCreatedAt = daysBefore(now, MANAGER_SINCE_DAYS);
  const [managerRow] = await tx
    .insert(customerManagers)
    .values({
      partnerId: partnerIds[manager.partner],
      userId: demoUserIds.acmeManager,
      roleId: manager.managerRoleId,
      manageAll: false,
      createdAt: managerCreatedAt,
      updatedAt: managerCreatedAt,
    })
    .returning({ id: customerManagers.id });
  const managedRows = manager.manages.map((key) => ({
    partnerId: partnerIds[manager.partner],
    customerManagerId: managerRow!.id,
    customerId: customerIds[blueprintCustomers.findIndex((c) => c.demoKey === key)]!,
    createdAt: managerCreatedAt,
  }));
  await tx.insert(customerManagerCustomers).values(managedRows);

  return {
    partners: partnerKeys.length,
    users: demoUserKeys.length + builder.users.length,
    partnerMembers: partnerTeam.length,
    plans: planRows.length,
    roles: roleRows.length,
    customers: blueprintCustomers.length,
    customerMembers: memberRows.length,
    customerManagers: 1,
    managedCustomers: managedRows.length,
    customerAppAccess: appAccessRows.length,
    environments: environmentRows.length,
    projects: projectRows.length,
    connections: connectionRows.length,
    recipes: recipeEntries.length,
    recipeVersions: versionRows.length,
    jobs: jobRows.length,
  };
}
