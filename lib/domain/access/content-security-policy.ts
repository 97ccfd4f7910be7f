// The Content-Security-Policy of every page (docs/decisions/012, 013): scripts only with this
// response's nonce — Next puts it on its own bootstrap and chunk scripts when it finds it in the
// request's policy — and what they load ('strict-dynamic'); everything else from this site only;
// never framed.

/** A fresh nonce per response: 128 random bits, base64. */
export function newNonce(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  return btoa(String.fromCharCode(...random(new Uint8Array(16))));
}

export function contentSecurityPolicy(opts: { nonce: string; development: boolean }): string {
  return [
    "default-src 'self'",
    // 'self' and 'unsafe-inline' are ignored by browsers that honour nonces and 'strict-dynamic';
    // they only keep very old browsers working. Development needs eval for hot reloading.
    `script-src 'self' 'nonce-${opts.nonce}' 'strict-dynamic'${opts.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
