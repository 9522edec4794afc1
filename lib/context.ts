import "server-only";
import { partnerScope, tenantDatabase, type Transaction } from "@/lib/db";
import { againIfUnreachable } from "@/lib/db/errors";
import { notePartner } from "@/lib/observability/request-context";

export type PartnerRole = "admin" | "member";

/** Who is acting: a signed-in person or an API client. */
export type Actor =
  | {
      kind: "user";
      userId: number;
      name: string;
      email: string;
      avatarUrl: string;
      /** Null for a customer's own collaborator, who has no place in the partner's team. */
      partnerRole: PartnerRole | null;
      sessionIdHash: string;
    }
  | { kind: "api_client"; apiClientId: number; name: string; scopes: string[] };

/** Which account the actor is in: the partner account, or a customer account it switched into (rule C7). */
export type Account =
  | { kind: "partner" }
  | {
      kind: "customer";
      customerId: number;
      customerName: string;
      switchExpiresAt: Date | null;
      /**
       * Present when the session began with a partner's signed direct link (issue 14): the token's jti and the origin
       * it named (rule U28). Such a session stays in this customer: no partner console, no switching.
       */
      embedded?: { jti: string; origin: string | null };
    };

/** Everything a data-access function needs to know about the request it serves. */
export interface RequestContext {
  partnerId: number;
  partnerName: string;
  actor: Actor;
  account: Account;
  now: Date;
  ip: string | null;
  userAgent: string | null;
  /**
   * The session's switch into a customer ended on its own while this request was read (time limit, access lost):
   * the page it is served says so (issue 12). Set by lib/auth/session-store.ts only.
   */
  switchJustEnded?: true;
}

/**
 * Runs `work` in a transaction scoped to the context's partner: the transaction runs as the tenant role with the
 * partner set (`partnerScope`), so that row-level security stands behind every query of `work`.
 *
 * A pooled connection whose server restarted fails on its first statement; then, and only if `work` has not started,
 * the transaction is opened once more on another connection (nothing of it can have been written).
 */
export async function inPartnerScope<T>(ctx: Pick<RequestContext, "partnerId">, work: (tx: Transaction) => Promise<T>): Promise<T> {
  let started = false;
  notePartner(ctx.partnerId);
  return againIfUnreachable(
    () =>
      tenantDatabase().db.transaction(async (tx) => {
        await tx.execute(partnerScope(ctx.partnerId));
        started = true;
        return work(tx);
      }),
    () => !started,
  );
}
