import type { NavIcon } from "@/components/layout/nav-icon";

export type ShellUser = { name: string; email: string };
export type ShellPartner = { slug: string; name: string };
export type ShellMembership = { slug: string; name: string; role: string };
export type NavItem = { href: string; label: string; icon: NavIcon; group?: string };
/** Alias kept for code written against the earlier kit. */
export type PartnerOption = ShellMembership;
