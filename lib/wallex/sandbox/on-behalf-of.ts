import { CHOICES } from "./config";
import type { Engine } from "./engine";
import { invalid, notAuthorized, notFound, SandboxError } from "./errors";
import type { Partner } from "./types";

export type Actor = { partner: Partner; accountId: string; userId?: string; isPartner: boolean };

/**
 * onBehalfOfAccount / onBehalfOfUser (v1 alias onBehalfOf) from body or query (00-conventions.md §9):
 * unknown → 404, another partner's → NOT_AUTHORIZED (README D6), not approved → 400,
 * both and disagreeing → 400; none → the partner's own account.
 */
export function resolveActor(engine: Engine, partner: Partner, params: Record<string, unknown>): Actor {
  const accountParam = str(params.onBehalfOfAccount, "onBehalfOfAccount") ?? str(params.onBehalfOf, "onBehalfOf");
  const userParam = str(params.onBehalfOfUser, "onBehalfOfUser");
  const self: Actor = { partner, accountId: partner.accountId, isPartner: true };
  if (!accountParam && !userParam) return self;

  if (userParam) {
    const user = engine.state.get("user", userParam);
    if (!user) throw notFound("onBehalfOfUser");
    if (user._partnerId !== partner.id) throw notAuthorized(CHOICES.foreignOnBehalfStatus);
    if (accountParam && accountParam !== user.accountId) {
      throw new SandboxError(
        400,
        "onBehalfOfAccount and onBehalfOfUser refer to different accounts",
        "VALIDATION_ERROR",
        {
          onBehalfOfUser: ["does not belong to onBehalfOfAccount"],
        },
      );
    }
    if (user.status !== "approved") throw invalid("onBehalfOfUser", `user is not approved (status ${user.status})`);
    return { partner, accountId: user.accountId, userId: user.id, isPartner: false };
  }

  if (accountParam === partner.accountId) return self;
  const account = engine.state.get("account", accountParam!);
  if (!account) throw notFound("onBehalfOfAccount");
  if (account._partnerId !== partner.id) throw notAuthorized(CHOICES.foreignOnBehalfStatus);
  const approved = [...engine.state.all("user")]
    .filter((u) => u.accountId === account.id && u.status === "approved")
    .sort((a, b) => a._seq - b._seq)[0];
  if (!approved) throw invalid("onBehalfOfAccount", "account has no approved user");
  return { partner, accountId: account.id, userId: approved.id, isPartner: false };
}

function str(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") throw invalid(field, "must be a string");
  return value;
}
