import { getDb } from "@/db";
import { getNotificationsMenu } from "@/lib/data/notifications";
import type { NotificationsMenuData } from "@/lib/live/live-routes";
import { describeNotification } from "@/lib/notifications/describe";
import { defineStaffRoute } from "@/lib/routes/define-staff-route";

/** What the bell shows (the newest few and this person's unread count), polled while the tab is visible. */
export const GET = defineStaffRoute(
  { name: "notifications.menu", permission: "records.read" },
  async (scope): Promise<NotificationsMenuData> => {
    const menu = await getNotificationsMenu(getDb(), scope);
    return { items: menu.items.map((n) => describeNotification(scope.partnerSlug, n)), unread: menu.unread };
  },
);
