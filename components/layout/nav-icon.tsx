import {
  Activity,
  ArrowLeftRight,
  FileText,
  House,
  Inbox,
  KeyRound,
  Landmark,
  Mail,
  Repeat,
  ScrollText,
  Send,
  Settings,
  Shield,
  UserCheck,
  Users,
  Wallet,
  Webhook,
  type LucideIcon,
} from "lucide-react";
import { cn } from "@/lib/utils";

/**
 * Icon names for navigation items. Server code passes these strings (components cannot cross the
 * server→client boundary); the layout maps them to lucide icons.
 */
export type NavIcon =
  | "home"
  | "users"
  | "user-check"
  | "shield"
  | "settings"
  | "scroll"
  | "mail"
  | "activity"
  | "wallet"
  | "send"
  | "repeat"
  | "inbox"
  | "webhook"
  | "landmark"
  | "arrow-left-right"
  | "file-text"
  | "key";

export const navIcons: Record<NavIcon, LucideIcon> = {
  home: House,
  users: Users,
  "user-check": UserCheck,
  shield: Shield,
  settings: Settings,
  scroll: ScrollText,
  mail: Mail,
  activity: Activity,
  wallet: Wallet,
  send: Send,
  repeat: Repeat,
  inbox: Inbox,
  webhook: Webhook,
  landmark: Landmark,
  "arrow-left-right": ArrowLeftRight,
  "file-text": FileText,
  key: KeyRound,
};

/** Renders a NavIcon name as a decorative lucide icon (falls back to a document icon). */
export function NavIconGlyph({ icon, className }: { icon: NavIcon; className?: string }) {
  const Icon = navIcons[icon] ?? FileText;
  return <Icon aria-hidden="true" className={cn("size-4 shrink-0", className)} />;
}
