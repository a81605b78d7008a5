import {
  Activity, ArrowLeftRight, FileText, Home, Inbox, KeyRound, Landmark, Mail, Repeat, ScrollText, Send,
  Settings, Shield, UserCheck, Users, Wallet, Webhook, type LucideIcon,
} from "lucide-react";

const icons = {
  home: Home,
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
} satisfies Record<string, LucideIcon>;

/** Icons travel from server to client components by name. */
export type NavIcon = keyof typeof icons;

export function NavIconGlyph({ name, className }: { name: NavIcon; className?: string }) {
  const Icon = icons[name];
  return <Icon className={className} aria-hidden />;
}
