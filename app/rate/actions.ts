"use server";
import { z } from "zod";
import { runAction } from "@/lib/server/action";
import { rateWindowVisitByLink, ratingInputOf, ZRatingInput } from "@/lib/server/ratings/rate-service";

const ZByLink = ZRatingInput.extend({ applicationId: z.string().min(1).max(60), token: z.string().min(1).max(60) });

/** A window visit rated from the receipt's QR link: no sign-in, the link's key is the authority. */
export async function rateByLinkAction(_prev: unknown, formData: FormData) {
  return runAction(formData, ZByLink, ({ applicationId, token, ...input }) => rateWindowVisitByLink({ applicationId, token, input }), { toInput: ratingInputOf });
}
