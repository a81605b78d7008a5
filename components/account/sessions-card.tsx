import { ConfirmSignOutEverywhere } from "./confirm-sign-out-everywhere";
import { SignOutSessionButton } from "./sign-out-session-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";

/** A device as the page shows it: `handle` stands for the session in this view only, never its id. */
type SessionView = { handle: string; ip: string | null; userAgent: string | null; lastSeenAt: Date; current: boolean };

export function SessionsCard({ view, sessions }: { view: string; sessions: SessionView[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Signed-in devices</CardTitle>
        <CardDescription>
          Signing out everywhere ends every session, this one included, on its next request.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <ul className="divide-y rounded-md border">
          {sessions.map((s) => (
            <li key={s.handle} className="flex items-center justify-between gap-4 px-4 py-3 text-sm">
              <div className="min-w-0">
                <div className="truncate font-medium">{describeAgent(s.userAgent)}</div>
                <div className="text-xs text-muted-foreground">
                  {s.ip ?? "unknown address"} · last active {formatDateTime(s.lastSeenAt)}
                </div>
              </div>
              {s.current ? (
                <Badge variant="secondary">This device</Badge>
              ) : (
                <SignOutSessionButton view={view} handle={s.handle} device={describeAgent(s.userAgent)} />
              )}
            </li>
          ))}
        </ul>
        <ConfirmSignOutEverywhere count={sessions.length} />
      </CardContent>
    </Card>
  );
}

function describeAgent(agent: string | null) {
  if (!agent) return "Unknown device";
  const browser = /Edg\//.test(agent)
    ? "Edge"
    : /Chrome\//.test(agent)
      ? "Chrome"
      : /Firefox\//.test(agent)
        ? "Firefox"
        : /Safari\//.test(agent)
          ? "Safari"
          : "Browser";
  const os = /Windows/.test(agent)
    ? "Windows"
    : /Mac OS X/.test(agent)
      ? "macOS"
      : /Android/.test(agent)
        ? "Android"
        : /iPhone|iPad/.test(agent)
          ? "iOS"
          : /Linux/.test(agent)
            ? "Linux"
            : "";
  return os ? `${browser} on ${os}` : browser;
}
