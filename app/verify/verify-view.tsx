// The verification page for /verify and /verify/<identifier>: lookup by identifier, or a PDF upload.
import { getTranslations } from "next-intl/server";
import { VerificationResult } from "@/components/certificates/verification-result";
import { VerifyPdfForm } from "@/components/certificates/verify-pdf-form";
import { Card, Notice, PageTitle } from "@/components/ui/notice";
import { isAppError } from "@/lib/errors";
import { verifyCertificate } from "@/lib/server/certificates/verify-certificate";
import { clientAddress } from "@/lib/server/client-address";
import { verifyPdfAction } from "./actions";

/** The lookup for a page: the result, "unknown", or the refusal of a guesser. */
async function lookup(identifier: string) {
  try {
    return { result: await verifyCertificate({ identifier }, await clientAddress()) };
  } catch (e) {
    if (isAppError(e) && e.code === "TOO_MANY_ATTEMPTS") return { refused: true as const };
    throw e;
  }
}

export async function VerifyPage({ identifier }: { identifier?: string }) {
  const [t, te] = await Promise.all([getTranslations("verify"), getTranslations("errors")]);
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

