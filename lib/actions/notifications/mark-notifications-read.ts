"use server";

import { revalidatePath } from "next/cache";
import { markNotificationsRead } from "@/lib/data/notifications";
import { markNotificationsReadSchema } from "@/lib/validations/notifications";
import { defineStaffAction } from "../define-action";

export const markNotificationsReadAction = defineStaffAction(
  {
    name: "notifications.read",
    schema: markNotificationsReadSchema,
    // Anyone who sees the bell may clear their own bell.
    permission: "records.read",
    // The marker is one person's reading position, not a change to the partner's data: auditing
    // it would add a row each time someone opens the menu and bury the events the log is for.
    unaudited: "a person's own read marker, not tenant data",
  },
  async ({ upTo }, { db, scope }) => {
    await markNotificationsRead(db, scope, new Date(upTo));
    // The bell sits in the partner's layout: every page under it shows the new count.
    revalidatePath(`/p/${scope.partnerSlug}`, "layout");
  },
);
