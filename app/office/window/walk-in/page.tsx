// 窗口受理 of a walk-in: find the applicant by resident ID or credit code (or register them on the
// spot), choose the item, then file with the same form an applicant uses online.
import { randomUUID } from "node:crypto";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { ApplicationForm } from "@/components/applications/application-form";
import { applicationFormLabels } from "@/components/applications/application-form-labels";
import { GetSearchForm } from "@/components/ui/get-search-form";
import { formFieldsOf } from "@/lib/domain/catalogue/form-fields";
import { WalkInLookup, type WalkInLookupLabels } from "@/components/applications/walk-in-lookup";
import { Card, Notice, PageTitle } from "@/components/ui/notice";
import { getWalkInFiling } from "@/lib/server/applications/get-walk-in-filing";
import { requireArea } from "@/lib/server/auth/current-actor";
import { parseCatalogueQuery, searchCatalogue } from "@/lib/server/catalogue/search-catalogue";
import { findWalkInApplicantAction, registerWalkInAction, startWalkInAction } from "../actions";
import { Data, dataTag } from "@/components/ui/data";
import { BackLink } from "@/components/ui/back-link";

export async function generateMetadata() {
  return { title: (await getTranslations("titles"))("walkIn") };
}

type Search = { applicant?: string; q?: string; item?: string };

export default async function WalkInPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireArea("window", "/office/window/walk-in");
  const sp = await searchParams;
  const [t, tr, ta] = await Promise.all([getTranslations("walkIn"), getTranslations("register"), getTranslations("application")]);

  // Step 1 (who is applying) is a POST in <WalkInLookup>: the ID never goes into the URL.
  const { applicant, item } = await getWalkInFiling({ actor, applicantId: sp.applicant, itemCode: sp.item });
  const keys = ["name", "enterpriseName", "residentId", "creditCode", "contactName", "phone", "password", "passwordHint", "submit", "done", "signIn"] as const;
  const registerLabels = Object.fromEntries(keys.map((k) => [k, tr.raw(k) as string])) as Record<(typeof keys)[number], string>;

  // Step 2: which item (current guide of an item the bureau runs); the item itself is loaded above.
  const results = applicant && sp.q ? await searchCatalogue(parseCatalogueQuery({ q: sp.q })) : null;

  return (
    <div className="flex flex-col gap-4">
      <BackLink href="/office/window">{t("back")}</BackLink>
      <PageTitle>{t("title")}</PageTitle>
      {!applicant ? (
        <WalkInLookup
          find={findWalkInApplicantAction}
          register={registerWalkInAction}
          registerLabels={registerLabels}
          labels={{
            ...Object.fromEntries((["find", "identifier", "search", "found", "useApplicant", "notFound", "register", "registerSubmit"] as const).map((k) => [k, t.raw(k) as string])),
            type: tr("type"),
            person: tr("person"),
            enterprise: tr("enterprise"),
          } as WalkInLookupLabels}
        />
      ) : (
        <>
          <Notice kind="info">{t.rich("applicantChosen", { name: applicant.name, data: dataTag })}</Notice>
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
                          <Data>{r.name}</Data>
                        </Link>
                      </li>
                    ))}
                </ul>
              )}
            </Card>
          ) : (
            <Card title={t.rich("fileFor", { item: item.currentVersion.name, data: dataTag })}>
              <ApplicationForm
                action={startWalkInAction}
                itemCode={item.implementationCode}
                submissionKey={randomUUID()}
                applicantId={applicant.id}
                defaults={{ contactName: applicant.contactName ?? applicant.name, contactPhone: applicant.phone ?? "" }}
                labels={await applicationFormLabels(t("startFiling"))}
                formFields={formFieldsOf(item.currentVersion.formFields)}
                conditional={item.currentVersion.materials.map((m) => ({ id: m.id, label: ta.rich("appliesItem", { condition: m.condition, name: m.name, data: dataTag }) }))}
              />
            </Card>
          )}
        </>
      )}
    </div>
  );
}
