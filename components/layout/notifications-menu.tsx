"use client";

import { Bell } from "lucide-react";
import Link from "next/link";
import { useMemo, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useLiveData } from "@/components/live/use-live-data";
import { markNotificationsReadAction } from "@/lib/actions/notifications/mark-notifications-read";
import { LIVE_INTERVAL_MS, notificationsMenuUrl, type NotificationsMenuData } from "@/lib/live/live-routes";

type Props = NotificationsMenuData & {
  partnerSlug: string;
  /** More than `cap` unread shows as "cap+". */
  cap: number;
  seeAllHref: string;
};

/**
 * Status changes Wallex reported, kept live: the count and the newest few are polled while the tab
 * is visible (not while the menu is open, so nothing moves under the pointer). Opening the menu
 * marks what it shows as read for this person (in the database, so every browser of theirs
 * agrees); items stay highlighted until the menu closes and the next poll.
 */
export function NotificationsMenu({
  partnerSlug,
  items: renderedItems,
  unread: renderedUnread,
  cap,
  seeAllHref,
}: Props) {
  const [open, setOpen] = useState(false);
  const { data } = useLiveData<NotificationsMenuData>({
    url: notificationsMenuUrl(partnerSlug),
    initial: useMemo(() => ({ items: renderedItems, unread: renderedUnread }), [renderedItems, renderedUnread]),
    intervalMs: open ? false : LIVE_INTERVAL_MS.notifications,
  });
  const { items } = data;
  const [clearedUpTo, setClearedUpTo] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const newest = items[0]?.at;
  const unread = newest && clearedUpTo === newest ? 0 : data.unread;

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next || !newest || unread === 0) return;
    startTransition(async () => {
      const result = await markNotificationsReadAction(undefined, { partnerSlug, upTo: newest });
      if (result.ok) setClearedUpTo(newest);
    });
  };

  return (
    <DropdownMenu onOpenChange={onOpenChange}>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="icon"
          className="relative size-8"
          aria-label={unread ? `Notifications, ${unread} new` : "Notifications"}
        >
          <Bell className="size-4" />
          {unread > 0 && (
            <span className="absolute -top-0.5 -right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-primary px-1 text-[10px] font-semibold text-primary-foreground">
              {unread > cap ? `${cap}+` : unread}
            </span>
          )}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-80">
        <DropdownMenuLabel>From Wallex</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {items.length === 0 ? (
          <p className="px-2 py-6 text-center text-sm text-muted-foreground">No status changes yet.</p>
        ) : (
          items.map((item) => (
            <DropdownMenuItem key={item.id} asChild>
              <Link
                href={item.href}
                className="flex flex-col items-start gap-0.5"
                data-unread={item.unread || undefined}
              >
                <span className="flex items-center gap-1.5 text-sm">
                  {item.unread && <span aria-hidden="true" className="size-1.5 shrink-0 rounded-full bg-primary" />}
                  {item.title}
                  {item.unread && <span className="sr-only">(new)</span>}
                </span>
                <span className="text-xs text-muted-foreground">{item.detail}</span>
              </Link>
            </DropdownMenuItem>
          ))
        )}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href={seeAllHref} className="text-sm text-primary">
            See all notifications
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
