import "server-only";
import type { Logger } from "@/lib/logger";

/**
 * next-auth errors a client causes at will: a cookie we cannot read (tampered, or from another
 * secret), a bad CSRF token or callback, an unknown action. One warning line each, naming the kind:
 * no stack, no cookie, no token.
 */
const CLIENT_CAUSED = new Set([
  "JWTSessionError",
  "SessionTokenError",
  "InvalidCheck",
  "MissingCSRF",
  "InvalidCallbackUrl",
  "UnknownAction",
  "UntrustedHost",
]);

type AuthErrorLike = Error & { type?: string };

export function authLogger(log: Logger) {
  return {
    error(error: AuthErrorLike) {
      const kind = error.type ?? error.name;
      // Refused sign-ins are expected traffic (and already throttled and audited), not errors.
      if (kind === "CredentialsSignin") return;
      if (CLIENT_CAUSED.has(kind)) log.warn({ authError: kind }, "auth request refused");
      else log.error({ authError: kind, err: error }, "auth error");
    },
    warn(warning: string) {
      log.warn({ authWarning: warning }, "auth warning");
    },
    debug() {},
  };
}
