// GET /api/v1/decisions: decisions on the key's department's items, by cursor.
import { listDecisionsForApi } from "@/lib/server/api/applications-api";
import { API_ROUTES } from "@/lib/server/api/contract";
import { apiRoute, methodNotAllowed } from "@/lib/server/api/handler";

export const GET = apiRoute(API_ROUTES.decisions, ({ query, principal }) => listDecisionsForApi(principal!, query));

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(API_ROUTES.decisions);
