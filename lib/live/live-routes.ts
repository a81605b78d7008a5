/**
 * The GET routes pages poll for live data (app/api/p/…), and what they answer: shared by the route
 * handlers, the server render that hydrates the first paint, and the client islands that poll.
 */

export type NotificationItem = {
  id: string;
  title: string;
  detail: string;
  href: string;
  /** ISO time of the status change: the read marker moves up to the newest one shown. */
  at: string;
  unread: boolean;
};

export type NotificationsMenuData = {
  /** The newest few, newest first. */
  items: NotificationItem[];
  /** This person's unread count, capped at UNREAD_CAP + 1. */
  unread: number;
};

export type RecordFact = { term: string; value: string | null; status: boolean };

export type RecordTimelineEntry = {
  id: string;
  status: string | null;
  previousStatus: string | null;
  /** Already formatted, so server and browser print the same text. */
  at: string;
  source: "write" | "webhook" | "reconcile";
};

/** One record as its page shows it; `version` changes whenever the mirror row is read again. */
export type RecordView = {
  wallexId: string;
  status: string | null;
  /** Wallex will change nothing more: the page stops polling. */
  final: boolean;
  facts: RecordFact[];
  raw: string;
  timeline: RecordTimelineEntry[];
  notifications: number;
  version: string;
};

const base = (partnerSlug: string) => `/api/p/${encodeURIComponent(partnerSlug)}`;

export const notificationsMenuUrl = (partnerSlug: string) => `${base(partnerSlug)}/notifications/menu`;

export const recordLiveUrl = (partnerSlug: string, kindSlug: string, wallexId: string) =>
  `${base(partnerSlug)}/records/${encodeURIComponent(kindSlug)}/${encodeURIComponent(wallexId)}`;

/** The bell and a record page poll no faster than this, and not at all while the tab is hidden. */
export const LIVE_INTERVAL_MS = { notifications: 15_000, record: 10_000 } as const;
