// Refuses malformed requests (400), keeps anonymous users out of signed-in areas and applicants out
// of the back office, and gives every response its Content-Security-Policy with a fresh nonce.
// Pages and services check again themselves; this is the first gate, not the only one.
import { NextResponse } from "next/server";
import { areaOfPath, isBackOfficePath, mayUseArea } from "@/lib/domain/access/roles";
import { auth } from "@/lib/server/auth/auth";
import { can } from "@/lib/domain/access/permissions";
import { requestProblem } from "@/lib/domain/access/request-shape";
import { contentSecurityPolicy, newNonce } from "@/lib/domain/access/content-security-policy";
import { refuseMalformedApiCall } from "@/lib/server/api/handler";

export const proxy = auth((req) => {
  const nonce = newNonce();
  const csp = contentSecurityPolicy({ nonce, development: process.env.NODE_ENV !== "production" });
  // Next reads the nonce from the request's policy and puts it on its scripts.
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const response = gate(req, requestHeaders);
  response.headers.set("Content-Security-Policy", csp);
  return response;
});

function gate(req: Parameters<Parameters<typeof auth>[0]>[0], requestHeaders: Headers): NextResponse {
  const { pathname, search } = req.nextUrl;
  // Nothing malformed goes further: a NUL byte, a control character or a repeated parameter is a 400 here.
  const problem = requestProblem(req.nextUrl.pathname, req.nextUrl.search);
  if (problem) {
    // The open API answers it as RFC 9457 problem+json, and records the call like every other.
    if (isOpenApiPath(pathname)) return refuseMalformedApiCall(req, problem);
    return new NextResponse(`请求无效（${problem}）。Bad request (${problem}).`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  // A server action posted from another site: refused here as 403 (Next would refuse it too, as a 500).
  if (req.method === "POST" && req.headers.has("next-action")) {
    const origin = req.headers.get("origin");
    let foreign = false;
    try {
      // The same rule as Next's own check: the origin's host must be the request's (or the forwarded) host.
      const host = origin === null ? null : new URL(origin).host;
      foreign = host !== null && host !== req.headers.get("host") && host !== req.headers.get("x-forwarded-host");
    } catch {
      foreign = true;
    }
    if (foreign) return new NextResponse("Cross-site request refused. 拒绝跨站请求。", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const pass = () => NextResponse.next({ request: { headers: requestHeaders } });
  const area = areaOfPath(pathname);
  if (!area && !isBackOfficePath(pathname)) return pass();
  const user = req.auth?.user;
  if (!user) {
    const login = new URL("/login", req.nextUrl);
    // Keep only path and query: an absolute callback would be an open redirect.
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  // Refused here: the 403 page records the refusal with the path that was asked for.
  const refuse = () => {
    const to = new URL("/forbidden-area", req.nextUrl);
    to.searchParams.set("from", pathname);
    return NextResponse.rewrite(to, { status: 403, request: { headers: requestHeaders } });
  };
  if (isBackOfficePath(pathname) && !can(user.role, "office:enter")) return refuse();
  if (area && !mayUseArea(user.role, area)) return refuse();
  return pass();
}

/** The open API's routes (lib/server/api/handler.ts). */
function isOpenApiPath(pathname: string): boolean {
  return pathname === "/api/v1" || pathname.startsWith("/api/v1/");
}

// Every request but Next's own static files: the shape check applies to all, the sign-in gate to the areas.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
