"use server";
import { z } from "zod";
import { runAction } from "@/lib/server/action";
import { rateWindowVisitByLink, ratingInputOf, ZRatingInput } from "@/lib/server/ratings/rate-service";

const ZByLink = ZRatingInput.extend({ applicationId: z.string().min(1).max(60), token: z.string().min(1).max(60), visit: z.string().max(80).optional() });

/** A window visit (an intake, or a pick-up) rated from its link: no sign-in, the link's key is the authority. */
export async function rateByLinkAction(_prev: unknown, formData: FormData) {
  return runAction(formData, ZByLink, ({ applicationId, token, visit, ...input }) => rateWindowVisitByLink({ applicationId, token, visit, input }), { toInput: ratingInputOf });
}
