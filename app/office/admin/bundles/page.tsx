// 一件事: the administrator defines bundles — items with their rule (required or optional, inspected
// on site or not) and the materials given once — and sees those defined.
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/applications/action-form";
import { Data } from "@/components/ui/data";
import { Card, PageTitle } from "@/components/ui/notice";
import { requireArea } from "@/lib/server/auth/current-actor";
import { listBundlesForAdmin } from "@/lib/server/bundles/manage-bundles";
import { defineBundleAction } from "@/app/office/bundles/actions";
import { BackLink } from "@/components/ui/back-link";

export async function generateMetadata() {
  return { title: (await getTranslations("bundles"))("adminTitle") };
}

export default async function AdminBundlesPage() {
  const actor = await requireArea("admin", "/office/admin/bundles");
  const [t, bundles] = await Promise.all([getTranslations("bundles"), listBundlesForAdmin({ actor })]);
  return (
    <div className="flex flex-col gap-4" data-testid="admin-bundles-page">
      <BackLink href="/office/admin">{t("backToAdmin")}</BackLink>
      <PageTitle>{t("adminTitle")}</PageTitle>
      <p>{t("adminLead")}</p>
      {bundles.map((b) => (
        <Card key={b.code} title={<Data>{b.name}</Data>}>
          <div className="flex flex-col gap-2 text-sm" data-testid={`admin-bundle-${b.code}`}>
            <p>
              <span className="font-mono">{b.code}</span> · {t(b.active ? "active" : "inactive")} · {t("filings", { n: b.filings })}
            </p>
            <ul className="list-inside list-disc">
              {b.items.map((i) => (
                <li key={i.name}>
                  <Data>{i.name}</Data> — {t(i.required ? "required" : "optional")}
                  {i.siteSurvey && ` · ${t("surveyYes")}`}
                </li>
              ))}
            </ul>
            <p>{t("sharedList")}</p>
            <ul className="list-inside list-disc">
              {b.sharedMaterials.map((m) => (
                <li key={m}>
                  <Data>{m}</Data>
                </li>
              ))}
            </ul>
          </div>
        </Card>
      ))}
      <Card title={t("define")}>
        <ActionForm
          action={defineBundleAction}
          fields={{}}
          inputs={[
            { name: "code", kind: "text", label: t("code"), hint: t("codeHint") },
            { name: "name", kind: "text", label: t("name") },
            { name: "description", kind: "textarea", label: t("description") },
            { name: "items", kind: "textarea", label: t("itemLines"), hint: t("itemLinesHint") },
            { name: "sharedMaterials", kind: "textarea", label: t("sharedMaterials"), hint: t("sharedMaterialsHint") },
          ]}
          label={t("defineSubmit")}
          done={t("defined")}
          testId="define-bundle"
        />
      </Card>
    </div>
  );
}
