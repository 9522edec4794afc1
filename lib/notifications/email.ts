import { formatDate, formatNumber } from "@/lib/format";
import { publicUrl, renderEmail, type RenderedEmail } from "@/lib/mail/render";
import type { NotificationKind } from "./kinds";

export interface NotificationFacts {
  customerId: number;
  customerName: string;
  trialEndsAt: Date | null;
  used: number | null;
  limit: number | null;
}

/** The customer's Settings, where the plan is chosen and the trial extended: the place to act on every notice. */
export const settingsPath = (customerId: number) => `/customers/${customerId}/settings`;

function content(kind: NotificationKind, facts: NotificationFacts): { subject: string; paragraphs: string[] } {
  const name = facts.customerName;
  const ends = facts.trialEndsAt ? formatDate(facts.trialEndsAt) : "";
  const figures = `${formatNumber(facts.used ?? 0)} of ${formatNumber(facts.limit ?? 0)}`;
  switch (kind) {
    case "trial_ends_in_7_days":
    case "trial_ends_in_1_day": {
      const left = kind === "trial_ends_in_7_days" ? "7 days" : "1 day";
      return {
        subject: `The trial of ${name} ends in ${left}`,
        paragraphs: [
          `The trial of ${name} ends on ${ends} (in ${left}).`,
          "When it ends, the account moves to the Free plan (100 tasks a month) and its subscription shows as expired. Choose a plan to keep it going.",
        ],
      };
    }
    case "trial_ended":
      return {
        subject: `The trial of ${name} has ended`,
        paragraphs: [
          `The trial of ${name} ended on ${ends}.`,
          "The account is now on the Free plan (100 tasks a month), Expired subscription. Choose a plan to make it an active subscription again.",
        ],
      };
    case "tasks_80_percent":
      return {
        subject: `${name} has used 80% of its tasks this month`,
        paragraphs: [`${name} has used ${figures} tasks of this billing period.`, "If it needs more, choose a larger plan in its settings."],
      };
    case "tasks_100_percent":
      return {
        subject: `${name} has used all of its tasks this month`,
        paragraphs: [
          `${name} has used ${figures} tasks of this billing period: the plan's limit.`,
          "If it needs more before the next billing period starts, choose a larger plan in its settings.",
        ],
      };
    case "connection_limit_reached":
      return {
        subject: `${name} has reached its connection limit`,
        paragraphs: [
          `${name} has ${figures} authenticated connections: the plan's limit.`,
          "If it needs more connections, choose a larger plan in its settings.",
        ],
      };
  }
}

/** One notice, in text and HTML, with a link to the customer's Settings (absolute, from the console's public address). */
export function renderNotification(kind: NotificationKind, facts: NotificationFacts): RenderedEmail {
  const { subject, paragraphs } = content(kind, facts);
  return renderEmail({
    subject,
    paragraphs,
    action: { label: `Open ${facts.customerName}'s settings`, url: publicUrl(settingsPath(facts.customerId)) },
    footer: `Sent to the notification email of ${facts.customerName}. The events it receives are chosen under Settings › Notifications.`,
  });
}
