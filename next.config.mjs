/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite is never bundled: its extension bundles (pg_trgm) must be found on disk at run time.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

export default nextConfig;
