import "server-only";
import { cache } from "react";
import { getDb } from "@/db";
import type { StaffScope } from "@/lib/auth/scope";
import { getNotificationsMenu } from "@/lib/data/notifications";

/**
 * The bell's contents, read once per request: the staff layout shows them and the notifications
 * page marks them read. Keyed by the scope object, which `requireStaff` hands out once per render.
 */
export const notificationsMenuOfRequest = cache((scope: StaffScope) => getNotificationsMenu(getDb(), scope));
