/**
 * The connector catalog every partner shares. It lives in code rather than in a migration so that adding an app
 * is a one-line change that reaches every database, empty or not, the next time migrations run.
 */
import { sql } from "drizzle-orm";
import type { Database } from "./connection";
import { DAY_MS } from "../lib/time";
import { apps } from "./schema";

export interface CatalogApp {
  slug: string;
  name: string;
  /** Background of the app's letter mark; dark enough for white initials to reach WCAG AA contrast. */
  color: `#${string}`;
}

/**
 * Ordered from the most to the least commonly connected: the seeds read the position as popularity, so that the
 * "Connected apps" column and the app filter show a realistic long tail.
 */
export const appCatalog = [
  { slug: "salesforce", name: "Salesforce", color: "#0B5CAB" },
  { slug: "slack", name: "Slack", color: "#4A154B" },
  { slug: "netsuite", name: "NetSuite", color: "#125580" },
  { slug: "jira", name: "Jira", color: "#0052CC" },
  { slug: "google-sheets", name: "Google Sheets", color: "#137333" },
  { slug: "zendesk", name: "Zendesk", color: "#03363D" },
  { slug: "hubspot", name: "HubSpot", color: "#B83B0F" },
  { slug: "workday", name: "Workday", color: "#005CB9" },
  { slug: "servicenow", name: "ServiceNow", color: "#293E40" },
  { slug: "shopify", name: "Shopify", color: "#004C3F" },
  { slug: "stripe", name: "Stripe", color: "#533AFD" },
  { slug: "quickbooks", name: "QuickBooks", color: "#107C10" },
  { slug: "microsoft-teams", name: "Microsoft Teams", color: "#4B53BC" },
  { slug: "gmail", name: "Gmail", color: "#C5221F" },
  { slug: "marketo", name: "Marketo", color: "#5C4C9F" },
  { slug: "asana", name: "Asana", color: "#B8323F" },
  { slug: "box", name: "Box", color: "#0061D5" },
  { slug: "dropbox", name: "Dropbox", color: "#0050D0" },
  { slug: "github", name: "GitHub", color: "#24292F" },
  { slug: "intercom", name: "Intercom", color: "#0057B8" },
  { slug: "mailchimp", name: "Mailchimp", color: "#241C15" },
  { slug: "snowflake", name: "Snowflake", color: "#11567F" },
  { slug: "microsoft-dynamics-365", name: "Microsoft Dynamics 365", color: "#002050" },
  { slug: "sap-s4hana", name: "SAP S/4HANA", color: "#0A5FB4" },
  { slug: "google-drive", name: "Google Drive", color: "#1A5FC8" },
  { slug: "outlook", name: "Outlook", color: "#0F6CBD" },
  { slug: "confluence", name: "Confluence", color: "#1558BC" },
  { slug: "trello", name: "Trello", color: "#0C5BC4" },
  { slug: "docusign", name: "DocuSign", color: "#4C00FF" },
  { slug: "twilio", name: "Twilio", color: "#C41230" },
  { slug: "zoom", name: "Zoom", color: "#0B5CFF" },
  { slug: "airtable", name: "Airtable", color: "#1660D0" },
  { slug: "monday", name: "monday.com", color: "#4B2BD6" },
  { slug: "pipedrive", name: "Pipedrive", color: "#017737" },
  { slug: "freshdesk", name: "Freshdesk", color: "#0F7A46" },
  { slug: "xero", name: "Xero", color: "#0A6A94" },
  { slug: "sendgrid", name: "SendGrid", color: "#0E5FAA" },
  { slug: "pagerduty", name: "PagerDuty", color: "#005A24" },
  { slug: "greenhouse", name: "Greenhouse", color: "#0B6E4F" },
  { slug: "bamboohr", name: "BambooHR", color: "#3F7A12" },
  { slug: "okta", name: "Okta", color: "#00297A" },
  { slug: "amazon-s3", name: "Amazon S3", color: "#3B7A1E" },
  { slug: "oracle-fusion-cloud", name: "Oracle Fusion Cloud", color: "#B03A2E" },
  { slug: "postgresql", name: "PostgreSQL", color: "#336791" },
] as const satisfies readonly CatalogApp[];

export type CatalogAppSlug = (typeof appCatalog)[number]["slug"];

export function appIconPath(slug: string): string {
  return `/apps/${slug}.svg`;
}

// Fixed release dates keep seeded data reproducible and give rule U24 ("apps released later are not added to a
// selection") something to compare against.
const CATALOG_EPOCH_MS = Date.UTC(2024, 0, 1);

/** Upserts the catalog; safe to run after every migration, on an empty database or a populated one. */
export async function ensureCatalog(db: Database): Promise<void> {
  await db
    .insert(apps)
    .values(
      appCatalog.map((app, index) => ({
        slug: app.slug,
        name: app.name,
        iconPath: appIconPath(app.slug),
        releasedAt: new Date(CATALOG_EPOCH_MS + index * DAY_MS),
      })),
    )
    .onConflictDoUpdate({
      target: apps.slug,
      set: { name: sql`excluded.name`, iconPath: sql`excluded.icon_path` },
    });
}
