// 窗口受理 of a walk-in: find the applicant by resident ID or credit code (or register them on the
// spot), choose the item, then file with the same form an applicant uses online.
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ApplicationForm } from "@/components/applications/application-form";
import { applicationFormLabels } from "@/components/applications/application-form-labels";
import { GetSearchForm } from "@/components/ui/get-search-form";
import { formFieldsOf } from "@/lib/domain/catalogue/form-fields";
import { RegisterForm } from "@/components/forms/register-form";
import { Card, Notice, PageTitle } from "@/components/ui/notice";
import { findApplicant } from "@/lib/server/applications/applicants";
import { getWalkInFiling } from "@/lib/server/applications/get-walk-in-filing";
import { requireArea } from "@/lib/server/auth/current-actor";
import { parseCatalogueQuery, searchCatalogue } from "@/lib/server/catalogue/search-catalogue";
import { registerWalkInAction, startWalkInAction } from "../actions";

export const metadata = { title: "窗口受理：现场申请" };

type Search = { id?: string; applicant?: string; q?: string; item?: string; type?: string };

export default async function WalkInPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireArea("window", "/office/window/walk-in");
  const sp = await searchParams;
  const [t, tr, ta] = await Promise.all([getTranslations("walkIn"), getTranslations("register"), getTranslations("application")]);

  // Step 1: who is applying.
  const found = sp.id ? await findApplicant({ actor, identifier: sp.id }) : null;
  const { applicant, item } = await getWalkInFiling({ actor, applicantId: sp.applicant, itemCode: sp.item });
  const keys = ["name", "enterpriseName", "residentId", "creditCode", "contactName", "phone", "password", "passwordHint", "submit", "done", "signIn"] as const;
  const registerLabels = Object.fromEntries(keys.map((k) => [k, tr.raw(k) as string])) as Record<(typeof keys)[number], string>;

  // Step 2: which item (current guide of an item the bureau runs); the item itself is loaded above.
  const results = applicant && sp.q ? await searchCatalogue(parseCatalogueQuery({ q: sp.q })) : null;

  return (
    <div className="flex flex-col gap-4">
      <p>
        <Link href="/office/window" className="text-blue-800 underline">
          ← {t("back")}
        </Link>
      </p>
      <PageTitle>{t("title")}</PageTitle>
      {!applicant ? (
        <>
          <Card title={t("find")}>
            <GetSearchForm name="id" label={t("identifier")} defaultValue={sp.id} button={t("search")} />
            {sp.id && found && (
              <div className="mt-3">
                <Notice kind="success">
                  {t("found", { name: found.name, id: found.maskedId })}{" "}
                  <Link href={`/office/window/walk-in?applicant=${found.id}`} className="font-semibold underline" data-testid="use-applicant">
                    {t("useApplicant")}
                  </Link>
                </Notice>
              </div>
            )}
            {sp.id && !found && (
              <div className="mt-3">
                <Notice kind="info">{t("notFound")}</Notice>
              </div>
            )}
          </Card>
          {sp.id && !found && (
            <Card title={t("register")}>
              <nav aria-label={tr("type")} className="mb-3 flex gap-3">
                <Link href={`/office/window/walk-in?id=${encodeURIComponent(sp.id)}`} aria-current={sp.type !== "enterprise" ? "page" : undefined} className="text-blue-800 underline">
                  {tr("person")}
                </Link>
                <Link href={`/office/window/walk-in?id=${encodeURIComponent(sp.id)}&type=enterprise`} aria-current={sp.type === "enterprise" ? "page" : undefined} className="text-blue-800 underline">
                  {tr("enterprise")}
                </Link>
              </nav>
              <RegisterForm
                key={sp.type ?? "person"}
                type={sp.type === "enterprise" ? "ENTERPRISE" : "PERSON"}
                action={registerWalkInAction}
                labels={{ ...registerLabels, submit: t("registerSubmit") }}
                withPassword={false}
              />
            </Card>
          )}
        </>
      ) : (
        <>
          <Notice kind="info">{t("applicantChosen", { name: applicant.name })}</Notice>
          {!item?.currentVersion ? (
            <Card title={t("chooseItem")}>
              <GetSearchForm name="q" label={t("itemSearch")} defaultValue={sp.q} button={t("search")} hidden={{ applicant: applicant.id }} />
              {results && (
                <ul className="mt-3 flex flex-col gap-1" data-testid="item-choices">
                  {results.items
                    .filter((r) => r.section)
                    .map((r) => (
                      <li key={r.implementationCode}>
                        <Link href={`/office/window/walk-in?applicant=${applicant.id}&item=${encodeURIComponent(r.implementationCode)}`} className="text-blue-800 underline">
                          {r.name}
                        </Link>
                      </li>
                    ))}
                </ul>
              )}
            </Card>
          ) : (
            <Card title={t("fileFor", { item: item.currentVersion.name })}>
              <ApplicationForm
                action={startWalkInAction}
                itemCode={item.implementationCode}
                submissionKey={randomUUID()}
                applicantId={applicant.id}
                defaults={{ contactName: applicant.contactName ?? applicant.name, contactPhone: applicant.phone ?? "" }}
                labels={await applicationFormLabels(t("startFiling"))}
                formFields={formFieldsOf(item.currentVersion.formFields)}
                conditional={item.currentVersion.materials.map((m) => ({ id: m.id, label: ta("appliesItem", { condition: m.condition, name: m.name }) }))}
              />
            </Card>
          )}
        </>
      )}
    </div>
  );
}
