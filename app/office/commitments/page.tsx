// 告知承诺核查: the commitments of decided cases that the section must check afterwards, soonest
// signed first with their due date marked; a false one revokes the certificate. Checked ones on request.
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/applications/action-form";
import { CaseCell } from "@/components/cases/case-cell";
import { Data } from "@/components/ui/data";
import { DueMark } from "@/components/ui/due-mark";
import { PageTitle } from "@/components/ui/notice";
import { ListTable } from "@/components/ui/list-table";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { POST_CHECK_RESULTS } from "@/lib/domain/commitments/commitments";
import { requireSignedIn } from "@/lib/server/auth/current-actor";
import { listPostChecks, ZPostChecksFilter } from "@/lib/server/commitments/post-checks";
import { orAccessPage } from "@/lib/server/http-errors";
import { recordPostCheckAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("postChecks"))("title") };
}

export default async function PostChecksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireSignedIn("/office/commitments");
  const sp = await searchParams;
  const filter = ZPostChecksFilter.parse({ checked: typeof sp.checked === "string" ? sp.checked : undefined });
  const [t, format, list] = await Promise.all([getTranslations("postChecks"), getFormatter(), orAccessPage(listPostChecks({ actor, filter }))]);
  return (
    <div className="flex flex-col gap-4" data-testid="post-checks-page">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <p>
        <Link href={filter.checked ? "/office/commitments" : "/office/commitments?checked=1"} className="text-blue-800 underline">
          {filter.checked ? t("showOpen") : t("showChecked")}
        </Link>
      </p>
      <ListTable caption={t("title")} columns={[t("columns.case"), t("columns.commitment"), t("columns.due"), t("columns.result")]} testId="post-checks" empty={t("empty")}>
        {list.rows.map((c) => (
          <tr key={c.id} className="border-b border-slate-200 align-top" data-testid={`post-check-${c.number}`}>
            <CaseCell id={c.applicationId} number={c.number} itemName={c.itemName} />
            <td className="py-2 pr-3">
              <Data>{c.materialName}</Data>
              <span className="block text-slate-700">
                {t("signed", { at: format.dateTime(c.signedAt, { dateStyle: "short", timeStyle: "short", timeZone: BUREAU_TIME_ZONE }) })} <Data>{c.signerName}</Data>
              </span>
              <details>
                <summary className="cursor-pointer">{t("text")}</summary>
                <p className="whitespace-pre-line" lang="zh-CN">
                  {c.text}
                </p>
              </details>
            </td>
            <td className="py-2 pr-3">
              {c.mark !== "ok" && <DueMark mark={c.mark} label={t(`marks.${c.mark}`)} />} <span className="block">{c.dueOn}</span>
            </td>
            <td className="py-2 pr-3">
              {c.result && (
                <span className="block" data-testid={`post-check-result-${c.number}`}>
                  {t(`results.${c.result}`)} · <Data>{c.checkNote}</Data>
                </span>
              )}
              {c.mayRecord && (
                <ActionForm
                  action={recordPostCheckAction}
                  fields={{ commitmentId: c.id }}
                  label={t("record")}
                  select={{ name: "result", label: t("result"), options: [{ value: "", label: t("choose") }, ...POST_CHECK_RESULTS.map((r) => ({ value: r, label: t(`results.${r}`) }))] }}
                  inputs={[{ name: "note", kind: "textarea", label: t("note"), hint: t("noteHint") }]}
                  testId={`record-post-check-${c.number}`}
                />
              )}
            </td>
          </tr>
        ))}
      </ListTable>
    </div>
  );
}
