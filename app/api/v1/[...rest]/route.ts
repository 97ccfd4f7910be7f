// Any other path under /api/v1: a problem+json 404 (recorded like every call), never an HTML page.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/server/api/handler";

const unknownRoute = apiRoute(
  { operationId: "unknown", path: "/api/v1/{unknown}", summary: "", description: "", tag: "Meta", auth: "public", response: z.never(), problems: [404] },
  async () => {
    throw new AppError("NOT_FOUND");
  },
);

export const GET = unknownRoute;
export const HEAD = unknownRoute;
export const POST = unknownRoute;
export const PUT = unknownRoute;
export const PATCH = unknownRoute;
export const DELETE = unknownRoute;
