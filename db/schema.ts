/**
 * The data model for the whole product.
 *
 * Every table that belongs to a partner carries `partner_id`, so that the database can one day be sharded by
 * partner without a rewrite, and so that row-level security can key every policy on that one column.
 * Global catalogs (users, apps, system roles) carry no partner.
 */
import { sql, type SQL } from "drizzle-orm";
import { bigint, boolean, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
const id = () => integer("id").primaryKey().generatedByDefaultAsIdentity();
const partnerId = () =>
  integer("partner_id")
    .notNull()
    .references(() => partners.id, { onDelete: "cascade" });

export const partnerRole = pgEnum("partner_role", ["admin", "member"]);
export const roleKind = pgEnum("role_kind", ["system", "inheritable", "custom"]);
export const environmentType = pgEnum("environment_type", ["development", "test", "production"]);
export const recipeStatus = pgEnum("recipe_status", ["running", "stopped"]);
export const jobStatus = pgEnum("job_status", ["succeeded", "failed"]);
export const appAccessMode = pgEnum("app_access_mode", ["all", "selected"]);
export const actorType = pgEnum("actor_type", [
  "partner_admin",
  "partner_member",
  "customer_manager",
  "customer_collaborator",
  "api_client",
  "system",
  "anonymous",
]);

// ─── Identity ────────────────────────────────────────────────────────────────

/** The Embedded partner account: the SaaS vendor that runs its customers' workspaces. */
export const partners = pgTable("partners", {
  id: id(),
  name: text("name").notNull(),
  /** Default iframe origins every customer inherits (rule U27, decision D3). */
  iframeOrigins: text("iframe_origins")
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  /**
   * The embedded vendor ID a partner's signed tokens name (issue 14): public, not a secret, random so that it says
   * nothing about how many partners there are.
   */
  embeddedVendorId: text("embedded_vendor_id")
    .notNull()
    .unique("partners_embedded_vendor_id_key")
    .default(sql`replace(gen_random_uuid()::text, '-', '')`),
  /**
   * Which notifications its customers get unless a customer's own setting says otherwise (issue 15): a map from
   * notification kind (lib/notifications/kinds.ts) to on/off; a kind not named is on.
   */
  notificationDefaults: jsonb("notification_defaults")
    .$type<Record<string, boolean>>()
    .notNull()
    .default(sql`'{}'::jsonb`),
  createdAt: createdAt(),
});

/** A person who can sign in: a partner team member, a customer collaborator, or both. */
export const users = pgTable(
  "users",
  {
    id: id(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    avatarUrl: text("avatar_url").notNull().default(""),
    /** scrypt hash in the form `scrypt$N$r$p$salt$hash`; null for a person who has not signed up yet. */
    passwordHash: text("password_hash"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)],
);

/** The partner's own team (its collaborators), each with a partner role. */
export const partnerMembers = pgTable(
  "partner_members",
  {
    id: id(),
    partnerId: partnerId(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: partnerRole("role").notNull().default("member"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("partner_members_partner_user_key").on(t.partnerId, t.userId), index().on(t.userId)],
);

/** A signed-in browser. Re-read on every request, so revoking it takes effect at once. */
export const sessions = pgTable(
  "sessions",
  {
    /** sha256 of the session secret held in the (encrypted) session cookie. */
    idHash: text("id_hash").primaryKey(),
    partnerId: partnerId(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The customer account the person has switched into, if any (rule C7). */
    activeCustomerId: integer("active_customer_id").references(() => customers.id, { onDelete: "set null" }),
    switchReason: text("switch_reason"),
    switchExpiresAt: timestamp("switch_expires_at", { withTimezone: true }),
    /**
     * The `jti` of the partner's signed direct link that opened the session (issue 14); null for every other
     * session. An embedded session is in its customer workspace only: never the partner console, never a switch.
     */
    embeddedJti: text("embedded_jti"),
    /** The origin the direct link named, kept until sign-out (rule U28): the only one that may frame the workspace. */
    embeddedOrigin: text("embedded_origin"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index().on(t.userId)],
);

/**
 * The public keys a partner's app signs direct links with (RS256, issue 14). At most two are active at once, so that
 * a rotation can add the new key before the old one is retired.
 */
export const embeddingKeys = pgTable(
  "embedding_keys",
  {
    id: id(),
    partnerId: partnerId(),
    /** SPKI PEM, as normalised when it was set. */
    publicKeyPem: text("public_key_pem").notNull(),
    /** SHA-256 of the key's DER encoding (SPKI), colon-separated hex: what the partner compares with its own. */
    fingerprint: text("fingerprint").notNull(),
    modulusBits: integer("modulus_bits").notNull(),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
  },
  (t) => [
    index().on(t.partnerId),
    uniqueIndex("embedding_keys_active_fingerprint_key")
      .on(t.partnerId, t.fingerprint)
      .where(sql`${t.retiredAt} is null`),
  ],
);

/**
 * The `jti` of every direct-link token used, kept until the token could no longer be valid anyway (`expires_at`),
 * so that a replayed link is refused; older rows are deleted as new tokens arrive.
 */
export const embeddedTokenUses = pgTable(
  "embedded_token_uses",
  {
    partnerId: partnerId(),
    jti: text("jti").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.jti] }), index().on(t.expiresAt)],
);

/** Sign-in attempts, so that repeated failures can be slowed down. */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    email: text("email").notNull(),
    ip: text("ip").notNull().default(""),
    succeeded: boolean("succeeded").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sign_in_attempts_email_idx").on(sql`lower(${t.email})`, t.createdAt)],
);

/**
 * An invitation to the partner's own team (the Teams page): a one-time link, kept only as a SHA-256 hash, valid
 * until `expires_at`, used once. Resending replaces the token, so only the newest link works.
 */
export const partnerInvitations = pgTable(
  "partner_invitations",
  {
    id: id(),
    partnerId: partnerId(),
    email: text("email").notNull(),
    role: partnerRole("role").notNull().default("member"),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    invitedById: integer("invited_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedById: integer("accepted_by_id").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("partner_invitations_token_hash_key").on(t.tokenHash),
    // One pending invitation per email and partner: a second invite is a resend.
    uniqueIndex("partner_invitations_pending_email_key")
      .on(t.partnerId, sql`lower(${t.email})`)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
  ],
);

/** A "Forgot password?" link: one-time, kept only as a SHA-256 hash, valid one hour. Not a partner's row. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("password_resets_token_hash_key").on(t.tokenHash), index().on(t.userId)],
);

/** Every "Forgot password?" request, so that they are rate limited per email and per address across instances. */
export const passwordResetRequests = pgTable(
  "password_reset_requests",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    email: text("email").notNull(),
    ip: text("ip").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("password_reset_requests_email_idx").on(sql`lower(${t.email})`, t.createdAt), index().on(t.ip, t.createdAt)],
);

export const emailStatus = pgEnum("email_status", ["queued", "sent", "failed"]);

/**
 * The outbox: every email, written in the transaction of the change that causes it and delivered afterwards by the
 * worker (lib/mail/deliver.ts), so that a slow or refusing mail server never fails a write and a rolled-back change
 * sends nothing. The bodies are sealed (lib/mail/seal.ts): they carry one-time links. `partner_id` is null for mail
 * that belongs to no partner (a password reset), which no partner-scoped transaction can see.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    partnerId: integer("partner_id").references(() => partners.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    sealedBody: text("sealed_body").notNull(),
    status: emailStatus("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** While a worker sends it: another worker leaves it alone until then (a crashed worker's claim runs out). */
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("email_outbox_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'queued'`),
    index("email_outbox_partner_created_idx").on(t.partnerId, t.createdAt),
  ],
);

// ─── Plans, apps, customers ──────────────────────────────────────────────────

/**
 * The partner's custom plans, plus its copy of the system plan Free (decision D1): the plan of every
 * expired subscription. Plans are not created or removed in the console (rule U9).
 */
export const plans = pgTable(
  "plans",
  {
    id: id(),
    partnerId: partnerId(),
    name: text("name").notNull(),
    taskLimit: integer("task_limit").notNull(),
    connectionLimit: integer("connection_limit").notNull(),
    /** The system plan Free: 100 tasks a month. */
    isFree: boolean("is_free").notNull().default(false),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("plans_partner_name_key").on(t.partnerId, t.name),
    uniqueIndex("plans_one_free_per_partner")
      .on(t.partnerId)
      .where(sql`${t.isFree}`),
    check("plans_limits_positive", sql`${t.taskLimit} >= 0 and ${t.connectionLimit} >= 0`),
  ],
);

/** The connector catalog, shared by every partner. Icons are served from `public/apps/`. */
export const apps = pgTable(
  "apps",
  {
    id: id(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    iconPath: text("icon_path").notNull(),
    /** Apps released later are never added to an existing selection by themselves (rule U24). */
    releasedAt: timestamp("released_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("apps_slug_key").on(t.slug)],
);

/**
 * A customer: one managed workspace of the partner. Its status is derived, never stored (decision D2):
 * In trial while `trial_ends_at` is in the future, Expired subscription on the Free plan or after the trial
 * ended, Active otherwise.
 */
export const customers = pgTable(
  "customers",
  {
    id: id(),
    partnerId: partnerId(),
    name: text("name").notNull(),
    /** The partner's own ID for the customer (a CRM ID), unique within the partner (rule U25). */
    externalId: text("external_id"),
    notificationEmail: text("notification_email").notNull(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    trialEndsAt: timestamp("trial_ends_at", { withTimezone: true }),
    /**
     * An index hint, not a fact: true once the trial was seen to have ended (set by a trigger when the trial end is
     * written, and by the periodic job in lib/customers/jobs/trial-ended.ts). Queries still compare `trial_ends_at` with the
     * application's clock, so a stale flag only decides which index finds a row, never what the row shows.
     */
    trialEnded: boolean("trial_ended").notNull().default(false),
    /** The customer's own iframe origins, appended to the partner's (rule U27, decision D3). */
    iframeOrigins: text("iframe_origins")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** `all`: every app, including apps released later; `selected`: only the rows of customer_app_access. */
    appAccess: appAccessMode("app_access").notNull().default("all"),
    /** Roll-up of jobs for the current billing period, so that lists never aggregate jobs (rule U4). */
    tasksUsed: integer("tasks_used").notNull().default(0),
    usagePeriod: date("usage_period", { mode: "string" })
      .notNull()
      .default(sql`date_trunc('month', now())::date`),
    /** Roll-up of authenticated connections (rule U5). */
    authenticatedConnections: integer("authenticated_connections").notNull().default(0),
    /** The customer's own notification choices (kind → on/off); a kind not named follows the partner's default. */
    notificationSettings: jsonb("notification_settings")
      .$type<Record<string, boolean>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    /**
     * What search reads: lower-cased name and external ID joined by a control character that no search term
     * can contain, so that a term never matches across the two.
     */
    searchText: text("search_text")
      .notNull()
      .generatedAlwaysAs(sql`lower(name) || chr(1) || lower(coalesce(external_id, ''))`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => {
    /** One set of trial indexes: by every sort, and by trial end for the rows whose flag lags the clock. */
    const trialIndexes = (set: "running" | "ended", where: SQL) => [
      index(`customers_trials_${set}_name_idx`)
        .on(t.partnerId, sql`lower(${t.name})`, t.id)
        .where(where),
      index(`customers_trials_${set}_created_idx`).on(t.partnerId, t.createdAt, t.id).where(where),
      index(`customers_trials_${set}_tasks_idx`).on(t.partnerId, t.tasksUsed, t.id).where(where),
      index(`customers_trials_${set}_connections_idx`).on(t.partnerId, t.authenticatedConnections, t.id).where(where),
      index(`customers_trials_${set}_end_idx`).on(t.partnerId, t.trialEndsAt).where(where),
    ];
    return [
      uniqueIndex("customers_partner_external_id_key").on(t.partnerId, t.externalId),
      index("customers_partner_name_idx").on(t.partnerId, sql`lower(${t.name})`, t.id),
      index("customers_partner_created_idx").on(t.partnerId, t.createdAt, t.id),
      index("customers_partner_tasks_idx").on(t.partnerId, t.tasksUsed, t.id),
      index("customers_partner_connections_idx").on(t.partnerId, t.authenticatedConnections, t.id),
      // Status tabs and plan filters read disjoint branches (lib/customers/reads/table-sql.ts), each in table order:
      // running trials by every sort, ended trials by every sort, and each plan by every sort. The few rows whose
      // flag lags the clock are found by their trial end and sorted (customers_trials_running_end_idx and
      // customers_trials_ended_end_idx).
      ...trialIndexes("running", sql`${t.trialEndsAt} is not null and not ${t.trialEnded}`),
      ...trialIndexes("ended", sql`${t.trialEnded}`),
      index("customers_plan_name_idx").on(t.partnerId, t.planId, sql`lower(${t.name})`, t.id),
      index("customers_plan_created_idx").on(t.partnerId, t.planId, t.createdAt, t.id),
      index("customers_plan_tasks_idx").on(t.partnerId, t.planId, t.tasksUsed, t.id),
      index("customers_plan_connections_idx").on(t.partnerId, t.planId, t.authenticatedConnections, t.id),
      // The notifications job reads due trials across every partner by trial end (lib/notifications/due.ts).
      index("customers_trial_ends_at_idx")
        .on(t.trialEndsAt, t.id)
        .where(sql`${t.trialEndsAt} is not null`),
      index("customers_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
      // Search terms of one or two characters match from the start of the name or the external ID only.
      index("customers_search_prefix_idx").on(t.partnerId, sql`${t.searchText} text_pattern_ops`),
      index("customers_external_id_prefix_idx").on(t.partnerId, sql`lower(${t.externalId}) text_pattern_ops`),
      check("customers_name_not_blank", sql`length(btrim(${t.name})) > 0`),
    ];
  },
);

/**
 * Every notification sent to a customer's notification email (issue 15), one row per event: the unique key
 * (customer, kind, occurrence: the trial end or the billing period) makes the notifications job send each at most
 * once, however often and on however many instances it runs.
 */
export const customerNotifications = pgTable(
  "customer_notifications",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    partnerId: partnerId(),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    occurrence: text("occurrence").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("customer_notifications_event_key").on(t.customerId, t.kind, t.occurrence), index().on(t.partnerId)],
);

/** The apps a customer may use when its app access is `selected` (rules U23–U24). */
export const customerAppAccess = pgTable(
  "customer_app_access",
  {
    partnerId: partnerId(),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    appId: integer("app_id")
      .notNull()
      .references(() => apps.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.appId] })],
);

// ─── Roles ───────────────────────────────────────────────────────────────────

/**
 * Roles of a customer workspace (the legacy "privilege groups"): the system roles (no partner), the partner's
 * inheritable custom roles, and custom roles made inside one workspace. `permissions` decides what a role may
 * do; `collaborators.manage` is what decision D6 calls "Collaborator privileges".
 */
export const roles = pgTable(
  "roles",
  {
    id: id(),
    partnerId: integer("partner_id").references(() => partners.id, { onDelete: "cascade" }),
    customerId: integer("customer_id").references(() => customers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: roleKind("kind").notNull(),
    permissions: text("permissions")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.partnerId),
    check(
      "roles_kind_scope",
      sql`(${t.kind} = 'system' and ${t.partnerId} is null and ${t.customerId} is null)
       or (${t.kind} = 'inheritable' and ${t.partnerId} is not null and ${t.customerId} is null)
       or (${t.kind} = 'custom' and ${t.partnerId} is not null and ${t.customerId} is not null)`,
    ),
  ],
);

/**
 * Environment roles and project roles (seed 003) have one shape: system roles (no partner), the partner's
 * inheritable ones, and custom ones made inside one workspace.
 */
function workspaceRoleTable<Name extends string>(name: Name) {
  return pgTable(
    name,
    {
      id: id(),
      partnerId: integer("partner_id").references(() => partners.id, { onDelete: "cascade" }),
      customerId: integer("customer_id").references(() => customers.id, { onDelete: "cascade" }),
      name: text("name").notNull(),
      kind: roleKind("kind").notNull(),
      permissions: text("permissions")
        .array()
        .notNull()
        .default(sql`'{}'::text[]`),
      createdAt: createdAt(),
      updatedAt: updatedAt(),
    },
    (t) => [index().on(t.partnerId), index().on(t.customerId)],
  );
}

export const environmentRoles = workspaceRoleTable("environment_roles");
export const projectRoles = workspaceRoleTable("project_roles");

// ─── Customer workspace membership ───────────────────────────────────────────

/**
 * Direct members of a customer workspace (invited through the team feature). Members who are there through a
 * customer manager assignment are not rows here: they come from customer_managers, so that "Manage all
 * customers" covers customers created later (rule C5) and a direct role always wins (rule C12).
 */
export const customerMembers = pgTable(
  "customer_members",
  {
    id: id(),
    partnerId: partnerId(),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    roleId: integer("role_id")
      .notNull()
      .references(() => roles.id),
    externalId: text("external_id"),
    timeZone: text("time_zone").notNull().default("UTC"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("customer_members_customer_user_key").on(t.customerId, t.userId), index().on(t.userId)],
);

/** Invitations to a customer workspace for an email that has no account yet (seed 003). */
export const customerInvitations = pgTable(
  "customer_invitations",
  {
    id: id(),
    partnerId: partnerId(),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    roleId: integer("role_id").references(() => roles.id),
    envRoles: jsonb("env_roles")
      .notNull()
      .default(sql`'[]'::jsonb`),
    invitedAt: timestamp("invited_at", { withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    /** SHA-256 of the one-time invitation link's token; null for an invitation that was accepted at once. */
    tokenHash: text("token_hash"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
  },
  (t) => [
    index("customer_invitations_customer_email_idx").on(t.customerId, sql`lower(${t.email})`),
    uniqueIndex("customer_invitations_token_hash_key").on(t.tokenHash),
  ],
);

/** Partner team members given one role in all or chosen customer workspaces (rules C2–C5). */
export const customerManagers = pgTable(
  "customer_managers",
  {
    id: id(),
    partnerId: partnerId(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    roleId: integer("role_id")
      .notNull()
      .references(() => roles.id),
    manageAll: boolean("manage_all").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("customer_managers_partner_user_key").on(t.partnerId, t.userId)],
);

/** The customers a manager covers when it does not manage all of them. */
export const customerManagerCustomers = pgTable(
  "customer_manager_customers",
  {
    partnerId: partnerId(),
    customerManagerId: integer("customer_manager_id")
      .notNull()
      .references(() => customerManagers.id, { onDelete: "cascade" }),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.customerManagerId, t.customerId] }), index().on(t.customerId)],
);

/** Environment role of a member in one environment of a workspace (seed 003 `env_roles`). */
export const memberEnvironmentRoles = pgTable(
  "member_environment_roles",
  {
    partnerId: partnerId(),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    environmentId: integer("environment_id")
      .notNull()
      .references(() => environments.id, { onDelete: "cascade" }),
    environmentRoleId: integer("environment_role_id")
      .notNull()
      .references(() => environmentRoles.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.environmentId, t.userId] }), index().on(t.customerId, t.userId)],
);

// ─── Inside a workspace: environments, projects, groups, grants ──────────────

export const environments = pgTable(
  "environments",
  {
    id: id(),
    partnerId: partnerId(),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    type: environmentType("type").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("environments_customer_type_key").on(t.customerId, t.type)],
);

export const projects = pgTable(
  "projects",
  {
    id: id(),
    partnerId: partnerId(),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    environmentId: integer("environment_id")
      .notNull()
      .references(() => environments.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.customerId), index().on(t.environmentId)],
);

/** Collaborator groups of a workspace (seed 003 `user_groups`). */
export const userGroups = pgTable(
  "user_groups",
  {
    id: id(),
    partnerId: partnerId(),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("user_groups_customer_name_key").on(t.customerId, t.name)],
);

export const userGroupMembers = pgTable(
  "user_group_members",
  {
    partnerId: partnerId(),
    userGroupId: integer("user_group_id")
      .notNull()
      .references(() => userGroups.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userGroupId, t.userId] })],
);

/** A project role given to a collaborator or a group in one project (rule A10). */
export const projectGrants = pgTable(
  "project_grants",
  {
    id: id(),
    partnerId: partnerId(),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    projectRoleId: integer("project_role_id")
      .notNull()
      .references(() => projectRoles.id, { onDelete: "cascade" }),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    userGroupId: integer("user_group_id").references(() => userGroups.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.customerId),
    uniqueIndex("project_grants_project_user_key")
      .on(t.projectId, t.userId)
      .where(sql`${t.userId} is not null`),
    uniqueIndex("project_grants_project_group_key")
      .on(t.projectId, t.userGroupId)
      .where(sql`${t.userGroupId} is not null`),
    check("project_grants_one_grantee", sql`(${t.userId} is null) <> (${t.userGroupId} is null)`),
  ],
);

// ─── Inside a workspace: connections, recipes, jobs ──────────────────────────

export const connections = pgTable(
  "connections",
  {
    id: id(),
    partnerId: partnerId(),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    appId: integer("app_id")
      .notNull()
      .references(() => apps.id),
    name: text("name").notNull(),
    authenticated: boolean("authenticated").notNull().default(false),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.customerId, t.appId), index("connections_partner_app_idx").on(t.partnerId, t.appId, t.customerId)],
);

export const recipes = pgTable(
  "recipes",
  {
    id: id(),
    partnerId: partnerId(),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    projectId: integer("project_id").references(() => projects.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    status: recipeStatus("status").notNull().default("stopped"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.customerId)],
);

/** Every saved version of a recipe, with who made it (rule C8: **Modified by**). */
export const recipeVersions = pgTable(
  "recipe_versions",
  {
    id: id(),
    partnerId: partnerId(),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    recipeId: integer("recipe_id")
      .notNull()
      .references(() => recipes.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    /** Kept when the person later loses access: the work stays (rule C10). */
    modifiedById: integer("modified_by_id").references(() => users.id, { onDelete: "set null" }),
    modifiedAs: actorType("modified_as").notNull().default("customer_collaborator"),
    comment: text("comment").notNull().default(""),
    code: jsonb("code")
      .notNull()
      .default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("recipe_versions_recipe_version_key").on(t.recipeId, t.version), index().on(t.customerId)],
);

export const jobs = pgTable(
  "jobs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    partnerId: partnerId(),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    recipeId: integer("recipe_id")
      .notNull()
      .references(() => recipes.id, { onDelete: "cascade" }),
    status: jobStatus("status").notNull(),
    tasksUsed: integer("tasks_used").notNull().default(0),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("jobs_customer_started_idx").on(t.customerId, t.startedAt), index().on(t.recipeId, t.startedAt)],
);

// ─── API clients and the audit log ───────────────────────────────────────────

/** API clients of a partner. Tokens are stored only as hashes. */
export const apiClients = pgTable(
  "api_clients",
  {
    id: id(),
    partnerId: partnerId(),
    name: text("name").notNull(),
    /** What the client may do: a list of API scopes (`customers.read`, `customer_managers.write`, …). */
    scopes: text("scopes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Environments the client may reach in customer workspaces (rule A10). */
    environmentTypes: environmentType("environment_types")
      .array()
      .notNull()
      .default(sql`'{development,test,production}'::environment_type[]`),
    /** Projects it may reach by name; empty means every project of its environments. */
    projectNames: text("project_names")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    tokenHash: text("token_hash").notNull(),
    tokenPrefix: text("token_prefix").notNull(),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("api_clients_token_hash_key").on(t.tokenHash), index().on(t.partnerId)],
);

/**
 * The append-only audit log: who, acting as whom, in which account, what changed, when, from where.
 * The database refuses UPDATE, DELETE and TRUNCATE on it (see the audit migration).
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    partnerId: integer("partner_id").notNull(),
    /** The customer account the action happened in; null for the partner account. Not a foreign key: the
     * trail outlives a deleted customer (rule U29). */
    customerId: integer("customer_id"),
    customerName: text("customer_name"),
    actorUserId: integer("actor_user_id"),
    actorName: text("actor_name"),
    actorEmail: text("actor_email"),
    actorApiClientId: integer("actor_api_client_id"),
    actingAs: actorType("acting_as").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    changes: jsonb("changes")
      .notNull()
      .default(sql`'{}'::jsonb`),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_events_partner_created_idx").on(t.partnerId, t.createdAt, t.id),
    index("audit_events_partner_customer_idx").on(t.partnerId, t.customerId, t.createdAt),
  ],
);

/** Maintained counts per partner, so that the unfiltered totals never count a million rows. */
export const partnerCounters = pgTable("partner_counters", {
  partnerId: integer("partner_id")
    .primaryKey()
    .references(() => partners.id, { onDelete: "cascade" }),
  customers: bigint("customers", { mode: "number" }).notNull().default(0),
  /** Customers with a trial end date (running or ended): with the clock, gives In trial and ended trials. */
  trials: bigint("trials", { mode: "number" }).notNull().default(0),
  /** Customers on the Free plan with no trial date: Expired subscription whatever the clock says. */
  freeWithoutTrial: bigint("free_without_trial", { mode: "number" }).notNull().default(0),
});

/**
 * How many of a partner's customers have their trial ending on each day (UTC). With the clock, the sum of the days
 * after today plus an index count of today's, gives the In trial count exactly without counting a million rows.
 */
export const partnerTrialEndDays = pgTable(
  "partner_trial_end_days",
  {
    partnerId: integer("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    customers: integer("customers").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.day] })],
);

// ─── Shared state of several instances ───────────────────────────────────────

/**
 * The job queue (lib/jobs): background work and periodic jobs, claimed by whichever instance's worker gets there
 * first (`FOR UPDATE SKIP LOCKED`). A row is also the record of its run: when it started and finished, the rows it
 * touched, its error. A periodic job's `singleton_key` names its period, and the unique index makes one row (one
 * run) per period across every instance. Spans partners (maintenance jobs): no partner_id, owner handle only.
 */
export const backgroundJobs = pgTable(
  "background_jobs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    name: text("name").notNull(),
    singletonKey: text("singleton_key"),
    payload: jsonb("payload").notNull().default({}),
    /** queued → active → succeeded | failed | cancelled; a failed attempt with attempts left goes back to queued. */
    status: text("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(3),
    runAfter: timestamp("run_after", { withTimezone: true }).notNull().defaultNow(),
    lockedBy: text("locked_by"),
    /** A worker renews its lease while it runs; a lease past its end belongs to a worker that died. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    cancelRequested: boolean("cancel_requested").notNull().default(false),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    rowsTouched: bigint("rows_touched", { mode: "number" }),
    result: jsonb("result"),
    error: text("error"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("background_jobs_name_singleton_key").on(t.name, t.singletonKey),
    index("background_jobs_claimable_idx")
      .on(t.runAfter, t.id)
      .where(sql`status = 'queued'`),
    index("background_jobs_name_created_idx").on(t.name, t.createdAt),
    check("background_jobs_status_check", sql`${t.status} in ('queued', 'active', 'succeeded', 'failed', 'cancelled')`),
  ],
);

/**
 * The REST API's rate-limit windows (lib/api/rate-limit.ts): one row per client, group of endpoints and minute,
 * counted with one atomic upsert, so that every instance enforces the same limit.
 */
export const apiRateLimitWindows = pgTable(
  "api_rate_limit_windows",
  {
    apiClientId: bigint("api_client_id", { mode: "number" }).notNull(),
    rateGroup: text("rate_group").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.apiClientId, t.rateGroup, t.windowStart] }), index("api_rate_limit_windows_start_idx").on(t.windowStart)],
);

/**
 * A CSV import of customers (issue 17): the file validated against a column mapping, kept until a bulk job applies
 * it. Validating again with another mapping makes another import; one that is never started is only a record.
 */
export const customerImports = pgTable(
  "customer_imports",
  {
    id: id(),
    partnerId: partnerId(),
    fileName: text("file_name").notNull(),
    header: jsonb("header").$type<string[]>().notNull(),
    mapping: jsonb("mapping").$type<Record<string, number | null>>().notNull(),
    totalRows: integer("total_rows").notNull(),
    createRows: integer("create_rows").notNull(),
    updateRows: integer("update_rows").notNull(),
    errorRows: integer("error_rows").notNull(),
    /** Who validated it, for the job that applies it. */
    createdByName: text("created_by_name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.partnerId, t.createdAt)],
);

/**
 * One row of an import, by its line in the file: what it writes once validated (`values`, for `create` and `update`)
 * or why it cannot (`reason` and the row's own cells, for the error file). A batch of the import's job reads its
 * rows by line, so that a resumed job picks up exactly where the last committed batch stopped.
 */
export const customerImportRows = pgTable(
  "customer_import_rows",
  {
    importId: integer("import_id")
      .notNull()
      .references(() => customerImports.id, { onDelete: "cascade" }),
    partnerId: partnerId(),
    line: integer("line").notNull(),
    externalId: text("external_id"),
    kind: text("kind").notNull(),
    values: jsonb("values").$type<Record<string, unknown>>(),
    reason: text("reason"),
    cells: jsonb("cells").$type<string[]>(),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.line] }),
    index().on(t.partnerId),
    check("customer_import_rows_kind_check", sql`${t.kind} in ('create', 'update', 'error')`),
  ],
);
// ─── Bulk jobs (issue 17) ─────────────────────────────────────────────────────

/**
 * A bulk action or import on many customers (lib/bulk-jobs): what was asked, by whom, on which selection, and how far
 * it got. The queue's row (background_jobs) runs it; this row is the partner's record of it. `cursor` is the last
 * position of bulk_job_customers done: each batch advances it in the transaction of its changes, so a worker killed
 * mid-job resumes after the last batch that committed (no customer changed twice, none skipped).
 */
export const bulkJobs = pgTable(
  "bulk_jobs",
  {
    id: id(),
    partnerId: partnerId(),
    /** The action and its parameters (BulkAction in lib/bulk-jobs/types.ts). */
    action: jsonb("action").notNull(),
    /** The action in words, fixed when it started ("Change plan to Growth"). */
    actionLabel: text("action_label").notNull(),
    /** The selection as asked (BulkSelection): IDs, external IDs or a view's filter. */
    selection: jsonb("selection").notNull(),
    selectionDescription: text("selection_description").notNull(),
    /** queued → running → succeeded | failed | cancelled. */
    status: text("status").notNull().default("queued"),
    total: integer("total").notNull().default(0),
    cursor: integer("cursor").notNull().default(0),
    processed: integer("processed").notNull().default(0),
    changed: integer("changed").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    /** The first 100 errors: `{ customerId?, externalId?, line?, reason }`. */
    errors: jsonb("errors")
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Who started it, as the audit log names them, and the request's IP and user agent: each batch acts as them. */
    startedBy: jsonb("started_by").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    queueJobId: bigint("queue_job_id", { mode: "number" }),
    cancelRequested: boolean("cancel_requested").notNull().default(false),
    /** The view's moment: a whole-view selection was resolved with this clock time, when the job was started. */
    resolvedAt: timestamp("resolved_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("bulk_jobs_partner_created_idx").on(t.partnerId, t.createdAt),
    check("bulk_jobs_status_check", sql`${t.status} in ('queued', 'running', 'succeeded', 'failed', 'cancelled')`),
  ],
);

/** The customers of a bulk job, numbered 1…total when it was started: the snapshot its batches walk. */
export const bulkJobCustomers = pgTable(
  "bulk_job_customers",
  {
    bulkJobId: integer("bulk_job_id")
      .notNull()
      .references(() => bulkJobs.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    partnerId: integer("partner_id").notNull(),
    /**
     * A customer deleted meanwhile leaves the snapshot with it (nothing of a deleted customer stays, rule U29): the
     * batches walk positions in order, and count the gap as customers that no longer exist. The index serves that
     * cascade; the rows go when the job finishes.
     */
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.bulkJobId, t.position] }), index("bulk_job_customers_customer_idx").on(t.customerId)],
);

/** A file a bulk job produced (the export's CSV), kept for the admin to download, in chunks of a batch each. */
export const bulkJobFileChunks = pgTable(
  "bulk_job_file_chunks",
  {
    bulkJobId: integer("bulk_job_id")
      .notNull()
      .references(() => bulkJobs.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    partnerId: integer("partner_id").notNull(),
    content: text("content").notNull(),
  },
  (t) => [primaryKey({ columns: [t.bulkJobId, t.position] })],
);
