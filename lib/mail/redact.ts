/** What stands in a stored mail for a link once the mail is delivered. */
export const REDACTED_LINK = "[link removed after delivery]";

/**
 * Mail links carry secrets (an invitation link signs its holder up): once the mail is delivered the
 * outbox keeps its words but none of its links.
 */
export function redactLinks(body: string) {
  return body.replace(/https?:\/\/[^\s"'<>]+/g, REDACTED_LINK);
}
