/**
 * The development mail catcher: an SMTP server (nodemailer's smtp-server) that keeps every message it receives in
 * memory, parsed with mailparser, and a small HTTP inbox to read them: `/` lists them as a page, `/messages` as JSON
 * (what the browser tests read). `npm start` runs it when SMTP_URL is unset; tests run it to see what was sent, or
 * with `refuse` set to play a mail server that turns messages away.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface CaughtMessage {
  id: number;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Every header line as received, for checks that no value could add a header of its own. */
  headerLines: string[];
  receivedAt: string;
}

export interface MailCatcher {
  smtpUrl: string;
  inboxUrl: string;
  messages: CaughtMessage[];
  /** How many deliveries were attempted (refused ones included). */
  attempts: number;
  /** While true, every message is refused with a temporary failure (451), as a struggling mail server does. */
  refuse: boolean;
  close(): Promise<void>;
}

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export async function startMailCatcher(options: { host?: string; smtpPort?: number; httpPort?: number; refuse?: boolean } = {}): Promise<MailCatcher> {
  const host = options.host ?? "127.0.0.1";
  const messages: CaughtMessage[] = [];
  let nextId = 1;
  const catcher: MailCatcher = {
    smtpUrl: "",
    inboxUrl: "",
    messages,
    attempts: 0,
    refuse: options.refuse ?? false,
    close: async () => undefined,
  };

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      catcher.attempts += 1;
      if (catcher.refuse) {
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("Mailbox temporarily unavailable"), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            id: nextId++,
            from: parsed.from?.text ?? "",
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            headerLines: parsed.headerLines.map((line) => line.line),
            receivedAt: new Date().toISOString(),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once("error", reject);
    smtp.listen(options.smtpPort ?? 0, host, () => resolve());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const http: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/messages" && request.method === "DELETE") {
      messages.length = 0;
      response.writeHead(204).end();
    } else if (url.pathname === "/messages") {
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(messages));
    } else if (/^\/messages\/\d+$/.test(url.pathname)) {
      const message = messages.find((m) => m.id === Number(url.pathname.split("/")[2]));
      if (!message) response.writeHead(404).end("No such message");
      // The caught HTML is shown as it would be in a mail client, in a sandbox that runs no script.
      else
        response
          .writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'" })
          .end(message.html || `<pre>${escape(message.text)}</pre>`);
    } else if (url.pathname === "/") {
      const rows = [...messages]
        .reverse()
        .map((m) => `<tr><td>${escape(m.receivedAt)}</td><td>${escape(m.to.join(", "))}</td><td><a href="/messages/${m.id}">${escape(m.subject)}</a></td></tr>`)
        .join("");
      response
        .writeHead(200, { "content-type": "text/html; charset=utf-8" })
        .end(
          `<!doctype html><meta charset="utf-8"><title>Mail catcher</title><h1>Caught mail (${messages.length})</h1>` +
            `<p>Every message the console sent while SMTP_URL is unset. JSON: <a href="/messages">/messages</a></p>` +
            `<table border="1" cellpadding="4"><tr><th>Received</th><th>To</th><th>Subject</th></tr>${rows}</table>`,
        );
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.httpPort ?? 0, host, () => resolve());
  });
  const httpPort = (http.address() as AddressInfo).port;

  catcher.smtpUrl = `smtp://${host}:${smtpPort}`;
  catcher.inboxUrl = `http://${host}:${httpPort}`;
  catcher.close = async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await new Promise<void>((resolve) => http.close(() => resolve()));
  };
  return catcher;
}
