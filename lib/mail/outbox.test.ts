/**
 * The outbox (issue 15): an email is queued in the transaction of the change that causes it and sent afterwards,
 * through a real SMTP server (the development mail catcher, refusing on demand), with retries and backoff.
 */
import { createServer, type Socket } from "node:net";
import { and, eq } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { emailOutbox, partnerInvitations } from "@/db/schema";
import { inPartnerScope } from "@/lib/context";
import { getDatabase } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { findTeamInvitation } from "@/lib/partner-team/accept";
import { inviteTeamMember } from "@/lib/partner-team/invite";
import { inviteTeamMemberSchema } from "@/lib/partner-team/schema";
import { adminContext, createPartner } from "@/tests/support/factories";
import { startMailCatcher, type MailCatcher } from "@/scripts/lib/mail-catcher";
import { deliverDueEmail, MAX_ATTEMPTS, retryDelayMs } from "./deliver";
import { enqueueEmail } from "./outbox";
import { renderEmail } from "./render";
import { oneOffTransport } from "./transport";

let catcher: MailCatcher;
let transport: Transporter;

beforeAll(async () => {
  catcher = await startMailCatcher();
  transport = oneOffTransport(catcher.smtpUrl);
});
afterAll(async () => {
  transport.close();
  await catcher.close();
});

/** Runs the worker at `at` until it finds nothing more to claim (other test files leave queued mail behind too). */
async function drain(at: Date, through: Transporter = transport) {
  const total = { sent: 0, retried: 0, failed: 0 };
  for (;;) {
    const run = await deliverDueEmail({ at, transport: through });
    total.sent += run.sent;
    total.retried += run.retried;
    total.failed += run.failed;
    if (run.sent + run.retried + run.failed === 0) return total;
  }
}

const caughtFor = (to: string) => catcher.messages.filter((message) => message.to.includes(to));
const outboxRow = async (id: number) => (await getDatabase().select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0]!;

async function setup() {
  const acme = await createPartner(getDatabase(), { name: `Acme ${Date.now()}` });
  return { acme, admin: adminContext(acme.partner, acme.admin) };
}

