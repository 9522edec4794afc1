import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { customerManagers, customers, partnerMembers, partners, sessions, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { getDatabase, type Queryable } from "@/lib/db";
import { againIfUnreachable } from "@/lib/db/errors";
import { workspaceMembership } from "@/lib/workspace-team/membership";
import { endSwitch } from "@/lib/workspace-access/switch";
import { maySwitchInto } from "@/lib/workspace-access/switching";
import { embeddedAuditDetails } from "@/lib/embedding/audit-details";
import { hashSessionSecret } from "./sign-in";

/*
 * Sessions in the database: who a session is, in which account, and its end. No request in here (lib/auth/session.ts
 * reads the cookie and redirects), so that scripts such as the benchmark can call it as a request does.
 */

/** A session with its person, partner, partner role and the customer account it is in. */
function sessionRows(q: Queryable) {
  return q
    .select({
      partnerId: sessions.partnerId,
      partnerName: partners.name,
      userId: users.id,
      name: users.name,
      email: users.email,
      avatarUrl: users.avatarUrl,
      partnerRole: partnerMembers.role,
      activeCustomerId: sessions.activeCustomerId,
      activeCustomerName: customers.name,
      switchExpiresAt: sessions.switchExpiresAt,
      embeddedJti: sessions.embeddedJti,
      embeddedOrigin: sessions.embeddedOrigin,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(partners, eq(partners.id, sessions.partnerId))
    .leftJoin(partnerMembers, and(eq(partnerMembers.partnerId, sessions.partnerId), eq(partnerMembers.userId, sessions.userId)))
    .leftJoin(customers, and(eq(customers.id, sessions.activeCustomerId), eq(customers.partnerId, sessions.partnerId)));
}

type SessionRow = Awaited<ReturnType<typeof sessionRows>>[number];

/** The session's context in the partner account, and in the customer account it is in (if any). */
function contextsOf(row: SessionRow, idHash: string, at: Date, meta: { ip: string | null; userAgent: string | null }) {
  const embedded = row.embeddedJti === null ? undefined : { jti: row.embeddedJti, origin: row.embeddedOrigin };
  const partner: RequestContext = {
    partnerId: row.partnerId,
    partnerName: row.partnerName,
    actor: {
      kind: "user",
      userId: row.userId,
      name: row.name,
      email: row.email,
      avatarUrl: row.avatarUrl,
      // Signed in through the partner's app, a partner team member is only the workspace member the token named.
      partnerRole: embedded ? null : row.partnerRole,
      sessionIdHash: idHash,
    },
    account: { kind: "partner" },
    now: at,
    ...meta,
  };
  const customer: RequestContext | null =
    row.activeCustomerId === null || row.activeCustomerName === null
      ? null
      : {
          ...partner,
          account: {
            kind: "customer",
            customerId: row.activeCustomerId,
            customerName: row.activeCustomerName,
            switchExpiresAt: row.switchExpiresAt,
            ...(embedded ? { embedded } : {}),
          },
        };
  return { partner, customer, embedded };
}

/**
 * The context of the session `idHash`, checked as of `at`. A switch into a customer account (rule C7) holds only
 * while it has time left and the person may still enter that customer (a removed manager is out at its next
 * request); otherwise the switch ends here, is audited, and the request is served in the partner account.
 * A customer's own collaborator is in its home workspace while it is a member there.
 */
export async function loadSessionContext(
  idHash: string,
  meta: { ip: string | null; userAgent: string | null },
  at: Date = now(),
): Promise<RequestContext | null> {
  const [row] = await againIfUnreachable(() =>
    sessionRows(getDatabase()).where(and(eq(sessions.idHash, idHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, at))),
  );
  if (!row) return null;
  const { partner: base, customer: inCustomer, embedded } = contextsOf(row, idHash, at, meta);
  // An embedded session exists for its customer only: without it (the customer was deleted) it is no session.
  if (embedded && !inCustomer) return null;
  if (!inCustomer || inCustomer.account.kind !== "customer") return base;
  const customerId = inCustomer.account.customerId;
  return inPartnerScope(base, async (tx) => {
    if (row.switchExpiresAt === null) {
      const member = await workspaceMembership(tx, row.partnerId, customerId, row.userId);
      if (member) return inCustomer;
      return embedded ? null : base;
    }
    if (row.switchExpiresAt.getTime() <= at.getTime()) {
      await endSwitch(tx, inCustomer, "expired");
      return { ...base, switchJustEnded: true };
    }
    if (!(await maySwitchInto(tx, base, customerId))) {
      // Kept with the event so that the page the person lands on can say why it is out (issue 12).
      const [assignment] = await tx
        .select({ id: customerManagers.id })
        .from(customerManagers)
        .where(and(eq(customerManagers.partnerId, row.partnerId), eq(customerManagers.userId, row.userId)));
      await endSwitch(tx, inCustomer, "access revoked", { customerManager: assignment !== undefined });
      return { ...base, switchJustEnded: true };
    }
    return inCustomer;
  });
}

/** Ends the session behind the cookie (sign-out), and records it, with the end of a switch that was running. */
export async function revokeSession(sessionSecret: string): Promise<void> {
  const idHash = hashSessionSecret(sessionSecret);
  const at = now();
  await getDatabase().transaction(async (tx) => {
    const [row] = await sessionRows(tx)
      .where(and(eq(sessions.idHash, idHash), isNull(sessions.revokedAt)))
      .for("update", { of: sessions });
    if (!row) return;
    await tx.execute(sql`select set_config('app.partner_id', ${String(row.partnerId)}, true)`);
    const { partner, customer, embedded } = contextsOf(row, idHash, at, { ip: null, userAgent: null });
    if (customer && row.switchExpiresAt !== null) await endSwitch(tx, customer, "signed out");
    // Signing out forgets the origin an embedded session kept (rule U28).
    await tx.update(sessions).set({ revokedAt: at, activeCustomerId: null, embeddedOrigin: null }).where(eq(sessions.idHash, idHash));
    // A customer's own collaborator signs out of its workspace; everyone else out of the partner account.
    const home = customer && row.switchExpiresAt === null ? customer : partner;
    if (embedded) {
      await recordAudit(tx, customer ?? partner, {
        action: "session.sign_out_embedded",
        targetType: "user",
        targetId: row.userId,
        changes: embeddedAuditDetails(embedded, { userId: row.userId, name: row.name, email: row.email }),
      });
      return;
    }
    await recordAudit(tx, home, { action: "session.sign_out", targetType: "user", targetId: row.userId });
  });
}
