// What the public verification page says of one certificate: its verdict first, then the facts
// anyone may see (holder partly masked) and the seal and keys that stamped it.
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import type { PublicVerification } from "@/lib/server/certificates/verify-certificate";
import { Data, dataLang } from "@/components/ui/data";

export async function VerificationResult({ v }: { v: PublicVerification }) {
  const [t, tf] = await Promise.all([getTranslations("verify"), getTranslations("common")]);
  const good = v.verdict === "valid";
  return (
    <section className="flex flex-col gap-3" data-testid="verification" data-verdict={v.verdict}>
      <Notice kind={good ? "success" : "error"}>
        <span className="text-lg font-semibold" data-testid="verdict">
          {t(`verdicts.${v.verdict}`)}
        </span>
        {v.statusReason && (
          <span>
            {tf("colon")}
            <Data>{v.statusReason}</Data>
          </span>
        )}
      </Notice>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded border border-slate-200 bg-white p-4">
        <dt>{t("name")}</dt>
        <dd {...dataLang(v.name)}>{v.name}</dd>
        <dt>{t("number")}</dt>
        <dd className="font-mono" data-testid="verify-number" {...dataLang(v.number)}>
          {v.number}
        </dd>
        <dt>{t("holder")}</dt>
        <dd {...dataLang(v.holder)}>{v.holder}</dd>
        <dt>{t("holderId")}</dt>
        <dd className="font-mono">{v.holderId}</dd>
        <dt>{t("issuer")}</dt>
        <dd {...dataLang(v.issuer)}>{v.issuer}</dd>
        <dt>{t("issuedOn")}</dt>
        <dd>{v.issuedOn}</dd>
        <dt>{t("validity")}</dt>
        <dd>
          {v.validFrom} — {v.validTo ?? t("longTerm")}
        </dd>
        {v.statusChangedAt && (
          <>
            <dt>{t("statusChanged")}</dt>
            <dd>{v.statusChangedAt.slice(0, 10)}</dd>
          </>
        )}
        <dt>{t("seal")}</dt>
        <dd>
          <Data>{v.seal.name}</Data>
          {v.seal.demo && `${tf("parenOpen")}${t("demoSeal")}${tf("parenClose")}`}
          {v.seal.archived && t("archivedSeal")}
        </dd>
        <dt>{t("keyFingerprints")}</dt>
        <dd className="font-mono text-xs break-all">
          {v.seal.keyId} · {v.seal.rsaFingerprint} · {v.seal.sm2Fingerprint}
        </dd>
        <dt>{t("recordSignature")}</dt>
        <dd data-testid="record-signature">{v.recordSignatureValid ? t("signatureOk") : t("signatureBad")}</dd>
      </dl>
    </section>
  );
}
