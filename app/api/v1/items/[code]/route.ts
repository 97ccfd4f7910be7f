// GET /api/v1/items/{code}: an item's guide, the six disclosures (public).
import { getGuideForApi } from "@/lib/server/api/catalogue-api";
import { API_ROUTES } from "@/lib/server/api/contract";
import { apiRoute, methodNotAllowed } from "@/lib/server/api/handler";

export const GET = apiRoute(API_ROUTES.guide, ({ params }) => getGuideForApi(params.code));

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(API_ROUTES.guide);
