// A complaint's progress link: the number and a key only the bureau can make, sent to the
// complainant by SMS and shown when they file, so they follow it without an account.
import "server-only";
import { linkKey, linkKeyMatches } from "@/lib/server/link-key";
import { publicUrl } from "@/lib/server/public-url";

const subject = (number: string) => `complaint:${number}`;

export const complaintKey = (number: string) => linkKey(subject(number));
export const complaintKeyMatches = (number: string, key: string) => linkKeyMatches(subject(number), key);

/** The page of one complaint, with its key. */
export const complaintPagePath = (number: string) => `/complaints/${number}?k=${complaintKey(number)}`;

/** The same, absolute (for an SMS). */
export const complaintPath = (number: string) => publicUrl(complaintPagePath(number));
