import { z } from "zod";
import { filterEnum, filterPage, filterText } from "./search-params";

/** The time of the newest item the browser showed, as the ISO string the server gave it. */
export const markNotificationsReadSchema = z.object({
  upTo: z.iso.datetime({ offset: true, message: "Choose what to mark as read." }),
});

/** `kind` is a kind's URL segment ("collection-account"; anything else is no filter); `ledger=1` shows balances and history entries too. */
export const notificationFiltersSchema = z.object({
  kind: filterText(50),
  ledger: filterEnum(["1"]),
  page: filterPage,
});

export type NotificationFilters = z.infer<typeof notificationFiltersSchema>;