describe("the outbox", () => {
  it("sends an invitation after its change commits, with a text and an HTML part and a link that works", async () => {
    const { admin } = await setup();
    const email = `new-${Date.now()}@example.test`;
    const { id } = await inviteTeamMember(admin, { email, role: "member" });
    expect(caughtFor(email)).toHaveLength(0);

    await drain(new Date());
    const [message] = caughtFor(email);
    expect(message?.subject).toContain("invited you to join");
    expect(message?.text).toContain("/team-invitations/pctinv_");
    expect(message?.html).toContain("Accept invitation");
    const link = /\/team-invitations\/(pctinv_[\w-]{43})/.exec(message!.text)![1]!;
    const found = await findTeamInvitation(link);
    expect(found).toEqual({ invitation: expect.objectContaining({ email, role: "member", accountExists: false }) });
    // Sent once: running the worker again sends nothing more.
    await drain(new Date());
    expect(caughtFor(email)).toHaveLength(1);
    const [row] = await getDatabase()
      .select({ status: emailOutbox.status, sentAt: emailOutbox.sentAt })
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, email));
    expect(row?.status).toBe("sent");
    expect(id).toBeGreaterThan(0);
  });

  it("sends nothing for a change that was rolled back, and queues nothing for a refused one", async () => {
    const { acme, admin } = await setup();
    const email = `rolled-back-${Date.now()}@example.test`;
    await expect(
      inPartnerScope(admin, async (tx) => {
        await enqueueEmail(tx, {
          partnerId: acme.partner.id,
          kind: "partner_invitation",
          to: email,
          at: admin.now,
          ...renderEmail({ subject: "Hello", paragraphs: ["Hi"] }),
        });
        throw new Error("the change failed after queuing its email");
      }),
    ).rejects.toThrow("the change failed");
    const taken = `taken-${Date.now()}@example.test`;
    await inviteTeamMember(admin, { email: taken, role: "member" });
    await expect(inviteTeamMember(admin, { email: taken, role: "admin" })).rejects.toMatchObject({ code: "CONFLICT" });

    expect(await getDatabase().select().from(emailOutbox).where(eq(emailOutbox.toAddress, email))).toHaveLength(0);
    expect(await getDatabase().select().from(emailOutbox).where(eq(emailOutbox.toAddress, taken))).toHaveLength(1);
    await drain(new Date());
    expect(caughtFor(email)).toHaveLength(0);
    expect(caughtFor(taken)).toHaveLength(1);
  });

  it("keeps a refused message queued and retries it with exponential backoff; the write that caused it stands", async () => {
    const { acme, admin } = await setup();
    const email = `refused-${Date.now()}@example.test`;
    await drain(new Date());
    catcher.refuse = true;
    try {
      const { id: invitationId } = await inviteTeamMember(admin, { email, role: "member" });
      const [{ id }] = (await getDatabase().select({ id: emailOutbox.id }).from(emailOutbox).where(eq(emailOutbox.toAddress, email))) as [{ id: number }];
      const start = new Date(Date.now() + 1000);

      await drain(start);
      let row = await outboxRow(id);
      expect(row).toMatchObject({ status: "queued", attempts: 1, claimedUntil: null });
      expect(row.lastError).toMatch(/451/);
      expect(row.nextAttemptAt.getTime()).toBe(start.getTime() + retryDelayMs(1));

      // Not due yet: half the wait later, nothing is attempted.
      const attemptsBefore = catcher.attempts;
      await drain(new Date(start.getTime() + retryDelayMs(1) / 2));
      expect(catcher.attempts).toBe(attemptsBefore);

      const second = new Date(start.getTime() + retryDelayMs(1));
      await drain(second);
      row = await outboxRow(id);
      expect(row).toMatchObject({ status: "queued", attempts: 2 });
      expect(row.nextAttemptAt.getTime() - second.getTime()).toBe(2 * retryDelayMs(1));

      catcher.refuse = false;
      await drain(row.nextAttemptAt);
      expect(await outboxRow(id)).toMatchObject({ status: "sent", attempts: 3, lastError: null });
      expect(caughtFor(email)).toHaveLength(1);
      const [invitation] = await getDatabase()
        .select()
        .from(partnerInvitations)
        .where(and(eq(partnerInvitations.id, invitationId), eq(partnerInvitations.partnerId, acme.partner.id)));
      expect(invitation?.email).toBe(email);
    } finally {
      catcher.refuse = false;
    }
  });

  it("keeps a message queued when the mail server accepts the connection and never answers; the write stands", async () => {
    // A server that takes the TCP connection and stays silent: no greeting, ever.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as { port: number };
    vi.stubEnv("SMTP_TIMEOUT_MS", "300");
    const hanging = oneOffTransport(`smtp://127.0.0.1:${port}`);
    try {
      const { acme, admin } = await setup();
      const email = `timed-out-${Date.now()}@example.test`;
      const started = Date.now();
      const { id: invitationId } = await inviteTeamMember(admin, { email, role: "member" });
      // The write does not wait for the mail server at all.
      expect(Date.now() - started).toBeLessThan(5_000);
      const [{ id }] = (await getDatabase().select({ id: emailOutbox.id }).from(emailOutbox).where(eq(emailOutbox.toAddress, email))) as [{ id: number }];

      const start = new Date(Date.now() + 1000);
      const attempt = Date.now();
      const run = await drain(start, hanging);
      expect(run.retried).toBeGreaterThan(0);
      // Given up after the configured timeout, not nodemailer's minutes-long default.
      expect(Date.now() - attempt).toBeLessThan(5_000);
      const row = await outboxRow(id);
      expect(row).toMatchObject({ status: "queued", attempts: 1, claimedUntil: null, sentAt: null });
      expect(row.lastError).toMatch(/ETIMEDOUT|Greeting never received|timeout/i);
      expect(row.nextAttemptAt.getTime()).toBe(start.getTime() + retryDelayMs(1));
      expect(caughtFor(email)).toHaveLength(0);

      // A working server later: the retry sends it, once.
      await drain(row.nextAttemptAt);
      expect(await outboxRow(id)).toMatchObject({ status: "sent", attempts: 2, lastError: null });
      expect(caughtFor(email)).toHaveLength(1);
      const [invitation] = await getDatabase()
        .select()
        .from(partnerInvitations)
        .where(and(eq(partnerInvitations.id, invitationId), eq(partnerInvitations.partnerId, acme.partner.id)));
      expect(invitation?.email).toBe(email);
    } finally {
      hanging.close();
      vi.unstubAllEnvs();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it("gives a message up after the last attempt, as failed", async () => {
    const { acme } = await setup();
    const email = `given-up-${Date.now()}@example.test`;
    const id = await inPartnerScope({ partnerId: acme.partner.id }, (tx) =>
      enqueueEmail(tx, {
        partnerId: acme.partner.id,
        kind: "partner_invitation",
        to: email,
        at: new Date(),
        ...renderEmail({ subject: "Hello", paragraphs: ["Hi"] }),
      }),
    );
    await getDatabase()
      .update(emailOutbox)
      .set({ attempts: MAX_ATTEMPTS - 1 })
      .where(eq(emailOutbox.id, id));
    catcher.refuse = true;
    try {
      await drain(new Date(Date.now() + 1000));
    } finally {
      catcher.refuse = false;
    }
    expect(await outboxRow(id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
  });

  it("makes header injection impossible: a subject with CR/LF stays one header, and addresses with them are refused", async () => {
    const { acme } = await setup();
    const email = `headers-${Date.now()}@example.test`;
    await inPartnerScope({ partnerId: acme.partner.id }, (tx) =>
      enqueueEmail(tx, {
        partnerId: acme.partner.id,
        kind: "partner_invitation",
        to: email,
        at: new Date(),
        ...renderEmail({ subject: "Hello\r\nBcc: victim@example.test\r\nX-Injected: yes", paragraphs: ["<script>alert(1)</script>"] }),
      }),
    );
    await drain(new Date(Date.now() + 1000));
    const [message] = caughtFor(email);
    expect(message?.subject).toBe("Hello Bcc: victim@example.test X-Injected: yes");
    expect(message?.to).toEqual([email]);
    expect(message?.headerLines.some((line) => /^(bcc|x-injected):/i.test(line))).toBe(false);
    expect(message?.html).toContain("&lt;script&gt;");

    for (const bad of [`a@example.test\r\nBcc: victim@example.test`, `a@example.test\nX: y`, "not-an-email", `${"x".repeat(250)}@example.test`]) {
      expect(inviteTeamMemberSchema.safeParse({ email: bad, role: "member" }).success, bad).toBe(false);
      const refused = inPartnerScope({ partnerId: acme.partner.id }, (tx) =>
        enqueueEmail(tx, { partnerId: acme.partner.id, kind: "partner_invitation", to: bad, at: new Date(), ...renderEmail({ subject: "x", paragraphs: [] }) }),
      );
      await expect(refused).rejects.toBeInstanceOf(DomainError);
    }
  });

  it("keeps the bodies sealed at rest: the one-time link is not in the table in plain text", async () => {
    const { admin } = await setup();
    const email = `sealed-${Date.now()}@example.test`;
    await inviteTeamMember(admin, { email, role: "member" });
    const [row] = await getDatabase().select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));
    expect(row?.sealedBody).toMatch(/^v1\./);
    expect(row?.sealedBody).not.toContain("pctinv_");
  });
});
