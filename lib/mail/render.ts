import { env } from "@/lib/env";

/**
 * Every email the console sends has one layout, in plain text and in HTML: a greeting, a few paragraphs, one link to
 * act on, and a closing line. Values are escaped for HTML here, once; the text part carries them as they are.
 */
export interface EmailContent {
  subject: string;
  /** Short paragraphs of plain text (no markup). */
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Why the person got this message, or what happens if they ignore it. */
  footer?: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function renderEmail(content: EmailContent): RenderedEmail {
  const text = [
    ...content.paragraphs,
    ...(content.action ? [`${content.action.label}: ${content.action.url}`] : []),
    ...(content.footer ? ["--", content.footer] : []),
  ].join("\n\n");
  const html = [
    "<!doctype html>",
    `<html><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #111;">',
    ...content.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    content.action
      ? `<p><a href="${escapeHtml(content.action.url)}" style="display: inline-block; padding: 8px 16px; background: #111; color: #fff; border-radius: 6px; text-decoration: none;">${escapeHtml(content.action.label)}</a></p>` +
        `<p style="font-size: 12px; color: #555;">Or open this link: ${escapeHtml(content.action.url)}</p>`
      : "",
    content.footer ? `<hr><p style="font-size: 12px; color: #555;">${escapeHtml(content.footer)}</p>` : "",
    "</body></html>",
  ].join("\n");
  return { subject: content.subject, text, html };
}

/**
 * The console's public address: links in emails point there. An email is read elsewhere, later, so the host of the
 * request that sent it is no guide; without NEXTAUTH_URL, the console on this machine.
 */
export function publicUrl(path: string): string {
  return new URL(path, env("NEXTAUTH_URL") ?? `http://localhost:${env("PORT")}`).href;
}
