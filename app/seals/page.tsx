// 印章与公钥公示, public: the one seal in use, archived ones, and the keys that verify what they stamped.
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/notice";
import { sealSvg } from "@/lib/domain/seals/seal-image";
import { BUREAU } from "@/lib/bureau";
import { listPublicSeals } from "@/lib/server/seals/list-public-seals";
import { Data } from "@/components/ui/data";

export async function generateMetadata() {
  return { title: (await getTranslations("seals"))("title") };
}

export default async function SealsPage() {
  const [t, seals] = await Promise.all([getTranslations("seals"), listPublicSeals()]);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      {seals.map((s) => (
        <Card
          key={s.id}
          title={
            <>
              <Data>{s.name}</Data> {t(s.status === "ACTIVE" ? "activeParen" : "archivedParen")}
            </>
          }
        >
          <div className="flex flex-col gap-4 md:flex-row" data-testid="seal">
            {/* Drawn from the seal's name as vector graphics; decorative beside the written name. */}
            <div lang="zh-CN" className="h-40 w-40 shrink-0" aria-hidden="true" dangerouslySetInnerHTML={{ __html: sealSvg({ name: BUREAU.officialName, size: 160 }) }} />
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt>{t("keyId")}</dt>
              <dd className="font-mono">{s.keyId}</dd>
              <dt>{t("rsa")}</dt>
              <dd className="font-mono break-all" data-testid="rsa-fingerprint">{s.rsaFingerprint}</dd>
              <dt>{t("sm2")}</dt>
              <dd className="font-mono break-all">{s.sm2PublicKey}</dd>
              <dt>{t("stamps")}</dt>
              <dd>{s._count.stampRecords}</dd>
              {s.demo && (
                <>
                  <dt />
                  <dd className="font-medium text-red-800">{t("demo")}</dd>
                </>
              )}
            </dl>
          </div>
          <details className="mt-3">
            <summary className="cursor-pointer">{t("certificate")}</summary>
            <pre className="mt-2 overflow-x-auto text-xs">{s.certificatePem}</pre>
          </details>
        </Card>
      ))}
    </div>
  );
}
