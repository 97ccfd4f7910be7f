// 就近办: the township centres, the items each accepts near people's homes, and the clerks working
// there. A centre's clerk accepts its items under the same rules as the hall; the case goes on in
// the bureau, and the certificate is collected back at the centre.
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/applications/action-form";
import { Data } from "@/components/ui/data";
import { Card, PageTitle } from "@/components/ui/notice";
import { requireArea } from "@/lib/server/auth/current-actor";
import { listCentres } from "@/lib/server/centres/manage-centres";
import { createCentreAction, setCentreItemsAction, setClerkCentreAction } from "./actions";
import { BackLink } from "@/components/ui/back-link";

export async function generateMetadata() {
  return { title: (await getTranslations("centres"))("title") };
}

export default async function CentresPage() {
  const actor = await requireArea("admin", "/office/admin/centres");
  const [t, list] = await Promise.all([getTranslations("centres"), listCentres({ actor })]);
  return (
    <div className="flex flex-col gap-4" data-testid="centres-page">
      <BackLink href="/office/admin">{t("back")}</BackLink>
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      {list.centres.length === 0 && <p>{t("empty")}</p>}
      {list.centres.map((c) => (
        <Card key={c.id} title={<Data>{c.name}</Data>}>
          <div className="flex flex-col gap-3" data-testid={`centre-${c.code}`}>
            <p>
              <span className="font-mono">{c.code}</span> · <Data>{c.address || "—"}</Data>
            </p>
            <p>{t("clerks", { n: c.clerks.length })}</p>
            {c.clerks.length > 0 && (
              <ul className="list-inside list-disc">
                {c.clerks.map((u) => (
                  <li key={u.id}>
                    <Data>{u.name}</Data>
                  </li>
                ))}
              </ul>
            )}
            <p>{t("items", { n: c.items.length })}</p>
            {c.items.length > 0 && (
              <ul className="list-inside list-disc text-sm">
                {c.items.map((i) => (
                  <li key={i.code}>
                    <Data>{i.name}</Data> <span className="font-mono text-slate-700">{i.code}</span>
                  </li>
                ))}
              </ul>
            )}
            <ActionForm
              action={setCentreItemsAction}
              fields={{ centreId: c.id }}
              label={t("saveItems")}
              variant="secondary"
              inputs={[{ name: "codes", kind: "textarea", label: t("codes"), hint: t("codesHint"), defaultValue: c.items.map((i) => i.code).join("\n") }]}
              testId={`centre-items-${c.code}`}
            />
          </div>
        </Card>
      ))}
      <Card title={t("assign")}>
        <ActionForm
          action={setClerkCentreAction}
          fields={{}}
          label={t("assignSubmit")}
          select={{ name: "userId", label: t("clerk"), options: [{ value: "", label: t("chooseClerk") }, ...list.clerks.map((u) => ({ value: u.id, label: `${u.name}（${u.loginId}）` }))] }}
          inputs={[{ name: "centreId", kind: "select", label: t("centre"), options: [{ value: "", label: t("hall") }, ...list.centres.map((c) => ({ value: c.id, label: c.name }))] }]}
          testId="assign-clerk"
        />
      </Card>
      <Card title={t("create")}>
        <ActionForm
          action={createCentreAction}
          fields={{}}
          label={t("createSubmit")}
          inputs={[
            { name: "code", kind: "text", label: t("code"), hint: t("codeHint") },
            { name: "name", kind: "text", label: t("name") },
            { name: "address", kind: "text", label: t("address") },
          ]}
          testId="create-centre"
        />
      </Card>
    </div>
  );
}
