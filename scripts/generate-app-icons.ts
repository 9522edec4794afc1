/**
 * Writes `public/apps/<slug>.svg`, a letter mark for every catalog app. Real vendor logos are trademarks we may
 * not ship, so each app gets its initials on a rounded square of its colour instead.
 *
 *   npx tsx scripts/generate-app-icons.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { appCatalog, type CatalogApp } from "../db/catalog";

const OUTPUT_DIR = resolve(process.cwd(), "public/apps");
const SIZE = 32;
/** WCAG AA for normal text: the marks are small, so they need the stricter of the two thresholds. */
const MIN_CONTRAST_WITH_WHITE = 4.5;

/** Where the derived initials would mislead (a product code, not words). */
const MARK_OVERRIDES: Partial<Record<string, string>> = {
  "sap-s4hana": "S4",
  "amazon-s3": "S3",
  "microsoft-dynamics-365": "D",
  monday: "m",
  postgresql: "Pg",
};

/** "Google Sheets" → "GS", "HubSpot" → "HS", "Slack" → "S". */
function appInitials(app: Pick<CatalogApp, "slug" | "name">): string {
  const override = MARK_OVERRIDES[app.slug];
  if (override) return override;
  const words = app.name.split(/[\s/.-]+/).filter((word) => /^[A-Za-z]/.test(word));
  if (words.length >= 2) return (words[0]!.charAt(0) + words[1]!.charAt(0)).toUpperCase();
  const word = words[0] ?? app.name;
  // Camel-cased brands read as two words: the second capital after a lower-case letter starts the second one.
  const humps = word.match(/[A-Z][a-z]+/g) ?? [];
  if (humps.length >= 2) return humps[0]!.charAt(0) + humps[1]!.charAt(0);
  return word.charAt(0).toUpperCase();
}

function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((offset) => parseInt(hex.slice(offset, offset + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrastWithWhite(hex: string): number {
  return 1.05 / (relativeLuminance(hex) + 0.05);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function appIconSvg(app: CatalogApp): string {
  const initials = appInitials(app);
  const text = {
    x: 16,
    y: 16,
    // `dy` rather than dominant-baseline: browsers and image viewers disagree on the latter.
    dy: "0.35em",
    "text-anchor": "middle",
    fill: "#FFFFFF",
    "font-family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    "font-size": initials.length > 1 ? 13 : 16,
    "font-weight": 600,
    "letter-spacing": initials.length > 1 ? "-0.3" : "0",
  };
  const attributes = Object.entries(text)
    .map(([name, value]) => `${name}="${value}"`)
    .join(" ");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}" role="img">`,
    `  <title>${escapeXml(app.name)}</title>`,
    `  <rect width="${SIZE}" height="${SIZE}" rx="7" fill="${app.color}"/>`,
    `  <text ${attributes}>${escapeXml(initials)}</text>`,
    `</svg>`,
    ``,
  ].join("\n");
}

function main(): void {
  const tooPale = appCatalog.filter((app) => contrastWithWhite(app.color) < MIN_CONTRAST_WITH_WHITE);
  if (tooPale.length > 0) {
    const list = tooPale.map((app) => `${app.slug} ${app.color} (${contrastWithWhite(app.color).toFixed(2)}:1)`);
    throw new Error(`White initials would be hard to read on: ${list.join(", ")}`);
  }
  mkdirSync(OUTPUT_DIR, { recursive: true });
  for (const app of appCatalog) {
    writeFileSync(resolve(OUTPUT_DIR, `${app.slug}.svg`), appIconSvg(app));
  }
  console.log(`Wrote ${appCatalog.length} app icons to ${OUTPUT_DIR}`);
}

main();
