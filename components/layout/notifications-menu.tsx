"use client";

import { Bell } from "lucide-react";
import Link from "next/link";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { markNotificationsReadAction } from "@/lib/actions/notifications/mark-notifications-read";

export type ShellNotification = {
  id: string;
  title: string;
  detail: string;
  href: string;
  at: string;
  unread: boolean;
};

type Props = {
  partnerSlug: string;
  /** The newest few, newest first. */
  items: ShellNotification[];
  /** This person's unread count from the database, capped: more than `cap` shows as "cap+". */
  unread: number;
  cap: number;
  seeAllHref: string;
};

/**
 * Status changes Wallex reported. Opening the menu marks what it shows as read for this person (in
 * the database, so every browser of theirs agrees); items stay highlighted until the next visit.
 */
export function NotificationsMenu({ partnerSlug, items, unread: unreadFromServer, cap, seeAllHref }: Props) {
  const [clearedUpTo, setClearedUpTo] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const newest = items[0]?.at;
  const unread = newest && clearedUpTo === newest ? 0 : unreadFromServer;

  const markRead = (open: boolean) => {
    if (!open || !newest || unread === 0) return;
    startTransition(async () => {
      const result = await markNotificationsReadAction(undefined, { partnerSlug, upTo: newest });
      if (result.ok) setClearedUpTo(newest);
    });
  };

  return (
    <DropdownMenu onOpenChange={markRead}>
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
