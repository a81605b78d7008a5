import { describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { createPartner, createStaff } from "@/lib/testing/factories";
import { changeRole, inviteStaff, removeStaff } from "./team";

const db = getDb();

describe("team management", () => {
  test("the last admin can be neither demoted nor removed", async () => {
    const partner = await createPartner();
    const admin = await createStaff(partner, "admin");
    await expect(changeRole(db, admin.scope, admin.membership.id, "viewer")).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(removeStaff(db, admin.scope, admin.membership.id)).rejects.toMatchObject({ code: "CONFLICT" });

    const second = await createStaff(partner, "operator");
    await changeRole(db, admin.scope, second.membership.id, "admin");
    expect(await changeRole(db, admin.scope, admin.membership.id, "viewer")).toMatchObject({
      before: "admin",
      after: "viewer",
    });
  });

  test("an admin cannot remove themselves, even with another admin on the team", async () => {
    const partner = await createPartner();
    const admin = await createStaff(partner, "admin");
    const other = await createStaff(partner, "admin");
    await expect(removeStaff(db, admin.scope, admin.membership.id)).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: "You cannot remove yourself. Ask another admin.",
    });
    expect(await removeStaff(db, other.scope, admin.membership.id)).toMatchObject({
      email: admin.user.email,
      role: "admin",
    });
  });

  test("inviting a current member or someone already invited is refused next to the email field", async () => {
    const partner = await createPartner();
    const admin = await createStaff(partner, "admin");
    await expect(
      inviteStaff(db, admin.scope, { email: admin.user.email.toUpperCase(), role: "viewer" }),
    ).rejects.toMatchObject({
      fieldErrors: { email: ["This person is already on the team."] },
    });
    await inviteStaff(db, admin.scope, { email: "twice@example.test", role: "viewer" });
    await expect(inviteStaff(db, admin.scope, { email: "twice@example.test", role: "operator" })).rejects.toMatchObject(
      {
        fieldErrors: { email: [expect.stringMatching(/already pending/)] },
      },
    );
  });
});
