// GET /api/v1/certificates/{id}/verification: 扫码验真 (public; guessing limited per client).
import { AppError } from "@/lib/errors";
import { API_ROUTES } from "@/lib/server/api/contract";
import { apiRoute, methodNotAllowed } from "@/lib/server/api/handler";
import { verifyCertificate } from "@/lib/server/certificates/verify-certificate";

export const GET = apiRoute(API_ROUTES.verification, async ({ params, client }) => {
  const found = await verifyCertificate({ identifier: params.id }, client);
  if (!found) throw new AppError("NOT_FOUND");
  return found;
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(API_ROUTES.verification);
