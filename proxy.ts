// Keeps anonymous users out of signed-in areas and applicants out of the back office.
// Pages and services check again themselves; this is the first gate, not the only one.
import { NextResponse } from "next/server";
import { areaOfPath, isBackOfficePath, mayUseArea } from "@/lib/domain/access/roles";
import { auth } from "@/lib/server/auth/auth";
import { can } from "@/lib/domain/access/permissions";

export const proxy = auth((req) => {
  const { pathname, search } = req.nextUrl;
  const area = areaOfPath(pathname);
  if (!area && !isBackOfficePath(pathname)) return NextResponse.next();
  const user = req.auth?.user;
  if (!user) {
    const login = new URL("/login", req.nextUrl);
    // Keep only path and query: an absolute callback would be an open redirect.
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  if (isBackOfficePath(pathname) && !can(user.role, "office:enter")) {
    return NextResponse.rewrite(new URL("/forbidden-area", req.nextUrl), { status: 403 });
  }
  if (area && !mayUseArea(user.role, area)) {
    return NextResponse.rewrite(new URL("/forbidden-area", req.nextUrl), { status: 403 });
  }
  return NextResponse.next();
});

export const config = { matcher: ["/my/:path*", "/office/:path*", "/office"] };
