/**
 * Headers every response carries, assets and the REST API included. The pages' Content-Security-Policy needs a
 * nonce per response, so proxy.ts sets it; the API's policy must equal API_CONTENT_SECURITY_POLICY in
 * lib/security/content-security-policy.ts (e2e/security-headers.spec.ts checks both).
 */
const everyResponse = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite is never bundled: its extension bundles (pg_trgm) must be found on disk at run time.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  async headers() {
    return [
      { source: "/:path*", headers: everyResponse },
      // JSON loads nothing and is framed by nobody.
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
      // HSTS only when the client reached us over HTTPS, as the TLS-terminating proxy reports it (`next start`
      // itself speaks plain HTTP); over plain HTTP the header would be meaningless.
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https(?:,.*)?" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }],
      },
    ];
  },
};

export default nextConfig;
