// GET /api/v1/openapi.json: the OpenAPI 3.1 document, generated from the routes' own zod schemas.
import { API_ROUTES } from "@/lib/server/api/contract";
import { apiRoute } from "@/lib/server/api/handler";
import { openApiDocument } from "@/lib/server/api/openapi";

export const GET = apiRoute(API_ROUTES.openapi, async () => openApiDocument() as never);
