// 就近办: township centres (乡镇便民服务中心) accept the items the bureau delegated to them, under the
// same intake rules as the bureau's hall; the case then goes on in the bureau, and the certificate
// can be collected back at the centre. Each filing at a window belongs to one desk: the hall's
// (no centre) or one centre's, and only that desk's clerks answer it.

/** A clerk at a centre may file there only an item delegated to that centre; the hall files any. */
export function centreMayFile(clerkCentreId: string | null, delegated: boolean): boolean {
  return clerkCentreId === null || delegated;
}

/** The desk of a filing answers it: the hall's clerks the hall's (and online) filings, a centre's its own. */
export function onClerksDesk(filingCentreId: string | null, clerkCentreId: string | null): boolean {
  return filingCentreId === clerkCentreId;
}

/** Centre codes: letters, digits and hyphens (e.g. NH-01). */
export function isCentreCode(code: string): boolean {
  return /^[A-Za-z0-9-]{2,20}$/.test(code);
}
