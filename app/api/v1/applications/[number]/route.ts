// GET /api/v1/applications/{number}: an application's status (an applicant's own, or a department's items').
import { getApplicationStatusForApi } from "@/lib/server/api/applications-api";
import { API_ROUTES } from "@/lib/server/api/contract";
import { apiRoute, methodNotAllowed } from "@/lib/server/api/handler";

export const GET = apiRoute(API_ROUTES.application, ({ params, principal }) => getApplicationStatusForApi(principal!, params.number));

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(API_ROUTES.application);
