/**
 * The one logger: pino, one JSON line per event on stdout, each with the time and this instance. Nothing secret may
 * reach a line: request lines carry the route's pattern (never the URL, whose path can hold an invitation token)
 * and no headers; and the redaction below blanks the fields that could carry one if an object is logged whole.
 *
 * No `server-only`: the custom server (scripts/server.ts) logs through it too.
 */
import { hostname } from "node:os";
import pino, { type Logger } from "pino";
import { env } from "@/lib/env";

const SECRET_FIELDS = [
  "password",
  "token",
  "secret",
  "cookie",
  "authorization",
  "sessionSecret",
  "apiToken",
  "headers.cookie",
  "headers.authorization",
  "*.password",
  "*.token",
  "*.secret",
  "*.cookie",
  "*.authorization",
  "*.sessionSecret",
];

export function instanceName(): string {
  return env("INSTANCE_ID") ?? `${hostname()}:${process.pid}`;
}

const holder = globalThis as unknown as { partnerConsoleLogger?: Logger };

export function logger(): Logger {
  holder.partnerConsoleLogger ??= pino({
    level: env("LOG_LEVEL"),
    base: { instance: instanceName(), pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: SECRET_FIELDS, censor: "[redacted]" },
  });
  return holder.partnerConsoleLogger;
}
