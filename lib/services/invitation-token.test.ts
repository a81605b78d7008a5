import { expect, test } from "vitest";
import { invitationToken, newInvitationSecret, parseInvitationToken, secretMatches } from "./invitation-token";

test("a token round-trips and only its own secret matches", () => {
  const id = crypto.randomUUID();
  const { secret, hash } = newInvitationSecret();
  const parsed = parseInvitationToken(invitationToken(id, secret));
  expect(parsed).toEqual({ invitationId: id, secret });
  expect(secretMatches(secret, hash)).toBe(true);
  expect(secretMatches(newInvitationSecret().secret, hash)).toBe(false);
});

test("forged or truncated tokens do not parse", () => {
  expect(parseInvitationToken("not-a-token")).toBeNull();
  expect(parseInvitationToken(`${crypto.randomUUID()}.short`)).toBeNull();
  expect(parseInvitationToken(`../../etc.${"a".repeat(43)}`)).toBeNull();
  expect(parseInvitationToken(`${"-".repeat(36)}.${"a".repeat(43)}`)).toBeNull();
});
