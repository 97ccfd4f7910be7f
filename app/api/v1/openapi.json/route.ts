// GET /api/v1/openapi.json: the OpenAPI 3.1 document, generated from the routes' own zod schemas.
import type { z } from "zod";
import { API_ROUTES, type ZOpenApiDocument } from "@/lib/server/api/contract";
import { apiRoute, methodNotAllowed } from "@/lib/server/api/handler";
import { openApiDocument } from "@/lib/server/api/openapi";

export const GET = apiRoute(API_ROUTES.openapi, async () => openApiDocument() as z.input<typeof ZOpenApiDocument>);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(API_ROUTES.openapi);
