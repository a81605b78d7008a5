import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { getDb } from "@/db";
import {
  auditEvents,
  invitations,
  mailOutbox,
  notificationReads,
  partners,
  staffMemberships,
  users,
  wallexConnections,
} from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session";
import { inviteStaff } from "@/lib/services/team";
import { createPartner, createStaff } from "@/lib/testing/factories";
import { MALFORMED_TEXT, ODD_VALUES } from "@/lib/testing/probe-cases";
import type { ActionResult } from "./define-action";

// Stand-ins only for what needs a live Next.js request: the session cookie, request headers and
// the router cache. Scope, permission, zod and the database run for real.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock("@/lib/request-context", () => ({
  getRequestMeta: async () => ({ requestId: "fuzz", ip: "127.0.0.1", userAgent: "vitest" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { updatePartnerProfileAction } = await import("./settings/update-partner-profile");
const { saveWallexConnectionAction } = await import("./settings/save-wallex-connection");
const { inviteStaffAction } = await import("./team/invite-staff");
const { changeRoleAction } = await import("./team/change-role");
const { removeStaffAction } = await import("./team/remove-staff");
const { resendInvitationAction } = await import("./team/resend-invitation");
const { revokeInvitationAction } = await import("./team/revoke-invitation");
const { refreshRecordAction } = await import("./records/refresh-record");
const { replayWebhookEventAction } = await import("./webhooks/replay-webhook-event");
const { markNotificationsReadAction } = await import("./notifications/mark-notifications-read");
const { confirmTwoFactorAction } = await import("./account/confirm-two-factor");
const { acceptInvitationWithNewAccountAction, acceptInvitationAsCurrentUserAction } =
  await import("./invitations/accept-invitation");
const { signInAction } = await import("./auth/sign-in");
const { updateMemberOnboardingAction } = await import("./members/update-onboarding-settings");
const { createMemberAction } = await import("./members/create-member");
const { resendMemberInvitationAction, revokeMemberInvitationAction, sendMemberInvitationAction } =
  await import("./members/invitations");

const db = getDb();
type Action = (prev: undefined, input: Record<string, unknown>) => Promise<ActionResult<unknown>>;

/** A field is free text (any odd value is fine text) or structured (an id, number, choice, email…: odd values are refused too). */
type Case = {
  name: string;
  action: Action;
  valid: () => Record<string, unknown>;
  text: string[];
  structured: string[];
};

let partnerId = "";
let valid: Record<string, string> = {};

beforeAll(async () => {
  const partner = await createPartner("Fuzz Partner");
  const admin = await createStaff(partner, "admin");
  const viewer = await createStaff(partner, "viewer");
  const invitation = await inviteStaff(db, admin.scope, {
    email: `pending-${crypto.randomUUID()}@example.test`,
    role: "viewer",
  });
  session.user = {
    id: admin.user.id,
    email: admin.user.email,
    name: admin.user.name,
    sessionId: "fuzz",
    hasTwoFactor: true,
  };
  partnerId = partner.id;
  valid = { partnerSlug: partner.slug, membershipId: viewer.membership.id, invitationId: invitation.id };
});

const cases: Case[] = [
  {
    name: "partner profile",
    action: updatePartnerProfileAction as Action,
    valid: () => ({
      partnerSlug: valid.partnerSlug,
      name: "Fuzz Partner",
      legalName: "",
      country: "SG",
      supportEmail: "",
      website: "",
    }),
    text: ["name", "legalName"],
    structured: ["country", "supportEmail", "website"],
  },
  {
    name: "Wallex connection",
    action: saveWallexConnectionAction as Action,
    valid: () => ({
      partnerSlug: valid.partnerSlug,
      baseUrl: "https://api.wallex.asia",
      apiKey: "k",
      accessKeyId: "a",
      secretAccessKey: "s",
      requestsPerSecond: "5",
    }),
    text: ["apiKey", "accessKeyId", "secretAccessKey"],
    structured: ["baseUrl", "requestsPerSecond"],
  },
  {
    name: "invite",
    action: inviteStaffAction as Action,
    valid: () => ({ partnerSlug: valid.partnerSlug, email: "new@example.test", role: "viewer" }),
    text: [],
    structured: ["email", "role"],
  },
  {
    name: "change role",
    action: changeRoleAction as Action,
    valid: () => ({ partnerSlug: valid.partnerSlug, membershipId: valid.membershipId, role: "operator" }),
    text: [],
    structured: ["membershipId", "role"],
  },
  {
    name: "remove",
    action: removeStaffAction as Action,
    valid: () => ({ partnerSlug: valid.partnerSlug, membershipId: valid.membershipId }),
    text: [],
    structured: ["membershipId"],
  },
  {
    name: "resend invitation",
    action: resendInvitationAction as Action,
    valid: () => ({ partnerSlug: valid.partnerSlug, invitationId: valid.invitationId }),
    text: [],
    structured: ["invitationId"],
  },
  {
    name: "revoke invitation",
    action: revokeInvitationAction as Action,
    valid: () => ({ partnerSlug: valid.partnerSlug, invitationId: valid.invitationId }),
    text: [],
    structured: ["invitationId"],
  },
  {
    name: "refresh record",
    action: refreshRecordAction as Action,
    valid: () => ({ partnerSlug: valid.partnerSlug, kind: "payment", recordId: crypto.randomUUID() }),
    text: ["kind"],
    structured: ["recordId"],
  },
  {
    name: "replay webhook",
    action: replayWebhookEventAction as Action,
    valid: () => ({ partnerSlug: valid.partnerSlug, eventId: crypto.randomUUID() }),
    text: [],
    structured: ["eventId"],
  },
  {
    name: "mark notifications read",
    action: markNotificationsReadAction as Action,
    valid: () => ({ partnerSlug: valid.partnerSlug, upTo: new Date().toISOString() }),
    text: [],
    structured: ["upTo"],
  },
  {
    name: "confirm two-factor",
    action: confirmTwoFactorAction as Action,
    valid: () => ({ code: "123456" }),
    text: [],
    structured: ["code"],
  },
  {
    name: "accept invitation (new account)",
    action: acceptInvitationWithNewAccountAction as unknown as Action,
    valid: () => ({
      token: `${crypto.randomUUID()}.${"A".repeat(43)}`,
      name: "New Person",
      password: "long-enough-password",
      confirmPassword: "long-enough-password",
    }),
    text: ["token", "name", "password"],
    structured: [],
  },
  {
    name: "accept invitation (signed in)",
    action: acceptInvitationAsCurrentUserAction as unknown as Action,
    valid: () => ({ token: `${crypto.randomUUID()}.${"A".repeat(43)}` }),
    text: ["token"],
    structured: [],
  },
  {
    name: "member onboarding",
    action: updateMemberOnboardingAction as Action,
    valid: () => ({ partnerSlug: valid.partnerSlug, memberReviewRequired: "on", signup_full: "on" }),
    text: [],
    structured: ["memberReviewRequired", "signup_full", "signup_lite_company"],
  },
  {
    name: "new member",
    action: createMemberAction as Action,
    valid: () => ({
      partnerSlug: valid.partnerSlug,
      idempotencyKey: crypto.randomUUID(),
      signup: "full_company",
      email: "member@example.test",
      firstName: "Fuzz",
      lastName: "Member",
      companyName: "Fuzz Co",
      countryCode: "SG",
      locale: "en",
    }),
    text: ["firstName", "lastName", "companyName"],
    structured: ["idempotencyKey", "signup", "email", "countryCode", "locale"],
  },
  {
    name: "send member invitation",
    action: sendMemberInvitationAction as Action,
    valid: () => ({ partnerSlug: valid.partnerSlug, memberId: crypto.randomUUID() }),
    text: [],
    structured: ["memberId"],
  },
  {
    name: "resend member invitation",
    action: resendMemberInvitationAction as Action,
    valid: () => ({ partnerSlug: valid.partnerSlug, memberId: crypto.randomUUID(), invitationId: crypto.randomUUID() }),
    text: [],
    structured: ["memberId", "invitationId"],
  },
  {
    name: "revoke member invitation",
    action: revokeMemberInvitationAction as Action,
    valid: () => ({ partnerSlug: valid.partnerSlug, memberId: crypto.randomUUID(), invitationId: crypto.randomUUID() }),
    text: [],
    structured: ["memberId", "invitationId"],
  },
  {
    name: "sign in",
    action: signInAction as unknown as Action,
    valid: () => ({ email: "someone@example.test", password: "whatever-it-is", code: "" }),
    text: ["password", "code"],
    structured: ["email"],
  },
];

/** Everything an action could have changed: the partner, its connection, team, invitations, read markers, audit, mail and the user table. */
async function snapshot() {
  const count = async (table: typeof auditEvents | typeof mailOutbox | typeof users) =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;
  return {
    partner: await db.select().from(partners).where(eq(partners.id, partnerId)),
    connection: await db.select().from(wallexConnections).where(eq(wallexConnections.partnerId, partnerId)),
    team: await db.select().from(staffMemberships).where(eq(staffMemberships.partnerId, partnerId)),
    invitations: await db.select().from(invitations).where(eq(invitations.partnerId, partnerId)),
    readMarkers: await db.select().from(notificationReads).where(eq(notificationReads.partnerId, partnerId)),
    audit: await count(auditEvents),
    mail: await count(mailOutbox),
    users: await count(users),
  };
}

const show = (v: unknown) => JSON.stringify(v)?.slice(0, 40);

describe.each(cases)("the $name action", ({ action, valid: base, text, structured }) => {
  test.each([...text, ...structured])(
    "%s: a malformed value gets a field message and changes nothing",
    async (field) => {
      const values = [...MALFORMED_TEXT, ...(structured.includes(field) ? ODD_VALUES : [])];
      const before = await snapshot();
      for (const value of values) {
        const result = await action(undefined, { ...base(), [field]: value });
        expect(result.ok, `${field}=${show(value)}`).toBe(false);
        expect(
          result.ok ? undefined : result.fieldErrors?.[field],
          `${field}=${show(value)}: ${JSON.stringify(result)}`,
        ).toBeDefined();
      }
      expect(await snapshot()).toEqual(before);
    },
  );
});

test("a NUL or lone surrogate is refused with one clear message", async () => {
  for (const value of ["Acme\u0000", "Acme\ud800"]) {
    const result = await updatePartnerProfileAction(undefined, {
      partnerSlug: valid.partnerSlug,
      name: value,
      legalName: "",
      country: "",
      supportEmail: "",
      website: "",
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { name: ["Remove unsupported characters."] } });
  }
});
