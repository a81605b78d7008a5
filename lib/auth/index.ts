import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { metaFromHeaders } from "@/lib/request-context";
import { SESSION_TTL_MS } from "@/lib/data/sessions";
import { safeRedirectPath } from "./safe-redirect";
import { authLogger } from "./auth-logger";
import { signInMember } from "./member-sign-in";
import type { SessionKind } from "./session-cookie";
import { signInWithPassword, type SignInProblem } from "./sign-in";

/** Carries the reason to the sign-in action; `code` is one of SignInProblem's kinds (+ minutes). */
class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

const refusal = (problem: SignInProblem) =>
  new SignInRefused(problem.kind === "locked" ? `locked:${problem.minutes}` : problem.kind);

declare module "next-auth" {
  interface User {
    sessionId?: string;
    kind?: SessionKind;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
    /** "member": `sid` names a `member_sessions` row (the member portal); absent or "staff": `sessions`. */
    kind?: SessionKind;
  }
}

// The JWT holds only the id of a row in `sessions`; lib/auth/session.ts checks that row on every
// request, which is what makes "sign out everywhere" and removals take effect at once.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_TTL_MS / 1000 },
  pages: { signIn: "/sign-in" },
  logger: authLogger(logger),
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, code: {} },
      async authorize(credentials, request) {
        const email = String(credentials.email ?? "");
        const password = String(credentials.password ?? "");
        const code = credentials.code ? String(credentials.code) : undefined;
        const result = await signInWithPassword(getDb(), { email, password, code }, metaFromHeaders(request.headers));
        if (!result.ok) throw refusal(result.problem);
        return {
          id: result.user.id,
          email: result.user.email,
          name: result.user.name,
          sessionId: result.sessionId,
          kind: "staff",
        };
      },
    }),
    // The member portal (/m/<partner>/sign-in): the same cookie, naming a member_sessions row.
    Credentials({
      id: "member",
      name: "Member",
      credentials: { partnerSlug: {}, email: {}, password: {}, code: {} },
      async authorize(credentials, request) {
        const input = {
          partnerSlug: String(credentials.partnerSlug ?? ""),
          email: String(credentials.email ?? ""),
          password: String(credentials.password ?? ""),
          code: credentials.code ? String(credentials.code) : undefined,
        };
        const result = await signInMember(getDb(), input, metaFromHeaders(request.headers));
        if (!result.ok) throw refusal(result.problem);
        const { member } = result;
        return {
          id: member.id,
          email: member.email,
          name: `${member.firstName} ${member.lastName}`.trim(),
          sessionId: result.sessionId,
          kind: "member",
        };
      },
    }),
  ],
  callbacks: {
    // Only our own pages: a crafted callbackUrl cannot bounce a fresh session to another site.
    redirect({ url, baseUrl }) {
      return new URL(safeRedirectPath(url, { origin: baseUrl }), baseUrl).toString();
    },
    jwt({ token, user }) {
      if (user?.sessionId) {
        token.sid = user.sessionId;
        token.kind = user.kind ?? "staff";
      }
      return token;
    },
    // What /api/auth/session shows page scripts: name and email, never the session row's id.
    session({ session }) {
      return { expires: session.expires, user: { name: session.user?.name, email: session.user?.email } };
    },
  },
}));
