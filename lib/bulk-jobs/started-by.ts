import type { Actor, RequestContext } from "@/lib/context";

/** Who started a job, as stored with it: enough to act as them in every batch (audit events name them). */
export type StartedBy = { partnerName: string; actor: Actor };

/** The session's hash is not kept: a batch acts as the person, not through their session. */
export function startedByOf(ctx: RequestContext): StartedBy {
  const actor: Actor = ctx.actor.kind === "user" ? { ...ctx.actor, sessionIdHash: "" } : ctx.actor;
  return { partnerName: ctx.partnerName, actor };
}

/** The context a batch runs in: the starter's, in the partner account, at the batch's own moment. */
export function batchContext(job: { partnerId: number; startedBy: unknown; ip: string | null; userAgent: string | null }, now: Date): RequestContext {
  const startedBy = job.startedBy as StartedBy;
  return {
    partnerId: job.partnerId,
    partnerName: startedBy.partnerName,
    actor: startedBy.actor,
    account: { kind: "partner" },
    now,
    ip: job.ip,
    userAgent: job.userAgent,
  };
}
