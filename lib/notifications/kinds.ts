/**
 * The events a customer's notification email receives (issue 15, seed 001: "the events listed under Account
 * settings > Notifications"). No server-only import: the settings forms list them too.
 */
export const NOTIFICATION_KINDS = [
  "trial_ends_in_7_days",
  "trial_ends_in_1_day",
  "trial_ended",
  "tasks_80_percent",
  "tasks_100_percent",
  "connection_limit_reached",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_LABELS: Record<NotificationKind, { label: string; description: string }> = {
  trial_ends_in_7_days: { label: "Trial ends in 7 days", description: "A week before the trial ends." },
  trial_ends_in_1_day: { label: "Trial ends in 1 day", description: "A day before the trial ends." },
  trial_ended: { label: "Trial ended", description: "When the trial has ended and the account is on the Free plan." },
  tasks_80_percent: { label: "80% of tasks used", description: "When the billing period's tasks reach 80% of the plan's limit." },
  tasks_100_percent: { label: "100% of tasks used", description: "When the billing period's tasks reach the plan's limit." },
  connection_limit_reached: {
    label: "Connection limit reached",
    description: "When the authenticated connections reach the plan's limit (at most once a billing period).",
  },
};

/** A stored choice per kind; a kind not named follows the next level (the partner's default, then on). */
export type NotificationChoices = Partial<Record<NotificationKind, boolean>>;

/** Only the known kinds with a boolean: a stored map is read defensively, since kinds may be added or retired. */
export function readChoices(stored: unknown): NotificationChoices {
  const choices: NotificationChoices = {};
  if (stored && typeof stored === "object") {
    for (const kind of NOTIFICATION_KINDS) {
      const value = (stored as Record<string, unknown>)[kind];
      if (typeof value === "boolean") choices[kind] = value;
    }
  }
  return choices;
}

/** Whether the partner sends this kind by default: on unless the partner turned it off. */
export function partnerDefault(defaults: NotificationChoices, kind: NotificationKind): boolean {
  return defaults[kind] ?? true;
}

/** Whether a customer gets this kind: its own choice, else the partner's default (the notifications job's SQL agrees). */
export function effectiveChoice(customer: NotificationChoices, defaults: NotificationChoices, kind: NotificationKind): boolean {
  return customer[kind] ?? partnerDefault(defaults, kind);
}
