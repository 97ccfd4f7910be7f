// GET /api/v1/events?after=: the department's events after a sequence (the webhooks' pull twin).
import { listEventsForApi } from "@/lib/server/api/events-api";
import { API_ROUTES } from "@/lib/server/api/contract";
import { apiRoute, methodNotAllowed } from "@/lib/server/api/handler";

export const GET = apiRoute(API_ROUTES.events, ({ query, principal }) => listEventsForApi(principal!, query));

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(API_ROUTES.events);
