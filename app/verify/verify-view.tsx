// The verification page for /verify and /verify/<identifier>: lookup by identifier, or a PDF upload.
import { getTranslations } from "next-intl/server";
import { VerificationResult } from "@/components/certificates/verification-result";
import { VerifyPdfForm } from "@/components/certificates/verify-pdf-form";
import { Card, Notice, PageTitle } from "@/components/ui/notice";
import { isAppError } from "@/lib/errors";
import { verifyCertificate, verifyDocument } from "@/lib/server/certificates/verify-certificate";
import { clientAddress } from "@/lib/server/client-address";
import { verifyPdfAction } from "./actions";

/** The lookup for a page: the result, "unknown", or the refusal of a guesser. */
async function lookup(identifier: string) {
  try {
    // Documents under the seal (receipts, notices, letters) have identifiers of their own: D…
    if (/^D[0-9A-Z]{16}$/i.test(identifier.trim())) return { document: await verifyDocument({ identifier }, await clientAddress()) };
    return { result: await verifyCertificate({ identifier }, await clientAddress()) };
  } catch (e) {
    if (isAppError(e) && e.code === "TOO_MANY_ATTEMPTS") return { refused: true as const };
    throw e;
  }
}

export async function VerifyPage({ identifier }: { identifier?: string }) {
  const [t, te, ta] = await Promise.all([getTranslations("verify"), getTranslations("errors"), getTranslations("application")]);
  const found = identifier ? await lookup(identifier) : null;
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <Card>
        <form method="get" action="/verify" className="flex flex-col gap-3" data-testid="verify-form">
          <div className="flex flex-col gap-1">
            <label htmlFor="identifier" className="font-medium">
              {t("identifier")}
            </label>
            <p id="identifier-hint" className="text-sm text-slate-600">
              {t("identifierHint")}
            </p>
            <input id="identifier" name="identifier" defaultValue={identifier ?? ""} aria-describedby="identifier-hint" className="rounded border border-slate-500 bg-white px-3 py-2 font-mono" />
          </div>
          <div>
            <button type="submit" className="rounded bg-brand px-5 py-2 font-medium text-white hover:bg-brand-dark">
              {t("lookup")}
            </button>
          </div>
        </form>
      </Card>
      {found && "refused" in found && <Notice kind="error">{te("TOO_MANY_ATTEMPTS")}</Notice>}
      {found && "result" in found && (found.result ? <VerificationResult v={found.result} /> : <Notice kind="error">{t("unknown")}</Notice>)}
      {found && "document" in found &&
        (found.document ? (
          <section className="flex flex-col gap-3" data-testid="document-verification">
            <Notice kind={found.document.recordSignatureValid ? "success" : "error"}>
              <span data-testid="verdict">{found.document.recordSignatureValid ? t("documentFound") : t("documentBad")}</span>
            </Notice>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded border border-slate-200 bg-white p-4">
              <dt>{t("document")}</dt>
              <dd>{ta(`documentKinds.${found.document.kind}`)}</dd>
              <dt>{t("number")}</dt>
              <dd data-testid="document-number">{found.document.number}</dd>
              <dt>{t("application")}</dt>
              <dd className="font-mono">{found.document.application}</dd>
              <dt>{t("issuedAt")}</dt>
              <dd>{found.document.issuedAt.slice(0, 10)}</dd>
              <dt>{t("seal")}</dt>
              <dd>
                {found.document.seal.name}
                {found.document.seal.archived && t("archivedSeal")}
              </dd>
              <dt>{t("keyFingerprints")}</dt>
              <dd className="font-mono text-xs break-all">
                {found.document.seal.keyId} · {found.document.seal.sm2Fingerprint}
              </dd>
            </dl>
          </section>
        ) : (
          <Notice kind="error">{t("unknown")}</Notice>
        ))}
      {found && "result" in found && found.result && (
        <p>
          <a href={`/api/verify/${encodeURIComponent(found.result.identifier)}`} className="text-blue-800 underline" data-testid="verify-json">
            {t("json")}
          </a>
        </p>
      )}
      <Card title={t("upload")}>
        <VerifyPdfForm
          action={verifyPdfAction}
          labels={{ file: t("file"), check: t("check"), issued: t("issued"), notIssued: t("notIssued"), verdicts: t.raw("verdicts") as Record<string, string> }}
        />
      </Card>
    </div>
  );
}

