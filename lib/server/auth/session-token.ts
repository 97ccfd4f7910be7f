// The session cookie's token, in Auth.js's own format (JWE, `dir` + A256CBC-HS512, the key derived
// with HKDF-SHA256 from AUTH_SECRET and the cookie name, `kid` = the key's JWK thumbprint), so a
// cookie issued by either reads with the other. Two costs of the stock coder are avoided: the key
// and its thumbprint are derived once per secret and cookie name instead of on every request, and a
// token issued less than `reissueAfterSeconds` ago goes back out unchanged instead of being
// re-encrypted by every request that reads the session (Auth.js ignores `updateAge` for JWTs).
import "server-only";
import { hkdfSync, randomUUID } from "node:crypto";
import { EncryptJWT, base64url, calculateJwkThumbprint, jwtDecrypt, type JWTPayload } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

const ALG = "dir";
const ENC = "A256CBC-HS512";

type Key = { secret: Uint8Array; kid: string };
const keys = new Map<string, Promise<Key>>();

/** The encryption key and its thumbprint for one secret and cookie name (salt), computed once. */
function keyFor(secret: string, salt: string): Promise<Key> {
  const cacheKey = `${salt}\u0000${secret}`;
  let key = keys.get(cacheKey);
  if (!key) {
    const derived = new Uint8Array(hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64));
    key = calculateJwkThumbprint({ kty: "oct", k: base64url.encode(derived) }, "sha512").then((kid) => ({ secret: derived, kid }));
    keys.set(cacheKey, key);
  }
  return key;
}

/** The token each decoded payload came from: `encode` hands it back while it is fresh. */
const cameFrom = new WeakMap<object, string>();

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Whether a decoded token was issued recently enough to go back out as it is. */
export function reusable(payload: JWTPayload, reissueAfterSeconds: number, now = nowSeconds()): boolean {
  return typeof payload.iat === "number" && payload.iat <= now && now - payload.iat < reissueAfterSeconds;
}

export function sessionTokenCoder(opts: { reissueAfterSeconds: number }) {
  return {
    async encode(params: JWTEncodeParams): Promise<string> {
      const token: JWTPayload = params.token ?? {};
      const prior = cameFrom.get(token);
      if (prior && reusable(token, opts.reissueAfterSeconds)) return prior;
      const secret = Array.isArray(params.secret) ? params.secret[0] : params.secret;
      const key = await keyFor(secret, params.salt);
      // A fresh issue: the claims Auth.js sets are set anew (iat, exp, jti), the rest kept.
      const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
      return new EncryptJWT(claims)
        .setProtectedHeader({ alg: ALG, enc: ENC, kid: key.kid })
        .setIssuedAt()
        .setExpirationTime(nowSeconds() + (params.maxAge ?? 30 * 24 * 60 * 60))
        .setJti(randomUUID())
        .encrypt(key.secret);
    },
    async decode(params: JWTDecodeParams): Promise<JWT | null> {
      if (!params.token) return null;
      const secrets = Array.isArray(params.secret) ? params.secret : [params.secret];
      const { payload } = await jwtDecrypt(
        params.token,
        async ({ kid }) => {
          for (const s of secrets) {
            const key = await keyFor(s, params.salt);
            if (kid === undefined || kid === key.kid) return key.secret;
          }
          throw new Error("no matching decryption secret");
        },
        { clockTolerance: 15, keyManagementAlgorithms: [ALG], contentEncryptionAlgorithms: [ENC] },
      );
      cameFrom.set(payload, params.token);
      return payload as JWT;
    },
  };
}
