// The one wrapper of every /api/v1 route handler: the request's shape, the key, the rate limit, the
// scope, the route's own zod schemas for path and query, ONE service call, the answer checked
// against the documented response schema — and an ApiCall row for every call, refused ones included.
// Nothing a client sends can make it answer 500: every refusal is a typed problem.
import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { bearerToken } from "@/lib/domain/api/keys";
import { keyMayUse } from "@/lib/domain/api/scopes";
import { requestProblem } from "@/lib/domain/access/request-shape";
import { isAppError } from "@/lib/errors";
import { clientAddressOf } from "@/lib/server/client-address";
import { asAppError } from "@/lib/server/domain-errors";
import { authenticateApiKey, type ApiPrincipal } from "./authenticate-api-key";
import type { ApiRouteSpec } from "./contract";
import { apiProblemCode, problemLanguage, problemResponse, type ProblemBody } from "./problem";
import { countApiCall } from "./rate-limit";
import { recordApiCallOrLog } from "./record-api-call";

type Infer<T> = T extends z.ZodType ? z.output<T> : Record<string, never>;

export type ApiCall<S extends ApiRouteSpec> = {
  params: Infer<S["params"]>;
  query: Infer<S["query"]>;
  principal: ApiPrincipal | null;
  client: string;
  now: Date;
};

/** Next's second argument of a route handler (params of a dynamic route, none otherwise). */
export type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

const issuesOf = (where: "path" | "query", error: z.ZodError): NonNullable<ProblemBody["errors"]> =>
  error.issues.map((i) => ({ in: where, name: String(i.path[0] ?? ""), message: i.message }));

export function apiRoute<S extends ApiRouteSpec>(spec: S, service: (call: ApiCall<S>) => Promise<z.input<S["response"]>>) {
  return async function handle(request: Request, context?: RouteContext): Promise<Response> {
    const now = new Date();
    const client = clientAddressOf(request.headers);
    const lang = problemLanguage(request.headers.get("accept-language"));
    const url = urlOf(request);
    let keyId: string | null = null;
    const problem = (code: Parameters<typeof problemResponse>[0], opts: Omit<Parameters<typeof problemResponse>[1], "lang" | "instance"> = {}) =>
      problemResponse(code, { ...opts, lang, instance: url.pathname.slice(0, 300) });

    const answer = async (): Promise<Response> => {
      const shape = requestProblem(url.pathname, url.search);
      if (shape) return problem("VALIDATION", { detail: shape });
      // The key, when one is given — on public routes too: a revoked key is refused everywhere.
      let principal: ApiPrincipal | null = null;
      const token = bearerToken(request.headers.get("authorization"));
      if (token === null) return problem("UNAUTHENTICATED", { detail: "invalid", headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' } });
      if (token !== undefined) {
        try {
          principal = await authenticateApiKey(token);
          keyId = principal.keyId;
        } catch (e) {
          if (!isAppError(e) || e.code !== "UNAUTHENTICATED") throw e;
          keyId = typeof e.details?.keyId === "string" ? e.details.keyId : null;
          return problem("UNAUTHENTICATED", { detail: e.message, headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' } });
        }
      }
      if (spec.auth !== "public" && !principal) return problem("UNAUTHENTICATED", { detail: "missing", headers: { "WWW-Authenticate": "Bearer" } });
      const rate = await countApiCall(principal ? { keyId: principal.keyId, perMinute: principal.ratePerMinute } : { client }, now);
      if (!rate.allowed) return problem("TOO_MANY_ATTEMPTS", { detail: "rate", headers: { "Retry-After": String(rate.retryAfterSeconds), "X-RateLimit-Limit": String(rate.limit), "X-RateLimit-Remaining": "0" } });
      if (spec.auth !== "public" && !keyMayUse(principal!, spec.auth)) return problem("FORBIDDEN", { detail: "scope" });
      const params = spec.params ? spec.params.safeParse((await context?.params) ?? {}) : { success: true as const, data: {} };
      if (!params.success) return problem("VALIDATION", { errors: issuesOf("path", params.error) });
      const query = spec.query ? spec.query.safeParse(Object.fromEntries(url.searchParams)) : { success: true as const, data: {} };
      if (!query.success) return problem("VALIDATION", { errors: issuesOf("query", query.error) });
      const result = await service({ params: params.data, query: query.data, principal, client, now } as ApiCall<S>);
      // The answer is exactly what the document says, or it is our bug (a 500, logged), never a silent drift.
      const body = spec.response.parse(result);
      return new Response(JSON.stringify(body), {
        status: 200,
        headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...("limit" in rate ? { "X-RateLimit-Limit": String(rate.limit), "X-RateLimit-Remaining": String(rate.remaining) } : {}) },
      });
    };

    let response: Response;
    try {
      response = await answer();
    } catch (caught) {
      const e = asAppError(caught);
      if (isAppError(e)) {
        const code = apiProblemCode(e.code);
        if (code === "CONFLICT") console.error(`[api] ${spec.operationId}: unexpected refusal ${e.code}`, e.message);
        response = problem(code, e.code === "TOO_MANY_ATTEMPTS" ? { detail: "lookups", headers: { "Retry-After": "600" } } : code === "FORBIDDEN" || code === "NOT_FOUND" ? {} : { detail: e.code });
      } else {
        console.error(`[api] ${spec.operationId} failed`, e);
        response = problem("UNEXPECTED");
      }
    }
    await recordApiCallOrLog({ keyId, method: request.method, route: spec.path, path: url.pathname, status: response.status, client }, now);
    return response;
  };
}

/** The request's URL (one that does not parse reads as an empty path, answered as a problem like any other). */
function urlOf(request: Request): URL {
  try {
    return new URL(request.url);
  } catch {
    return new URL("http://invalid/");
  }
}

/**
 * The methods a route does not serve (every route here is read-only): a problem+json 405 with the
 * methods it does serve, recorded like every call — instead of Next's own bare 405, which was not.
 */
export function methodNotAllowed(spec: Pick<ApiRouteSpec, "path">) {
  const handle = async (request: Request): Promise<Response> => {
    const now = new Date();
    const url = urlOf(request);
    const response = problemResponse("METHOD_NOT_ALLOWED", { lang: problemLanguage(request.headers.get("accept-language")), instance: url.pathname.slice(0, 300), detail: request.method, headers: { Allow: "GET, HEAD" } });
    await recordApiCallOrLog({ keyId: null, method: request.method, route: spec.path, path: url.pathname, status: response.status, client: clientAddressOf(request.headers) }, now);
    return response;
  };
  return { POST: handle, PUT: handle, PATCH: handle, DELETE: handle };
}

/**
 * The proxy's refusal of a malformed request (control character, bad percent-encoding, a repeated
 * parameter) under /api/v1: the same problem+json as the handlers give, and the call recorded.
 */
export function refuseMalformedApiCall(request: Request & { nextUrl: URL }, problem: string): NextResponse {
  const client = clientAddressOf(request.headers);
  const res = problemResponse("VALIDATION", { lang: problemLanguage(request.headers.get("accept-language")), detail: problem });
  const path = request.nextUrl.pathname.replace(/[\u0000-\u001f\u007f]/g, "\uFFFD");
  void recordApiCallOrLog({ keyId: null, method: request.method, route: "(malformed)", path, status: 400, client });
  return new NextResponse(res.body, { status: res.status, headers: res.headers });
}
