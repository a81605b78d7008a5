import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Inbox } from "lucide-react";
import { Pagination } from "@/components/lists/pagination";
import { PageHeader } from "@/components/layout/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db";
import { requireStaff } from "@/lib/auth/scope";
import { listPartnerMail } from "@/lib/data/mailbox";
import { formatDateTime } from "@/lib/format";
import { openCapturedMail } from "@/lib/mail/dev-mailbox";
import { smtpConfigured } from "@/lib/mail/outbox";
import { cn } from "@/lib/utils";
import { mailboxParamsSchema } from "@/lib/validations/mailbox";
import type { SearchParams } from "@/lib/validations/search-params";

export const metadata: Metadata = { title: "Dev mailbox" };

const PAGE_SIZE = 25;

type Props = {
  params: Promise<{ partnerSlug: string }>;
  searchParams: Promise<SearchParams>;
};

/** Mail this partner would have sent; exists only while no SMTP server is configured. */
export default async function MailboxPage({ params, searchParams }: Props) {
  if (smtpConfigured()) notFound();
  const scope = await requireStaff((await params).partnerSlug, "team.manage");
  const basePath = `/p/${scope.partnerSlug}/mailbox`;
  const { id, page } = mailboxParamsSchema.parse(await searchParams);
  const db = getDb();
  // Opening a mail delivers it (its links leave the database), so none opens by itself.
  const [{ rows, total }, open] = await Promise.all([
    listPartnerMail(db, scope, { page, pageSize: PAGE_SIZE }),
    id ? openCapturedMail(db, scope, id) : null,
  ]);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Dev mailbox"
        description="Every mail Partner Desk sent for this partner while no SMTP server is configured."
        breadcrumbs={[{ label: scope.partnerName, href: `/p/${scope.partnerSlug}` }, { label: "Dev mailbox" }]}
      />
      <Alert>
        <AlertDescription>Set SMTP_URL to send real mail; this page disappears when you do.</AlertDescription>
      </Alert>
      {rows.length === 0 ? (
        <EmptyState
          icon={<Inbox />}
          title="No mail yet"
          description="Invite a team member and the invitation shows up here."
        />
      ) : (
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-[22rem_minmax(0,1fr)]">
          <div className="min-w-0 space-y-3">
            <ul className="divide-y rounded-lg border bg-card">
              {rows.map((mail) => (
                <li key={mail.id}>
                  <Link
                    href={`${basePath}?id=${mail.id}&page=${page}`}
                    prefetch={false}
                    className={cn("block px-4 py-3 hover:bg-muted/60", open?.id === mail.id && "bg-muted")}
                  >
                    <div className="truncate text-sm font-medium">{mail.subject}</div>
                    <div className="truncate text-xs text-muted-foreground">
                      To {mail.to} · {formatDateTime(mail.createdAt)}
                      {mail.sentAt ? " · opened" : ""}
                    </div>
                  </Link>
                </li>
              ))}
            </ul>
            <Pagination page={page} pageSize={PAGE_SIZE} total={total} basePath={basePath} searchParams={{}} />
          </div>
          {open ? (
            <Card className="min-w-0">
              <CardHeader>
                <CardTitle>{open.subject}</CardTitle>
                <p className="text-sm text-muted-foreground">
                  To <span data-testid="mail-to">{open.to}</span> · {formatDateTime(open.createdAt)}{" "}
                  <Badge variant="outline">{open.status}</Badge>
                </p>
              </CardHeader>
              <CardContent className="space-y-4">
                <MailText text={open.text} />
                <p className="text-xs text-muted-foreground">
                  {open.sentAt
                    ? "Opened before: its links were removed once shown. Send the invitation again for a new link."
                    : "Links are shown this once: Partner Desk keeps no usable link once a mail is delivered."}
                </p>
              </CardContent>
            </Card>
          ) : (
            <p className="text-sm text-muted-foreground">Choose a mail to read it. Its links are shown once.</p>
          )}
        </div>
      )}
    </div>
  );
}

function MailText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return (
    <p className="whitespace-pre-wrap text-sm leading-6">
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} href={part} className="break-all text-primary underline underline-offset-4">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </p>
  );
}
