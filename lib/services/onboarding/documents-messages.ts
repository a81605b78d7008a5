import type { MemberLocale } from "@/db/schema";
import en from "@/lib/i18n/messages/documents.en.json";
import id from "@/lib/i18n/messages/documents.id.json";
import { MAX_DOCUMENT_MEGABYTES } from "@/lib/validations/document-file";

/**
 * The documents step's words in the member's language (en / id), for the page, the form and the
 * upload route's answers alike. Keys are paths into lib/i18n/messages/documents.<locale>.json (no
 * dots inside a key, as next-intl wants); `{name}` placeholders are filled from `values`, and
 * `{max}` is always the upload limit. No server-only import: the form translates with it too.
 */
export type DocumentsMessages = typeof en;
const MESSAGES: Record<MemberLocale, DocumentsMessages> = { en, id };

export type DocumentsText = (key: string, values?: Record<string, string | number>) => string;

export function documentsMessages(locale: MemberLocale): DocumentsMessages {
  return MESSAGES[locale] ?? MESSAGES.en;
}

export function documentsText(messages: DocumentsMessages): DocumentsText {
  return (key, values = {}) => {
    let node: unknown = messages;
    for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
    const template = typeof node === "string" ? node : key;
    const all: Record<string, string | number> = { max: MAX_DOCUMENT_MEGABYTES, ...values };
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in all ? String(all[name]) : whole));
  };
}
