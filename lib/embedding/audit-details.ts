/** What the audit log keeps of an embedded sign-in or sign-out: the token's jti, the origin and the member. */
export function embeddedAuditDetails(
  embedded: { jti: string; origin: string | null },
  member: { userId: number; name: string; email: string; roleName?: string },
  byDefault = false,
): Record<string, unknown> {
  return {
    through: "the partner's app",
    jti: embedded.jti,
    origin: embedded.origin ?? "(none: not in an iframe)",
    member: `${member.name} <${member.email}> (user ${member.userId})${byDefault ? ", the workspace owner by default" : ""}`,
    ...(member.roleName ? { role: member.roleName } : {}),
  };
}
