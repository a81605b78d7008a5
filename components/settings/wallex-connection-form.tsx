"use client";

import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFeedbackAction } from "@/components/forms/use-feedback-action";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { saveWallexConnectionAction } from "@/lib/actions/settings/save-wallex-connection";
import { EmbeddedSandboxButton } from "./embedded-sandbox-button";
import { TestConnectionButton } from "./test-connection-button";

type ConnectionView = {
  baseUrl: string;
  kind: "wallex" | "embedded_sandbox";
  requestsPerSecond: number;
  apiKeyLast4: string;
  accessKeyIdLast4: string;
  secretAccessKeyLast4: string;
} | null;

const secrets = [
  { name: "apiKey", label: "API key (X-Api-Key)", last4: "apiKeyLast4" },
  { name: "accessKeyId", label: "Access key ID", last4: "accessKeyIdLast4" },
  { name: "secretAccessKey", label: "Secret access key", last4: "secretAccessKeyLast4" },
] as const;

/** sandboxUrl is null where this deployment does not serve the embedded sandbox. */
export function WallexConnectionForm(props: {
  partnerSlug: string;
  connection: ConnectionView;
  sandboxUrl: string | null;
}) {
  const { connection } = props;
  const [state, formAction] = useFeedbackAction(saveWallexConnectionAction, ({ webhookError }) =>
    webhookError
      ? `Connection saved, but the webhook is not registered: ${webhookError} Register it from the Webhook card.`
      : "Wallex connection saved and webhook registered.",
  );
  const failed = state && !state.ok ? state : undefined;
  const usesSandbox = connection?.kind === "embedded_sandbox";

  return (
    <Card>
      <form action={formAction} noValidate key={failed ? JSON.stringify(failed.values) : "saved"}>
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            Wallex connection
            {usesSandbox ? (
              <Badge variant="secondary">Sandbox</Badge>
            ) : (
              connection && <Badge variant="success">Live</Badge>
            )}
          </CardTitle>
          <CardDescription>
            Credentials are encrypted at rest and never sent back to the browser. Leave a field blank to keep the stored
            value.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <input type="hidden" name="partnerSlug" value={props.partnerSlug} />
          <Field
            label="Base URL"
            name="baseUrl"
            errors={failed?.fieldErrors?.baseUrl}
            description={
              props.sandboxUrl
                ? `Production: https://api.wallex.asia · Embedded sandbox: ${props.sandboxUrl} (its keys are generated for you)`
                : "Production: https://api.wallex.asia, or the demo host Wallex gave you. Changing the host needs every credential again."
            }
          >
            <Input
              defaultValue={
                failed?.values?.baseUrl ?? connection?.baseUrl ?? props.sandboxUrl ?? "https://api.wallex.asia"
              }
            />
          </Field>
          <Field
            label="Requests per second"
            name="requestsPerSecond"
            errors={failed?.fieldErrors?.requestsPerSecond}
            description="The rate Wallex granted you (5 unless Wallex says otherwise). Every instance of Partner Desk together stays under it."
          >
            <Input
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              className="w-32"
              defaultValue={failed?.values?.requestsPerSecond ?? connection?.requestsPerSecond ?? 5}
            />
          </Field>
          <div className="grid gap-4 sm:grid-cols-3">
            {secrets.map((secret) => (
              <Field
                key={secret.name}
                label={secret.label}
                name={secret.name}
                errors={failed?.fieldErrors?.[secret.name]}
                description={connection ? `Stored: ••••${connection[secret.last4]}` : "Not set yet."}
              >
                <Input type="password" autoComplete="off" placeholder={connection ? "Keep current" : ""} />
              </Field>
            ))}
          </div>
          {failed?.formError && <FormMessage type="error">{failed.formError}</FormMessage>}
        </CardContent>
        <CardFooter className="justify-end">
          <SubmitButton pendingLabel="Saving…">Save connection</SubmitButton>
        </CardFooter>
      </form>
      {props.sandboxUrl && (
        <div className="border-t px-6 py-4">
          <EmbeddedSandboxButton partnerSlug={props.partnerSlug} connected={usesSandbox} />
        </div>
      )}
      {connection && (
        <div className="border-t px-6 py-4">
          <TestConnectionButton partnerSlug={props.partnerSlug} />
        </div>
      )}
    </Card>
  );
}
