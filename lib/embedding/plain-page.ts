/**
 * The direct link's own pages (a refusal, "signed out"): plain HTML that loads nothing, shown inside the partner's
 * iframe. They hold no control and no data, so any page may frame them; everything else keeps its own policy.
 */
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function plainPage(status: number, title: string, paragraphs: readonly string[]): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} · Partner console</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5">
<h1 style="font-size:1.25rem">${escape(title)}</h1>${paragraphs.map((text) => `<p>${escape(text)}</p>`).join("")}</body></html>`;
  return new Response(html, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors *",
    },
  });
}
