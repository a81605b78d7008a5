import createNextIntlPlugin from "next-intl/plugin";

// The member portal's messages (lib/i18n); staff pages do not use them and stay English.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: [
    "@node-rs/argon2",
    "pg",
    "pino",
    "pg-boss",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
  ],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
