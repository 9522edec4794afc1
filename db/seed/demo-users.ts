/**
 * The demo sign-ins and the named customers they act on. One source for the seed, the README, the start script
 * and the tests, so that a renamed demo account cannot leave any of them behind.
 */

/** Shared by every demo account that can sign in. Demo data only: never reuse it anywhere real. */
export const DEMO_PASSWORD = "demo-password-1";

/** IDs of the system roles that migration 0002 inserts on every database. */
export const SYSTEM_ROLE_IDS = { analyst: 1, admin: 2, operator: 3 } as const;
export type SystemRoleId = (typeof SYSTEM_ROLE_IDS)[keyof typeof SYSTEM_ROLE_IDS];

export const DEMO_PARTNERS = {
  acme: { name: "Acme Embedded", iframeOrigins: ["https://app.acme.example"] },
  globex: { name: "Globex Embedded", iframeOrigins: ["https://app.globex.example"] },
} as const;
export type DemoPartnerKey = keyof typeof DEMO_PARTNERS;

/**
 * Acme customers the scenarios below rely on; every other demo customer is generated. Names double as the
 * customers' e-mail domains (`<domain>.example`).
 */
export const DEMO_CUSTOMERS = {
  northwind: { name: "Northwind Traders", externalId: "A2300", domain: "northwind", plan: "Business" },
  contoso: { name: "Contoso Pharmaceuticals", externalId: "CRM-00417", domain: "contoso", plan: "Enterprise" },
  initech: { name: "Initech", externalId: "A2417", domain: "initech", plan: "Growth" },
  umbrella: { name: "Umbrella Logistics", externalId: null, domain: "umbrella", plan: "Starter" },
} as const;
export type DemoCustomerKey = keyof typeof DEMO_CUSTOMERS;

interface DemoPartnerUser {
  email: string;
  name: string;
  partner: DemoPartnerKey;
  partnerRole: "admin" | "member";
}

interface DemoCustomerManager extends DemoPartnerUser {
  /** The one role the manager has in every customer it covers (rule C4). */
  managerRoleId: SystemRoleId;
  manages: readonly DemoCustomerKey[];
  /** A direct invitation to one managed customer, whose role wins there (rule C12). */
  directMembership: { customer: DemoCustomerKey; roleId: SystemRoleId };
}

interface DemoCustomerCollaborator {
  email: string;
  name: string;
  /** The customer's own user: a direct member of one workspace, not on any partner team. */
  customer: DemoCustomerKey;
  roleId: SystemRoleId;
}

export const DEMO_USERS = {
  acmeAdmin: { email: "admin@acme.example", name: "Avery Admin", partner: "acme", partnerRole: "admin" },
  acmeManager: {
    email: "morgan@acme.example",
    name: "Morgan Lee",
    partner: "acme",
    partnerRole: "member",
    managerRoleId: SYSTEM_ROLE_IDS.admin,
    manages: ["northwind", "contoso", "initech", "umbrella"],
    directMembership: { customer: "initech", roleId: SYSTEM_ROLE_IDS.operator },
  },
  acmeMember: { email: "sam@acme.example", name: "Sam Patel", partner: "acme", partnerRole: "member" },
  globexAdmin: { email: "admin@globex.example", name: "Gale Okafor", partner: "globex", partnerRole: "admin" },
  customerCollaborator: {
    email: "casey@northwind.example",
    name: "Casey Nguyen",
    customer: "northwind",
    roleId: SYSTEM_ROLE_IDS.admin,
  },
} as const satisfies {
  acmeAdmin: DemoPartnerUser;
  acmeManager: DemoCustomerManager;
  acmeMember: DemoPartnerUser;
  globexAdmin: DemoPartnerUser;
  customerCollaborator: DemoCustomerCollaborator;
};
export type DemoUserKey = keyof typeof DEMO_USERS;
