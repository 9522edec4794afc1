import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

/*
 * The SMTP transport: SMTP_URL (smtp://user:pass@host:port, or smtps://), and MAIL_FROM for the sender. `npm start`
 * sets SMTP_URL to its development mail catcher when none is given.
 */

/**
 * Short timeouts (SMTP_TIMEOUT_MS): a mail server that accepts the connection and never answers keeps its message
 * queued for the next attempt, instead of the worker waiting on it (nodemailer's own defaults are minutes).
 */
function timeouts() {
  const ms = env("SMTP_TIMEOUT_MS");
  return { connectionTimeout: ms, greetingTimeout: ms, socketTimeout: 2 * ms };
}

const globalForTransport = globalThis as unknown as { partnerConsoleMailTransport?: { url: string; transport: Transporter } };

export function smtpUrl(): string | null {
  return env("SMTP_URL") ?? null;
}

export function mailFrom(): string {
  return env("MAIL_FROM");
}

/** One pooled transport per SMTP_URL for the process. */
export function smtpTransport(url: string): Transporter {
  const cached = globalForTransport.partnerConsoleMailTransport;
  if (cached?.url === url) return cached.transport;
  const transport = nodemailer.createTransport({ url, pool: true, maxConnections: 2, ...timeouts() });
  globalForTransport.partnerConsoleMailTransport = { url, transport };
  return transport;
}

/** A transport for one use (tests, scripts): closed by the caller. */
export function oneOffTransport(url: string): Transporter {
  return nodemailer.createTransport({ url, ...timeouts() });
}
