// GET /api/v1/items: the catalogue, searched and paged (public).
import { listItemsForApi } from "@/lib/server/api/catalogue-api";
import { API_ROUTES } from "@/lib/server/api/contract";
import { apiRoute, methodNotAllowed } from "@/lib/server/api/handler";

export const GET = apiRoute(API_ROUTES.items, ({ query }) => listItemsForApi(query));

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(API_ROUTES.items);
