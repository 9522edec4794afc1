import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, eq, isNull, lt } from "drizzle-orm";
import { customerMembers, customers, embeddedTokenUses, embeddingKeys, partners, roles, sessions, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { SESSION_MAX_AGE_SECONDS, hashSessionSecret, type SignInMeta } from "@/lib/auth/sign-in";
import { now } from "@/lib/clock";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { effectiveOrigins, parseOrigin } from "@/lib/customers/origins";
import { getDatabase, type Queryable } from "@/lib/db";
import { againIfUnreachable } from "@/lib/db/errors";
import { workspaceMembership, type WorkspaceMember } from "@/lib/workspace-team/membership";
import { embeddedAuditDetails } from "./audit-details";
import { refuse } from "./refusal";
import { assertRs256, checkClaims, claimedVendor, validUntil, verifiedPayload, type DirectLinkClaims } from "./token";
import { workspacePath } from "./workspace-path";
import { parseRecordId } from "@/lib/ids";

export interface EmbeddedSignIn {
  sessionSecret: string;
  userId: number;
  name: string;
  email: string;
  /** Where to send the browser: a path inside the workspace. */
  redirectTo: string;
}

/** An ID (by the one rule of lib/ids.ts), or `E` + an external ID; anything else is no reference at all. */
function reference(value: string): { id: number } | { externalId: string } | null {
  const id = parseRecordId(value);
  if (id !== null) return { id };
  return value.length > 1 && value.startsWith("E") ? { externalId: value.slice(1) } : null;
}

async function findCustomer(tx: Queryable, partnerId: number, ref: string) {
  const parsed = reference(ref);
  // The same words whether the customer belongs to another partner or to nobody (decision D8).
  const missing = `No customer "${ref.slice(0, 100)}" for this vendor ID: use the customer's ID or E followed by its external ID.`;
  if (!parsed) return refuse(missing, 403);
  const [customer] = await tx
    .select({ id: customers.id, name: customers.name, origins: customers.iframeOrigins, partnerOrigins: partners.iframeOrigins })
    .from(customers)
    .innerJoin(partners, eq(partners.id, customers.partnerId))
    .where(and(eq(customers.partnerId, partnerId), "id" in parsed ? eq(customers.id, parsed.id) : eq(customers.externalId, parsed.externalId)));
  return customer ?? refuse(missing, 403);
}

/**
 * Whom the session is for. A named member (a user ID, or `E` + the member's external ID) must be in the workspace,
 * directly or as a customer manager, and keeps its own role there. Without one, the documented default: the
 * workspace's owner, its earliest direct member with the system role Admin.
 */
async function findMember(tx: Queryable, partnerId: number, customerId: number, ref: string | null): Promise<WorkspaceMember> {
  if (ref === null) {
    const [owner] = await tx
      .select({ userId: customerMembers.userId })
      .from(customerMembers)
      .innerJoin(roles, eq(roles.id, customerMembers.roleId))
      .where(and(eq(customerMembers.customerId, customerId), eq(roles.kind, "system"), eq(roles.name, "Admin")))
      .orderBy(asc(customerMembers.createdAt), asc(customerMembers.id))
      .limit(1);
    const member = owner ? await workspaceMembership(tx, partnerId, customerId, owner.userId) : null;
    return (
      member ?? refuse("This customer has no member with the Admin role to sign in by default: name the member in sub (<vendor ID>:<customer>:<member>).", 403)
    );
  }
  const missing = `No member "${ref.slice(0, 100)}" in this customer: use the member's user ID or E followed by its external ID.`;
  const parsed = reference(ref);
  if (!parsed) return refuse(missing, 403);
  let userId: number | undefined;
  if ("id" in parsed) userId = parsed.id;
  else {
    const [row] = await tx
      .select({ userId: customerMembers.userId })
      .from(customerMembers)
      .where(and(eq(customerMembers.customerId, customerId), eq(customerMembers.externalId, parsed.externalId)));
    userId = row?.userId;
  }
  const member = userId === undefined ? null : await workspaceMembership(tx, partnerId, customerId, userId);
  return member ?? refuse(missing, 403);
}

/** The origin claim, which must be one of the customer's effective iframe origins (decision D3); null without one. */
function checkOrigin(claim: string | null, allowed: readonly string[]): string | null {
  if (claim === null) return null;
  const parsed = parseOrigin(claim);
  if ("error" in parsed) return refuse(`The origin claim ${parsed.error}`);
  if (!allowed.includes(parsed.origin)) {
    return refuse(
      `The origin ${parsed.origin} is not one of this customer's iframe origins: add it to the partner's or the customer's iframe origin URLs, or send the origin the page is really on.`,
      403,
    );
  }
  return parsed.origin;
}

/** The token may be used once: its jti is remembered until the token could no longer be valid; older ones go. */
async function useJti(tx: Queryable, partnerId: number, claims: DirectLinkClaims, at: Date): Promise<void> {
  await tx.delete(embeddedTokenUses).where(and(eq(embeddedTokenUses.partnerId, partnerId), lt(embeddedTokenUses.expiresAt, at)));
  const [used] = await tx
    .insert(embeddedTokenUses)
    .values({ partnerId, jti: claims.jti, usedAt: at, expiresAt: validUntil(claims) })
    .onConflictDoNothing()
    .returning({ jti: embeddedTokenUses.jti });
  if (!used) refuse("This token was used already (its jti was seen before): sign a new token, with a new jti, for every link.", 401);
}

/**
 * **Sign in through the partner's app** (issue 14): the direct link `/direct_link?token=…&path=…`. The token is
 * the authorization: RS256 only (checked before the payload is read), signed by one of the vendor's active keys,
 * recent, used once, naming a customer of that vendor and, optionally, one of its members, and an origin it
 * allows. Then a workspace session for that person in that customer, the origin kept in it until sign-out (rule
 * U28). Every refusal throws a DirectLinkRefusal in the one transaction, so nothing of it is written.
 */
export async function signInThroughPartnerApp(input: { token: string | null; path: string | null }, meta: SignInMeta): Promise<EmbeddedSignIn> {
  const token = assertRs256(input.token);
  const redirectTo = workspacePath(input.path);
  const vendorId = claimedVendor(token);
  const at = now();
  // Which partner the token claims to come from is read before its partner is known, so outside a partner scope.
  const [partner] = await againIfUnreachable(() =>
    getDatabase().select({ id: partners.id, name: partners.name }).from(partners).where(eq(partners.embeddedVendorId, vendorId)),
  );
  if (!partner) return refuse("No partner has the vendor ID in sub: copy the embedded vendor ID from Embedding (or GET /api/embedding).", 401);
  const sessionSecret = randomBytes(32).toString("base64url");
  const idHash = hashSessionSecret(sessionSecret);
  return inPartnerScope({ partnerId: partner.id }, async (tx) => {
    const keys = await tx
      .select({ pem: embeddingKeys.publicKeyPem })
      .from(embeddingKeys)
      .where(and(eq(embeddingKeys.partnerId, partner.id), isNull(embeddingKeys.retiredAt)));
    if (keys.length === 0) refuse("Embedded sign-in is off for this vendor: set a signing key in Embedding first.", 401);
    const claims = checkClaims(
      await verifiedPayload(
        token,
        keys.map((key) => key.pem),
      ),
      at,
    );
    const customer = await findCustomer(tx, partner.id, claims.subject.customer);
    const member = await findMember(tx, partner.id, customer.id, claims.subject.member);
    const origin = checkOrigin(claims.origin, effectiveOrigins(customer.partnerOrigins, customer.origins));
    await useJti(tx, partner.id, claims, at);
    await tx.insert(sessions).values({
      idHash,
      partnerId: partner.id,
      userId: member.userId,
      activeCustomerId: customer.id,
      embeddedJti: claims.jti,
      embeddedOrigin: origin,
      ip: meta.ip,
      userAgent: meta.userAgent,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(at.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
    });
    const [user] = await tx.select({ avatarUrl: users.avatarUrl }).from(users).where(eq(users.id, member.userId));
    const ctx: RequestContext = {
      partnerId: partner.id,
      partnerName: partner.name,
      actor: {
        kind: "user",
        userId: member.userId,
        name: member.name,
        email: member.email,
        avatarUrl: user?.avatarUrl ?? "",
        partnerRole: null,
        sessionIdHash: idHash,
      },
      account: { kind: "customer", customerId: customer.id, customerName: customer.name, switchExpiresAt: null, embedded: { jti: claims.jti, origin } },
      now: at,
      ip: meta.ip,
      userAgent: meta.userAgent,
    };
    await recordAudit(
      tx,
      ctx,
      {
        action: "session.sign_in_embedded",
        targetType: "user",
        targetId: member.userId,
        changes: embeddedAuditDetails({ jti: claims.jti, origin }, member, claims.subject.member === null),
      },
      member.source === "direct" ? "customer_collaborator" : "customer_manager",
    );
    return { sessionSecret, userId: member.userId, name: member.name, email: member.email, redirectTo };
  });
}
