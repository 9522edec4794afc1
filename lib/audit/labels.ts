/**
 * How audit events read in the console and in the CSV export. Safe to import in client components. An action
 * that is not listed here shows as its code.
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "session.sign_in": "Signed in",
  "session.sign_out": "Signed out",
  "session.sign_in_embedded": "Signed in through the partner's app",
  "session.sign_out_embedded": "Signed out (signed in through the partner's app)",
  "embedding.key_added": "Added signing key",
  "embedding.key_retired": "Retired signing key",
  "account.switch_in": "Switched into account",
  "account.switch_out": "Left account",
  "customer_manager.assign": "Assigned customer manager",
  "customer_manager.update": "Edited customer manager",
  "customer_manager.remove": "Removed customer manager",
  "customer_manager.workspace_added": "Customer manager added to account",
  "customer_manager.workspace_removed": "Customer manager removed from account",
  "recipe.start": "Started recipe",
  "recipe.stop": "Stopped recipe",
  "recipe.version_save": "Saved recipe version",
  "connection.create": "Connected app",
  "connection.delete": "Disconnected app",
  "collaborator.invite": "Invited collaborator",
  "invitation.accept": "Accepted invitation",
  "collaborator.add": "Added collaborator",
  "collaborator.role_change": "Changed collaborator role",
  "collaborator.remove": "Removed collaborator",
  "collaborator.update": "Updated collaborator",
  // Events written before the API and the Teams page's renames became one verb (customer.renamed) keep their label.
  "workspace.rename": "Renamed team",
  "customer.created": "Added customer",
  "customer.deleted": "Deleted customer account",
  "customer.updated": "Updated customer",
  "customer.renamed": "Renamed customer",
  "customer.plan_changed": "Changed plan",
  "customer.trial_started": "Started trial",
  "customer.trial_turned_off": "Turned trial off",
  "customer.trial_extended": "Extended trial",
  "customer.notification_email_changed": "Changed notification email",
  "customer.external_id_changed": "Changed external ID",
  "customer.iframe_origins_changed": "Changed iframe origin URLs",
  "customer.app_access_changed": "Changed app access",
  "customer.notifications_changed": "Changed notifications",
  "customer.notification_sent": "Sent notification",
  "partner.notification_defaults_changed": "Changed default notifications",
  "environment_role.created": "Created environment role",
  "environment_role.updated": "Edited environment role",
  "environment_role.deleted": "Deleted environment role",
  "project_role.created": "Created project role",
  "project_role.updated": "Edited project role",
  "project_role.deleted": "Deleted project role",
  "user_group.created": "Created collaborator group",
  "user_group.updated": "Edited collaborator group",
  "user_group.deleted": "Deleted collaborator group",
  "user_group.members_added": "Added members to collaborator group",
  "user_group.members_removed": "Removed members from collaborator group",
  "project_grant.created": "Granted project role",
  "project_grant.updated": "Changed project grant",
  "project_grant.deleted": "Removed project grant",
  "roles_migration.system_roles": "Migrated system roles",
  "roles_migration.custom_role": "Migrated custom role",
  "api_client.created": "Created API client",
  "api_client.revoked": "Revoked API client",
  "bulk_job.started": "Started bulk job",
  "bulk_job.cancelled": "Cancelled bulk job",
  "customer_import.validated": "Checked a CSV import of customers",
};

export function actionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

export const ACTING_AS_LABELS: Record<string, string> = {
  partner_admin: "Partner admin",
  partner_member: "Partner member",
  customer_manager: "Customer manager",
  customer_collaborator: "Customer collaborator",
  api_client: "API client",
  system: "System",
  anonymous: "Anonymous",
};

export function actingAsLabel(actingAs: string): string {
  return ACTING_AS_LABELS[actingAs] ?? actingAs;
}

/** "firstName" → "First name": how a changed field's key reads. */
export function fieldLabel(key: string): string {
  const words = key
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_.]/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
