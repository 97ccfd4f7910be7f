// Auth.js v5: credentials sign-in (argon2id), JWT sessions that expire, role in the token.
import "server-only";
import { randomUUID } from "node:crypto";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type {} from "next-auth/jwt";
import { z } from "zod";
import type { Role } from "@/lib/domain/access/roles";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { verifyCredentials } from "@/lib/server/auth/verify-credentials";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { db } from "@/lib/server/db";
import { sessionTokenCoder } from "@/lib/server/auth/session-token";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; name: string; sessionId: string; signedInAt: number };
  }
  interface User {
    role: Role;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    role: Role;
    /** Identifies this sign-in; kept through token refreshes, revoked at sign-out. */
    sid: string;
    /** When this sign-in happened (ms): a password reset or a disabling voids earlier sessions. */
    at: number;
  }
}

/** Carries our error code to the sign-in action (Auth.js surfaces `code`). */
class CodedSignInError extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

const ZCredentials = z.object({ loginId: z.string().min(1).max(64), password: z.string().min(1).max(256) });

/** A session is re-issued (its expiry pushed back) at most this often: a quarter of its length, ≤ 15 minutes. */
const REISSUE_AFTER_SECONDS = Math.min(15 * 60, Math.floor((env().SESSION_MAX_AGE_MINUTES * 60) / 4));

const config: NextAuthConfig = {
  trustHost: true,
  secret: env().AUTH_SECRET,
  session: { strategy: "jwt", maxAge: env().SESSION_MAX_AGE_MINUTES * 60, updateAge: REISSUE_AFTER_SECONDS },
  // Auth.js's own token format, with the key derived once and a fresh token not re-encrypted per request.
  jwt: sessionTokenCoder({ reissueAfterSeconds: REISSUE_AFTER_SECONDS }),
  pages: { signIn: "/login" },
  // Failed sign-ins are expected; keep them out of the error log (they are audited instead).
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
    warn() {},
  },
  providers: [
    Credentials({
      credentials: { loginId: {}, password: {} },
      async authorize(raw) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) throw new CodedSignInError("BAD_CREDENTIALS");
        try {
          const actor = await verifyCredentials(parsed.data);
          return { id: actor.id, name: actor.name, role: actor.role };
        } catch (e) {
          if (isAppError(e)) {
            const minutes = e.details?.minutes;
            throw new CodedSignInError(minutes ? `${e.code}:${minutes}` : e.code);
          }
          throw e;
        }
      },
    }),
  ],
  events: {
    // Sign-out by any path (our button, or POST /api/auth/signout directly) voids the session on the
    // server, so a copied cookie stops working too. Our own sign-out has revoked and audited it already.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (!token?.sid || !token.uid) return;
      const { count } = await db().revokedSession.createMany({ data: [{ sessionId: token.sid, userId: token.uid }], skipDuplicates: true });
      if (count === 1) await recordAuditEvent(db(), { actor: { id: token.uid, role: token.role }, action: "account.signedOut", entityType: "User", entityId: token.uid });
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id!;
        token.role = user.role;
        token.sid = randomUUID();
        token.at = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      session.user = { ...session.user, id: token.uid, role: token.role, name: token.name ?? "", sessionId: token.sid ?? "", signedInAt: token.at ?? 0 };
      return session;
    },
  },
};

export const { handlers, auth, signIn, signOut } = NextAuth(config);
