"use client";

import { FileCheck2, FileWarning, FileX2, Loader2 } from "lucide-react";
import { useId, useRef, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import type { DocumentSlot } from "@/lib/services/onboarding/documents";
import type { DocumentsText } from "@/lib/services/onboarding/documents-messages";
import { checkDocumentFileClaims, DOCUMENT_ACCEPT } from "@/lib/validations/document-file";
import { documentsBase, useDocumentDelete, useDocumentUpload } from "./document-upload";

const STATE_BADGE = {
  missing: { variant: "secondary", Icon: FileX2 },
  pending: { variant: "warning", Icon: FileWarning },
  uploaded: { variant: "success", Icon: FileCheck2 },
  needs_resubmission: { variant: "destructive", Icon: FileWarning },
} as const;

/**
 * One required document: its state, what was asked of it, and the form to upload, replace or
 * delete it. The file is checked here first (type, size, empty) and the message shown at the
 * field; the server checks the bytes again and its answer lands in the same place.
 */
export function DocumentSlotCard({
  partnerSlug,
  slot,
  frozen,
  t,
  onDone,
}: {
  partnerSlug: string;
  slot: DocumentSlot;
  frozen: boolean;
  t: DocumentsText;
  onDone: (message: string) => void;
}) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [replacing, setReplacing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [documentType, setDocumentType] = useState<string>(slot.document?.documentType ?? slot.types[0]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [typeError, setTypeError] = useState<string | null>(null);
  const upload = useDocumentUpload(partnerSlug, t("error.network"));
  const remove = useDocumentDelete(partnerSlug, t("error.network"));
  const document = slot.document;
  const showForm = !frozen && (!document || replacing);
  const title = t(`groups.${slot.id}`);
  const badge = upload.isPending ? { variant: "info" as const, Icon: Loader2 } : STATE_BADGE[slot.state];
  const stateLabel = upload.isPending ? t("state.uploading") : t(`state.${slot.state}`);
  const fileId = `${id}-file`;
  const typeId = `${id}-type`;

  const checkClaims = (file: File | undefined) => {
    if (!file) return t("chooseFile");
    const check = checkDocumentFileClaims(file);
    return check.ok ? null : t(`fileProblem.${check.problem}`);
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    const problem = checkClaims(file);
    setFileError(problem);
    setTypeError(null);
    if (problem || !file) return fileRef.current?.focus();
    upload.mutate(
      { file, documentType, replaces: replacing ? document?.id : null },
      {
        onSuccess: () => {
          setReplacing(false);
          if (fileRef.current) fileRef.current.value = "";
          onDone(t("uploadedDone", { name: file.name }));
        },
        onError: (error) => {
          if (error.field === "documentType") setTypeError(error.message);
          else setFileError(error.message);
          if (error.status === 401) window.location.assign(`/m/${encodeURIComponent(partnerSlug)}/sign-in`);
        },
      },
    );
  };

  return (
    <Card data-testid={`document-slot-${slot.id}`} aria-labelledby={`${id}-title`} role="region">
      <CardHeader>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <CardTitle id={`${id}-title`}>{title}</CardTitle>
          <Badge variant={badge.variant} data-testid="document-state">
            <badge.Icon aria-hidden className={upload.isPending ? "animate-spin" : undefined} />
            {stateLabel}
          </Badge>
        </div>
        <CardDescription>{t(`groupHelp.${slot.id}`)}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {document && (
          <div className="space-y-3">
            <p className="text-sm break-all">
              <span className="font-medium">{document.name}</span>{" "}
              <span className="text-muted-foreground">({t(`types.${document.documentType}`)})</span>
            </p>
            {document.comments.map((comment, i) => (
              <Alert key={i} variant="warning">
                <AlertDescription>
                  <strong>{t("comment")}:</strong> {comment}
                </AlertDescription>
              </Alert>
            ))}
            <div className="flex flex-wrap gap-2">
              {document.state !== "pending" && (
                <Button asChild variant="outline" size="sm">
                  <a
                    href={`${documentsBase(partnerSlug)}/preview/${encodeURIComponent(document.id)}`}
                    target="_blank"
                    rel="noopener"
                    aria-label={t("previewLabel", { name: document.name })}
                  >
                    {t("preview")}
                  </a>
                </Button>
              )}
              {!frozen && !replacing && (
                <Button variant="outline" size="sm" onClick={() => setReplacing(true)}>
                  {t("replace")}
                </Button>
              )}
              {!frozen && !confirming && (
                <Button variant="outline" size="sm" onClick={() => setConfirming(true)}>
                  {t("delete")}
                </Button>
              )}
            </div>
            {confirming && (
              <div
                className="flex flex-wrap items-center gap-2 rounded-md border p-3"
                role="group"
                aria-label={t("confirmDelete", { name: document.name })}
              >
                <p className="text-sm">{t("confirmDelete", { name: document.name })}</p>
                <Button
                  variant="destructive"
                  size="sm"
                  disabled={remove.isPending}
                  onClick={() =>
                    remove.mutate(
                      { documentId: document.id },
                      {
                        onSuccess: () => {
                          setConfirming(false);
                          onDone(t("deletedDone", { name: document.name }));
                        },
                      },
                    )
                  }
                >
                  {t("delete")}
                </Button>
                <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
                  {t("cancel")}
                </Button>
                {remove.error && (
                  <p className="w-full text-sm text-destructive" role="alert">
                    {remove.error.message}
                  </p>
                )}
              </div>
            )}
          </div>
        )}

        {showForm && (
          <form onSubmit={submit} noValidate className="space-y-4">
            {slot.types.length > 1 ? (
              <div className="space-y-1.5">
                <Label htmlFor={typeId}>{t("documentType")}</Label>
                <NativeSelect
                  id={typeId}
                  name="documentType"
                  value={documentType}
                  onChange={(e) => setDocumentType(e.target.value)}
                  aria-invalid={typeError ? true : undefined}
                  aria-describedby={typeError ? `${typeId}-error` : undefined}
                >
                  {slot.types.map((type) => (
                    <option key={type} value={type}>
                      {t(`types.${type}`)}
                    </option>
                  ))}
                </NativeSelect>
                {typeError && (
                  <p id={`${typeId}-error`} className="text-sm text-destructive">
                    {typeError}
                  </p>
                )}
              </div>
            ) : null}
            <div className="space-y-1.5">
              <Label htmlFor={fileId}>{replacing ? t("replaceWith") : t("file")}</Label>
              <input
                ref={fileRef}
                id={fileId}
                name="file"
                type="file"
                accept={DOCUMENT_ACCEPT}
                onChange={(e) => setFileError(e.target.files?.[0] ? checkClaims(e.target.files[0]) : null)}
                aria-invalid={fileError ? true : undefined}
                aria-describedby={`${fileId}-help${fileError ? ` ${fileId}-error` : ""}`}
                className="block w-full max-w-full text-sm file:mr-3 file:rounded-md file:border file:border-input file:bg-background file:px-3 file:py-1.5 file:text-sm file:font-medium"
              />
              <p id={`${fileId}-help`} className="text-xs text-muted-foreground">
                {t("fileHelp")}
              </p>
              {fileError && (
                <p id={`${fileId}-error`} className="text-sm text-destructive" data-testid="file-error">
                  {fileError}
                </p>
              )}
            </div>
            {upload.progress !== null && (
              <div className="space-y-1">
                <progress
                  className="h-2 w-full accent-primary"
                  max={100}
                  value={upload.progress}
                  aria-label={t("progress", { name: upload.variables?.file.name ?? "", percent: upload.progress })}
                />
                <p className="text-xs text-muted-foreground" aria-live="polite">
                  {t("progress", { name: upload.variables?.file.name ?? "", percent: upload.progress })}
                </p>
              </div>
            )}
            <div className="flex flex-wrap gap-2">
              <Button type="submit" disabled={upload.isPending}>
                {upload.isPending && <Loader2 aria-hidden className="animate-spin" />}
                {t("upload")}
              </Button>
              {replacing && (
                <Button type="button" variant="ghost" onClick={() => setReplacing(false)} disabled={upload.isPending}>
                  {t("cancel")}
                </Button>
              )}
            </div>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
