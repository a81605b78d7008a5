import { z } from "zod";
import { staffRoles } from "@/lib/auth/permissions";
import { email } from "./auth";

const role = z.enum(staffRoles, { error: "Choose a role." });
const id = z.uuid("Unknown item.");

export const inviteStaffSchema = z.object({ email, role });
export const invitationIdSchema = z.object({ invitationId: id });
export const changeRoleSchema = z.object({ membershipId: id, role });
export const membershipIdSchema = z.object({ membershipId: id });
